from django.contrib import admin
from django.utils.html import format_html

from articles.photos.public import desk_rendition_url


class BookkeepingAdmin(admin.ModelAdmin):
    """Fills in created_by/modified_by, so no form has to remember to."""

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.modified_by = request.user
        super().save_model(request, obj, form, change)


def thumbnail(photo, size=96):
    """A rendition for the desk's screens (shown even when rights have expired), else the original."""
    if not photo or not photo.image:
        return "—"
    url = desk_rendition_url(photo, size) or photo.image.url
    return format_html(
        '<img src="{}" width="{}" height="{}" alt="{}" class="admin-thumb">',
        url,
        size,
        round(size * photo.height / photo.width) if photo.width else size,
        photo.alt_text,
    )
