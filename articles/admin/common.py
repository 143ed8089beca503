from django.contrib import admin
from django.core.files.storage import default_storage
from django.utils.html import format_html


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
    entries = (photo.renditions or {}).get("slots", {}).get("w", {}).get("jpeg", [])
    entry = next((e for e in entries if e[0] >= size), entries[-1] if entries else None)
    url = default_storage.url(entry[2]) if entry else photo.image.url
    return format_html(
        '<img src="{}" width="{}" height="{}" alt="{}" class="admin-thumb">',
        url,
        size,
        round(size * photo.height / photo.width) if photo.width else size,
        photo.alt_text,
    )
