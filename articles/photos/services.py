"""The photo desk's state changes: upload (admin, bulk, folder import) and re-rendering.

One entry point for every way a photo arrives: the admin's single upload, the bulk upload,
`import_photos` and the demo loader all call ``photo_create`` (the single upload checks the
file first with ``photo_check_upload``, so the form can show a refusal beside the field).
None of them judges the file or looks for duplicates itself.
"""

import logging
from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.core.files.storage import storages
from django.db import transaction

from articles.models import Photo
from articles.photos.files import FileBatch, PhotoStorageError, storage_failure_message
from articles.photos.inspect import InspectedImage, inspect_upload
from articles.photos.renditions import delete_renditions, make_renditions, rendition_names

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class UploadResult:
    name: str
    photo: Photo | None = None
    duplicate_of: Photo | None = None
    error: str = ""

    @property
    def outcome(self) -> str:
        if self.photo is not None:
            return "imported"
        return "duplicate" if self.duplicate_of is not None else "rejected"


def _require(user, permission: str) -> None:
    if user is not None and not user.has_perm(permission):
        raise PermissionDenied("You do not have permission to add photos.")


def prefill_fields(inspected: InspectedImage) -> dict:
    """Photo fields from the file's own metadata; the desk can change every one of them."""
    meta = inspected.metadata
    credit = meta.credit or "/".join(part for part in (meta.photographer, meta.source) if part)
    return {
        "caption": meta.caption,
        "headline": meta.headline[:300],
        "photographer": meta.photographer[:200],
        "credit": credit[:200],
        "source": meta.source[:200],
        "copyright": meta.copyright[:300],
        "keywords": list(meta.keywords),
        "city": meta.city[:120],
        "country": meta.country[:120],
        "taken_at": meta.taken_at,
        "alt_text": meta.alt_text[:400],
        "digital_source_type": meta.digital_source_type,
        "metadata": meta.raw,
    }


class DuplicatePhoto(ValidationError):
    """The file is already in the library, as `photo`."""

    def __init__(self, name: str, photo: Photo):
        super().__init__(f"“{name}” is already in the library as photo no. {photo.pk}.", code="duplicate")
        self.photo = photo


def find_duplicate(sha256: str) -> Photo | None:
    return Photo.objects.filter(sha256=sha256).order_by("pk").first()


def photo_check_upload(*, fileobj, name: str, allow_duplicate: bool = False) -> InspectedImage:
    """Judge a file by its content and refuse one the library already holds.

    Raises ValidationError (DuplicatePhoto for a file already there) in words the desk can act on.
    """
    inspected = inspect_upload(fileobj, name=name)
    duplicate = None if allow_duplicate else find_duplicate(inspected.sha256)
    if duplicate is not None:
        raise DuplicatePhoto(name, duplicate)
    return inspected


def photo_attention(photo: Photo) -> list[str]:
    """What the desk must still do before a story may carry this photo (empty: nothing).

    The publishing rules' own words (articles.stories.workflow.photo_problems), so the bulk
    upload's rows, its summary and the publish button never disagree.
    """
    from articles.stories.workflow import photo_problems

    return photo_problems(photo)


def photo_refresh_renditions(*, photo: Photo) -> Photo:
    """(Re)make every rendition, e.g. after the focal point moved; old files are removed after.

    Raises PhotoStorageError (the old renditions stay in place) when the new files cannot be written.
    """
    old = photo.renditions
    try:
        photo.renditions = make_renditions(photo)
    except OSError as error:
        raise PhotoStorageError(storage_failure_message(error, photo.original_filename)) from error
    Photo.objects.filter(pk=photo.pk).update(renditions=photo.renditions)
    transaction.on_commit(lambda: delete_renditions(old, keep=rendition_names(photo.renditions)))
    return photo


def _filled(values: dict | None) -> dict:
    return {key: value for key, value in (values or {}).items() if value not in (None, "", [])}


def _store(
    *, photo: Photo, inspected: InspectedImage, fileobj, name: str, user=None, overrides=None, defaults=None
) -> Photo:
    """Fill `photo` from the inspected file and the desk's own entries, save it and make its renditions.

    Fields the desk filled in (`overrides`, non-empty) win over the file's metadata; `defaults` fill
    only what both leave empty. On any failure nothing is left behind: the row rolls back and every
    file of this save (original and renditions, whole or half-written) is deleted
    (articles.photos.files). A storage failure is raised as PhotoStorageError naming the cause.
    """
    fields = prefill_fields(inspected)
    fields.update(_filled(overrides))
    for key, value in _filled(defaults).items():
        if fields.get(key) in (None, "", []):
            fields[key] = value
    for key, value in fields.items():
        setattr(photo, key, value)
    stored_name = PurePath(name).name or "photo"
    photo.original_filename = stored_name[:255]
    photo.width, photo.height = inspected.width, inspected.height
    photo.format = inspected.format
    photo.size_bytes = inspected.size_bytes
    photo.sha256 = inspected.sha256
    if photo.pk is None:
        photo.created_by = user
    photo.modified_by = user
    batch = FileBatch()
    try:
        with transaction.atomic():
            fileobj.seek(0)
            # storages["originals"], looked up now rather than the field's storage fixed at start-up,
            # so a changed STORAGES setting (a test's failing storage) takes effect.
            photo.image.name = batch.save(
                storages["originals"], photo.image.field.generate_filename(photo, stored_name), File(fileobj)
            )
            photo.save()
            photo.renditions = make_renditions(photo, batch=batch)
            photo.save(update_fields=["renditions"])
    except OSError as error:
        batch.discard()
        photo.pk = None
        raise PhotoStorageError(storage_failure_message(error, stored_name)) from error
    except Exception:
        batch.discard()
        photo.pk = None
        raise
    finally:
        fileobj.seek(0)
    return photo


def photo_create(
    *,
    fileobj,
    name: str,
    user=None,
    overrides: dict | None = None,
    defaults: dict | None = None,
    allow_duplicate: bool = False,
    checked: InspectedImage | None = None,
) -> UploadResult:
    """Judge one uploaded file by its content and, if good, save it with its metadata and renditions.

    `overrides` (the desk's own entries) win over the file's metadata; `defaults` (a batch's credit,
    source or terms) fill only what the file leaves empty. `checked` is what photo_check_upload said
    of this very file, so it is not judged twice.

    Never raises for a bad file: the result says what happened, in words the desk can act on.
    """
    _require(user, "articles.add_photo")
    inspected = checked
    if inspected is None:
        try:
            inspected = photo_check_upload(fileobj=fileobj, name=name, allow_duplicate=allow_duplicate)
        except DuplicatePhoto as duplicate:
            return UploadResult(name=name, duplicate_of=duplicate.photo)
        except ValidationError as error:
            return UploadResult(name=name, error=" ".join(error.messages))
    try:
        photo = _store(
            photo=Photo(),
            inspected=inspected,
            fileobj=fileobj,
            name=name,
            user=user,
            overrides=overrides,
            defaults=defaults,
        )
    except PhotoStorageError as error:
        logger.error("Saving photo %s failed: %s", name, error.__cause__)
        return UploadResult(name=name, error=str(error))
    except Exception as error:
        logger.exception("Saving photo %s failed", name)
        return UploadResult(
            name=name,
            error=f"“{name}” was not saved: an unexpected error ({type(error).__name__}), logged for the "
            "site's operators. Nothing of it was kept.",
        )
    return UploadResult(name=name, photo=photo)
