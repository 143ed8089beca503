"""Opaque cursors for newest-first lists: the (time, id) of the last item a page showed, signed.

Signed with the SECRET_KEY (django.core.signing), so a client cannot forge one; a changed or
garbled cursor is a 400 with a message. A page after the cursor holds everything strictly older
than that item, so a story published meanwhile never shifts the pages a client is walking.
"""

from datetime import datetime

from django.core import signing
from django.db.models import Q

from articles.api.problems import ApiProblem

SALT = "articles.api.cursor"


def make_cursor(moment: datetime, pk: int) -> str:
    return signing.dumps([moment.isoformat(), pk], salt=SALT, compress=False)


def read_cursor(text: str) -> tuple[datetime, int]:
    try:
        moment, pk = signing.loads(text, salt=SALT)
        return datetime.fromisoformat(moment), int(pk)
    except (signing.BadSignature, ValueError, TypeError):
        raise ApiProblem(400, "The cursor is not one this API gave out. Start again without it.") from None


def after_cursor(queryset, text: str | None, *, time_field: str):
    """The rows older than the cursor's item, newest first by (time_field, id)."""
    queryset = queryset.order_by(f"-{time_field}", "-pk")
    if not text:
        return queryset
    moment, pk = read_cursor(text)
    return queryset.filter(Q(**{f"{time_field}__lt": moment}) | Q(**{time_field: moment, "pk__lt": pk}))


def page(queryset, *, cursor: str | None, size: int, time_field: str) -> tuple[list, str | None]:
    """One page of rows and the cursor for the next page (None on the last)."""
    rows = list(after_cursor(queryset, cursor, time_field=time_field)[: size + 1])
    if len(rows) <= size:
        return rows, None
    rows = rows[:size]
    last = rows[-1]
    return rows, make_cursor(getattr(last, time_field), last.pk)
