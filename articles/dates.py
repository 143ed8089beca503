"""How the desk shows a time and a person: one rule for the admin, the services' messages and revisions.

Times are stored in UTC and shown in the desk's time zone (settings.TIME_ZONE), as "28 Nov 2026, 14:05".
The reader pages format their own times in templates (the shown_time and iso_time filters).
"""

from datetime import datetime

from django.utils import formats, timezone

DESK_TIME_FORMAT = "j M Y, H:i"


def desk_time(moment: datetime | None) -> str:
    """ "28 Nov 2026, 14:05" in the desk's time zone; "—" when there is no time."""
    if moment is None:
        return "—"
    return formats.date_format(timezone.localtime(moment), DESK_TIME_FORMAT)


def person_name(user) -> str:
    """A desk user as the desk knows them: full name, else username ("someone" when unknown)."""
    if user is None:
        return "someone"
    return user.get_full_name() or user.get_username()


def time_by(moment: datetime | None, user) -> str:
    """ "28 Nov 2026, 14:05 by Ana Ruiz": a desk record's time and, when known, who made it."""
    return f"{desk_time(moment)} by {person_name(user)}" if user is not None else desk_time(moment)
