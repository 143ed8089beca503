"""Strip a photo clean: the pixels readers get, upright, in sRGB, with no metadata at all."""

from __future__ import annotations

import io

from PIL import Image, features

try:  # Colour management is optional: without it colours are converted naively.
    from PIL import ImageCms
except ImportError:  # pragma: no cover - depends on how Pillow was built
    ImageCms = None

from articles.photos.inspect import exif_orientation

# --------------------------------------------------------------------------------------
# Cleaning
# --------------------------------------------------------------------------------------

_HAS_CMS = ImageCms is not None and bool(features.check("littlecms2"))


def _to_srgb(image: Image.Image, icc: bytes) -> Image.Image | None:
    """Convert pixels from the embedded profile to sRGB; None if that cannot be done."""
    if not _HAS_CMS or image.mode not in ("RGB", "RGBA", "CMYK"):
        return None
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        space = source.profile.xcolor_space.strip()
        if (image.mode == "CMYK") != (space == "CMYK") or space not in ("RGB", "CMYK"):
            return None
        target = ImageCms.createProfile("sRGB")
        if image.mode == "RGBA":
            alpha = image.getchannel("A")
            converted = ImageCms.profileToProfile(image.convert("RGB"), source, target, outputMode="RGB")
            converted.putalpha(alpha)
            return converted
        return ImageCms.profileToProfile(image, source, target, outputMode="RGB")
    except Exception:
        return None


def clean_image(image: Image.Image) -> Image.Image:
    """An upright copy in RGB or RGBA that carries no metadata at all.

    EXIF orientation is applied, colours are converted to sRGB when the file embeds
    another ICC profile (and Pillow has colour management), and the result is a
    fresh image: no EXIF, GPS, XMP, IPTC, ICC profile, text chunks or comments.
    """
    image.load()
    orientation = exif_orientation(image)
    method = {
        2: Image.Transpose.FLIP_LEFT_RIGHT,
        3: Image.Transpose.ROTATE_180,
        4: Image.Transpose.FLIP_TOP_BOTTOM,
        5: Image.Transpose.TRANSPOSE,
        6: Image.Transpose.ROTATE_270,
        7: Image.Transpose.TRANSVERSE,
        8: Image.Transpose.ROTATE_90,
    }.get(orientation)
    icc = image.info.get("icc_profile")
    has_alpha = "A" in image.getbands() or "transparency" in image.info
    target_mode = "RGBA" if has_alpha else "RGB"

    working = image
    if working.mode in ("I", "F") or working.mode.startswith("I;16"):
        # 16-bit greyscale: scale into 8 bits rather than clipping to white.
        working = working.convert("I").point(lambda v: v * (1 / 256)).convert("L")
    elif working.mode == "P":
        working = working.convert("RGBA" if has_alpha else "RGB")

    converted = _to_srgb(working, icc) if icc else None
    if converted is None:
        converted = working.convert(target_mode)
    elif converted.mode != target_mode:
        converted = converted.convert(target_mode)

    if method is not None:
        converted = converted.transpose(method)

    # A brand-new image holds pixels only: nothing from info, no cached EXIF.
    fresh = Image.new(target_mode, converted.size)
    fresh.paste(converted, (0, 0))
    return fresh
