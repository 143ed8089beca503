"""Writing a photo's files so that a save is all or nothing.

Django's storage API has no rename, so "write under a temporary name, then move into place" is
not available on every backend (object storage least of all). The design instead:

* every file of one save goes under a name no one else uses: renditions under a fresh per-save
  folder (``photos/r/<photo id>/<key>-<token>/``), the original under a name the storage says is
  free;
* a name is written down (``FileBatch.names``) *before* its bytes are sent, so a file that failed
  half-way (a truncated JPEG on a full disk) is known too;
* on any failure every one of those names is deleted, and the row is rolled back;
* readers can only ever fetch a rendition whose name is recorded on a public photo's row
  (``articles.photos.serving``), and a name is recorded only after every file was written, so a
  file being written, or left by a crash, is never served.
"""

import errno
import logging

from django.core.files.base import ContentFile

logger = logging.getLogger(__name__)


class PhotoStorageError(Exception):
    """The photo's files could not be written; the message says why, in the desk's words."""


_CAUSES = {
    errno.ENOSPC: "the photo storage is full (no space left on the disk)",
    errno.EDQUOT: "the photo storage is full (disk quota exceeded)",
    errno.EROFS: "the photo storage is read-only",
    errno.EACCES: "the photo storage does not allow writing (permission denied)",
    errno.EPERM: "the photo storage does not allow writing (permission denied)",
}


def storage_failure_message(error: BaseException, name: str = "") -> str:
    """What went wrong writing a photo's files, naming the cause, for the desk."""
    if isinstance(error, OSError) and error.errno in _CAUSES:
        cause = _CAUSES[error.errno]
    else:
        cause = "the photo storage is unavailable"
    subject = f"“{name}” was not saved" if name else "The photo was not saved"
    return (
        f"{subject}: {cause}. Nothing of it was kept. "
        "Tell the site's operators; the upload can be tried again once they have fixed it."
    )


class FileBatch:
    """The files of one save, in one or more storages; `discard()` removes every one of them."""

    def __init__(self):
        self.names: list[tuple[object, str]] = []

    def save(self, storage, name: str, content) -> str:
        name = storage.get_available_name(storage.generate_filename(name))
        self.names.append((storage, name))
        if isinstance(content, bytes):
            content = ContentFile(content)
        saved = storage.save(name, content)
        if saved != name:  # another writer took the name meanwhile: remember the one really used
            self.names.append((storage, saved))
        return saved

    def discard(self) -> None:
        for storage, name in reversed(self.names):
            try:
                if storage.exists(name):
                    storage.delete(name)
            except Exception:  # keep removing the others; say which one stayed
                logger.exception("Could not remove %s after a failed photo save", name)
        self.names.clear()
