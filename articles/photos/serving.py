"""Whether a rendition file may be handed to a reader: the photo files follow the photo's rights.

A rendition is served (articles.reader.photos) only when all of these hold:

* its name is one the photo's row records (so a file being written, or left behind by a failed
  save, is never served: see articles.photos.files);
* the photo is public today (``Photo.is_public_on``: rights hold and renditions exist);
* a live story shows it (as its lead photo or in its body), or an author page uses it as a portrait.

That is one query for the photo (by primary key) and at most three indexed EXISTS queries; pages
only build URLs and never call this. Edge caches keep a served file under the surrogate key
``photo_surrogate_key(photo_id)``, which is purged when the photo's rights or use change.
"""

from articles.models import Author, Photo, Story
from articles.photos.public import RENDITION_PREFIX
from articles.photos.renditions import rendition_names


def photo_surrogate_key(photo_id: int) -> str:
    return f"photo-{photo_id}"


def photo_id_from_name(name: str) -> int | None:
    """The photo a rendition belongs to, from its stored name (photos/r/<photo id>/...)."""
    if not name.startswith(RENDITION_PREFIX):
        return None
    head = name[len(RENDITION_PREFIX) :].split("/", 1)[0]
    return int(head) if head.isdigit() else None


def photo_in_use(photo_id: int) -> bool:
    """A reader can come across the photo: a live story shows it, or an author's page does."""
    live = Story.objects.live()
    return (
        live.filter(lead_photo_id=photo_id).exists()
        or live.filter(placements__photo_id=photo_id).exists()
        or Author.objects.filter(photo_id=photo_id).exists()
    )


def rendition_photo(name: str) -> Photo | None:
    """The photo whose recorded rendition `name` is, or None (no such photo, or not one of its files)."""
    photo_id = photo_id_from_name(name)
    if photo_id is None:
        return None
    photo = Photo.objects.filter(pk=photo_id).only("renditions", "rights_expire_on").first()
    if photo is None or name not in rendition_names(photo.renditions):
        return None
    return photo


def readers_may_fetch(photo: Photo) -> bool:
    return photo.is_public_on() and photo_in_use(photo.pk)


def story_photo_keys(story: Story) -> list[str]:
    """The surrogate keys to purge with a story's own when it is withdrawn or its photos change."""
    ids = {story.lead_photo_id, *story.placements.values_list("photo_id", flat=True)} - {None}
    return [photo_surrogate_key(photo_id) for photo_id in sorted(ids)]
