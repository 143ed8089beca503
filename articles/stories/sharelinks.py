"""Share links: a preview of a story that is not live, for someone without an account.

A link is a row (who made it, until when, revoked or not, every use) plus a signed token that
names its story and key, so a token only ever opens its own story.
"""

from datetime import timedelta

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.http import urlencode

from articles.models import ShareLink, ShareLinkUse, Story, StoryStatus
from articles.paths import absolute_url
from articles.stories.permissions import PUBLISH_PERMISSION, require

SHARE_PARAMETER = "share"
# A salt of its own, so no other signed value in the project can pass for a share token.
# (Named after the module that first held it: changing it would break every link out there.)
_SHARE_SALT = "articles.preview.sharelink"
SHARELINK_DEFAULT_HOURS = 48
SHARELINK_MAX_HOURS = 7 * 24


def sharelink_token(link: ShareLink) -> str:
    """The signed token for a link: its story and key, so a token only opens its own story."""
    return signing.Signer(salt=_SHARE_SALT).sign_object([link.story_id, link.key.hex])


def sharelink_url(link: ShareLink) -> str:
    """The absolute address to send: the story's own URL plus the token."""
    query = urlencode({SHARE_PARAMETER: sharelink_token(link)})
    return absolute_url(f"{link.story.get_absolute_url()}?{query}")


def sharelink_signature_is_valid(token: str) -> bool:
    """Whether the token was signed by us (no database query): a made-up ``?share=`` is not."""
    try:
        signing.Signer(salt=_SHARE_SALT).unsign_object(token)
    except (signing.BadSignature, ValueError):
        return False
    return True


def sharelink_for_token(token: str, story_id: int) -> ShareLink | None:
    """The usable link behind a token for this story, or None when tampered, foreign, expired or revoked."""
    try:
        payload = signing.Signer(salt=_SHARE_SALT).unsign_object(token)
    except signing.BadSignature:
        return None
    # Only our own signer can have produced the payload, but check its shape rather than trust it.
    if not (isinstance(payload, list) and len(payload) == 2 and payload[0] == story_id):
        return None
    link = ShareLink.objects.filter(key=payload[1], story_id=story_id).first()
    if link is None or not link.is_usable():
        return None
    return link


@transaction.atomic
def sharelink_create(*, story: Story, user, hours: int = SHARELINK_DEFAULT_HOURS, note: str = "") -> ShareLink:
    """A preview link for someone without an account, valid for `hours` (1 hour to 7 days)."""
    require(user, PUBLISH_PERMISSION)
    if story.pk is None:
        raise ValidationError("Save the story before making a share link.")
    if story.status == StoryStatus.WITHDRAWN:
        raise ValidationError("A withdrawn story cannot be shared.")
    if isinstance(hours, bool) or not isinstance(hours, int) or not 1 <= hours <= SHARELINK_MAX_HOURS:
        raise ValidationError(f"A share link lasts from 1 hour to {SHARELINK_MAX_HOURS // 24} days.")
    link = ShareLink(
        story=story,
        note=(note or "").strip(),
        created_by=user,
        expires_at=timezone.now() + timedelta(hours=hours),
    )
    link.full_clean()
    link.save()
    return link


@transaction.atomic
def sharelink_revoke(*, link: ShareLink, user) -> ShareLink:
    """Stop a share link working at once. Revoking a revoked link keeps the first revocation."""
    require(user, PUBLISH_PERMISSION)
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.revoked_by = user
        link.save(update_fields=["revoked_at", "revoked_by"])
    return link


def sharelink_record_use(*, link: ShareLink, ip_address: str | None, user_agent: str) -> ShareLinkUse:
    """Log one opening of a share link: when, from which address, with which browser."""
    limit = ShareLinkUse._meta.get_field("user_agent").max_length
    return ShareLinkUse.objects.create(link=link, ip_address=ip_address, user_agent=(user_agent or "")[:limit])
