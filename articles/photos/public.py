"""What readers get of a photo: rendition URLs and srcset strings, from the stored record.

No storage or database calls here beyond building URLs, so templates and
feeds can use these freely inside loops.
"""

from datetime import date
from functools import lru_cache

from django.core.files.storage import FileSystemStorage, storages
from django.urls import get_script_prefix

from articles.paths import absolute_url

RENDITION_PREFIX = "photos/r/"

DEFAULT_WIDTH = 800


def is_public(photo, today: date | None = None) -> bool:
    """A photo (or None) is shown to readers: see Photo.is_public_on."""
    return photo is not None and photo.is_public_on(today)


@lru_cache(maxsize=50_000)
def _filesystem_url(base_url: str, name: str) -> str:
    return storages["default"].url(name)


def rendition_url(name: str) -> str:
    """The public URL of a stored rendition.

    Renditions (photos/r/...) are served by the site itself at the same path, so each request is
    checked against the photo's rights and use (articles.photos.serving); the URL is built from the
    name alone, with no query. Anything else in the default storage keeps its storage URL: for
    files on the local disk that depends only on MEDIA_URL and the name, so it is worked out once.
    """
    if name.startswith(RENDITION_PREFIX):
        return f"{get_script_prefix()}{name}"
    storage = storages["default"]
    if isinstance(storage, FileSystemStorage):
        return _filesystem_url(storage.base_url, name)
    return storage.url(name)


def _entries(photo, slot: str, fmt: str) -> list:
    return photo.renditions.get("slots", {}).get(slot, {}).get(fmt, [])


def desk_rendition_url(photo, width: int) -> str | None:
    """A rendition for the desk's own screens: shown whatever the rights, None before renditions exist."""
    entries = _entries(photo, "w", "jpeg") if photo is not None and photo.renditions else []
    if not entries:
        return None
    return rendition_url(next((e for e in entries if e[0] >= width), entries[-1])[2])


def picture_data(photo, ratio: str | None = None, width: int = DEFAULT_WIDTH) -> dict | None:
    """src, width, height and srcset strings for a <picture>, or None when nothing may be shown."""
    if not is_public(photo):
        return None
    slot = ratio.replace(":", "x") if ratio else "w"
    jpeg = _entries(photo, slot, "jpeg") or _entries(photo, "w", "jpeg")
    if not jpeg:
        return None
    if jpeg is not _entries(photo, slot, "jpeg"):
        slot = "w"
    webp = _entries(photo, slot, "webp")
    url = rendition_url
    default = next((entry for entry in jpeg if entry[0] >= width), jpeg[-1])
    return {
        "src": url(default[2]),
        "width": default[0],
        "height": default[1],
        "srcset_jpeg": ", ".join(f"{url(name)} {w}w" for w, _h, name in jpeg),
        "srcset_webp": ", ".join(f"{url(name)} {w}w" for w, _h, name in webp),
    }


def public_image_url(photo, width: int = 1200, ratio: str | None = None) -> str:
    """Absolute URL of the smallest JPEG rendition at least `width` wide (or the largest there is)."""
    data = _entries(photo, ratio.replace(":", "x") if ratio else "w", "jpeg") if is_public(photo) else []
    if not data:
        return ""
    entry = next((e for e in data if e[0] >= width), data[-1])
    return absolute_url(rendition_url(entry[2]))


def public_image(photo, width: int = 1200, ratio: str | None = None) -> dict | None:
    """URL, width and height of a JPEG rendition, for Open Graph, JSON-LD, feeds and sitemaps."""
    data = _entries(photo, ratio.replace(":", "x") if ratio else "w", "jpeg") if is_public(photo) else []
    if not data:
        return None
    w, h, name = next((e for e in data if e[0] >= width), data[-1])
    return {"url": absolute_url(rendition_url(name)), "width": w, "height": h, "name": name}


def public_renditions(photo) -> list[dict]:
    """Every rendition readers may fetch (slot, format, size, absolute URL); [] when the photo is not public."""
    if not is_public(photo):
        return []
    found = []
    for slot, formats in photo.renditions.get("slots", {}).items():
        for fmt, entries in formats.items():
            for width, height, name in entries:
                found.append(
                    {
                        "slot": slot.replace("x", ":") if slot != "w" else "original",
                        "format": fmt,
                        "width": width,
                        "height": height,
                        "url": absolute_url(rendition_url(name)),
                    }
                )
    return found
