from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString

from articles.photos.public import is_public, picture_data

register = template.Library()


@register.simple_tag
def picture(photo, ratio=None, sizes="100vw", lazy=False, width=800) -> str:
    """A responsive <picture> (WebP, then JPEG) with width and height, or "" when the photo may not be shown.

    Built here rather than in an included template: cards and figures are rendered many times per
    page, and an include costs more than the markup it makes.
    """
    data = picture_data(photo, ratio=ratio or None, width=int(width or 800))
    if data is None:
        return ""
    sizes = escape(sizes or "100vw")
    webp = f'<source type="image/webp" srcset="{escape(data["srcset_webp"])}" sizes="{sizes}">'
    loading = ' loading="lazy"' if lazy else ' fetchpriority="high"'
    return SafeString(
        f"<picture>{webp if data['srcset_webp'] else ''}"
        f'<img src="{escape(data["src"])}" srcset="{escape(data["srcset_jpeg"])}" sizes="{sizes}" '
        f'width="{data["width"]}" height="{data["height"]}" alt="{escape(photo.alt_text)}"{loading} '
        f'decoding="async"></picture>'
    )


@register.filter
def shown_to_readers(photo) -> bool:
    return is_public(photo)
