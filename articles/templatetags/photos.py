from django import template

from articles.images_public import is_public, picture_data

register = template.Library()


@register.simple_tag
def picture_sources(photo, ratio=None, width=800):
    """The data includes/picture.html needs; None when the photo may not be shown."""
    return picture_data(photo, ratio=ratio or None, width=int(width or 800))


@register.filter
def shown_to_readers(photo) -> bool:
    return is_public(photo)
