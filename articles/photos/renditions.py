"""Renditions: the only image files readers ever get.

Made once when a photo is saved, never on a reader's request. The original is
decoded once (JPEG at a reduced DCT scale where that is enough), made upright
and stripped of every byte of metadata, then resized and cropped with
django-imagekit's processors (pilkit) and written through the storage API.
What was made is recorded on the photo (Photo.renditions), so pages build
srcset attributes without touching storage or the database.
"""

import hashlib
import io
import secrets

from django.core.files.storage import default_storage
from imagekit.processors import ResizeToFit
from PIL import Image

from articles.photos.clean import clean_image
from articles.photos.files import FileBatch

# Widths of the uncropped renditions, in JPEG and WebP.
WIDTHS = (480, 800, 1200, 1600)
# Fixed-ratio slots, centred on the focal point: name -> (ratio, widths, formats).
CROPS = {
    "16x9": ((16, 9), (480, 800, 1200), ("jpeg", "webp")),
    "4x3": ((4, 3), (1200,), ("jpeg",)),
    "1x1": ((1, 1), (320, 640, 1200), ("jpeg", "webp")),
}
SAVE_OPTIONS = {
    "jpeg": ("JPEG", {"quality": 80, "optimize": True, "progressive": True}),
    "webp": ("WEBP", {"quality": 78, "method": 2}),
}
_LARGEST = max(max(WIDTHS), *(max(widths) for _, widths, _ in CROPS.values()))


def _decode(fileobj) -> Image.Image:
    with Image.open(fileobj) as image:
        if image.format == "JPEG":
            # Decode at the smallest 1/2, 1/4 or 1/8 scale that still covers the largest rendition.
            image.draft("RGB", (_LARGEST, _LARGEST))
        return clean_image(image)


def _flatten(image: Image.Image) -> Image.Image:
    if image.mode == "RGBA":
        background = Image.new("RGB", image.size, (255, 255, 255))
        background.paste(image, mask=image.getchannel("A"))
        return background
    return image.convert("RGB")


def _targets(source_width: int, widths) -> list[int]:
    """The widths to make: never upscale, but always at least one rendition."""
    chosen = [w for w in widths if w <= source_width]
    return chosen or [source_width]


def _focal_crop(image: Image.Image, ratio, focal_x: float, focal_y: float) -> Image.Image:
    """The largest crop of `ratio` centred on the focal point, kept inside the image."""
    rw, rh = ratio
    width, height = image.size
    crop_w = min(width, round(height * rw / rh))
    crop_h = min(height, round(crop_w * rh / rw))
    centre_x = width * focal_x / 100
    centre_y = height * focal_y / 100
    left = min(max(0, round(centre_x - crop_w / 2)), width - crop_w)
    top = min(max(0, round(centre_y - crop_h / 2)), height - crop_h)
    return image.crop((left, top, left + crop_w, top + crop_h))


def _encode(image: Image.Image, fmt: str) -> bytes:
    pil_format, options = SAVE_OPTIONS[fmt]
    buffer = io.BytesIO()
    image.save(buffer, pil_format, **options)
    return buffer.getvalue()


def rendition_key(photo) -> str:
    """Changes whenever the pixels or the focal point change, so URLs can be cached forever."""
    basis = f"{photo.sha256 or photo.image.name}:{photo.focal_x:.1f}:{photo.focal_y:.1f}"
    return hashlib.sha256(basis.encode()).hexdigest()[:12]


def make_renditions(photo, storage=None, batch: FileBatch | None = None) -> dict:
    """Make every rendition of `photo` and return the record to store on Photo.renditions.

    The files go under a folder of their own for this save (see articles.photos.files); on failure
    every file written, or half-written, is removed before the error is raised again.
    """
    storage = storage or default_storage
    batch = batch if batch is not None else FileBatch()
    photo.image.open("rb")
    try:
        source = _flatten(_decode(photo.image))
    finally:
        photo.image.close()
    prefix = f"photos/r/{photo.pk}/{rendition_key(photo)}-{secrets.token_hex(3)}"
    made: dict[str, dict[str, list]] = {}

    def store(slot: str, fmt: str, image: Image.Image, label: str) -> None:
        name = batch.save(storage, f"{prefix}/{label}.{'jpg' if fmt == 'jpeg' else fmt}", _encode(image, fmt))
        made.setdefault(slot, {}).setdefault(fmt, []).append([image.width, image.height, name])

    try:
        _make_all(source, photo, store)
    except Exception:
        batch.discard()
        raise
    for formats in made.values():
        for entries in formats.values():
            entries.sort()
    return {"key": rendition_key(photo), "source": [source.width, source.height], "slots": made}


def _make_all(source: Image.Image, photo, store) -> None:
    # Each width is resized from the previous, larger one: cheaper than from the source each time.
    current = source
    for width in sorted(_targets(source.width, WIDTHS), reverse=True):
        current = ResizeToFit(width, upscale=False).process(current)
        for fmt in ("jpeg", "webp"):
            store("w", fmt, current, f"w{width}")
    for slot, (ratio, widths, formats) in CROPS.items():
        cropped = _focal_crop(source, ratio, photo.focal_x, photo.focal_y)
        for width in sorted(_targets(cropped.width, widths), reverse=True):
            height = round(width * ratio[1] / ratio[0])
            if cropped.size != (width, height):
                # reducing_gap: a quick box reduction first, then Lanczos for the last step.
                cropped = cropped.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=2.0)
            for fmt in formats:
                store(slot, fmt, cropped, f"{slot}-{width}")


def rendition_names(record: dict) -> set[str]:
    return {
        entry[2]
        for formats in (record or {}).get("slots", {}).values()
        for entries in formats.values()
        for entry in entries
    }


def delete_renditions(record: dict, keep: set[str] | None = None, storage=None) -> None:
    storage = storage or default_storage
    for name in rendition_names(record) - (keep or set()):
        storage.delete(name)
