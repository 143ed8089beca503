from django.contrib import admin

from articles.admin.common import BookkeepingAdmin, thumbnail
from articles.models import Photo


@admin.register(Photo)
class PhotoAdmin(BookkeepingAdmin):
    list_display = ["thumb", "caption_short", "credit_line", "alt_text", "created"]
    list_display_links = ["thumb", "caption_short"]
    list_filter = ["source", "created"]
    search_fields = ["caption", "credit", "photographer", "source", "alt_text"]
    readonly_fields = ["preview", "width", "height", "original_filename", "created", "created_by"]
    fieldsets = [
        (None, {"fields": ["image", "preview", "caption", "alt_text"]}),
        ("Credit and rights", {"fields": ["photographer", "source", "credit", "usage_terms", "rights_expire_on"]}),
        ("File", {"fields": ["width", "height", "original_filename", "created", "created_by"]}),
    ]

    @admin.display(description="Photo")
    def thumb(self, obj):
        return thumbnail(obj, 96)

    @admin.display(description="Preview")
    def preview(self, obj):
        return thumbnail(obj, 480)

    @admin.display(description="Caption")
    def caption_short(self, obj):
        return obj.caption[:90] or "(no caption)"

    def save_model(self, request, obj, form, change):
        if "image" in form.changed_data and obj.image:
            obj.original_filename = obj.image.name.rsplit("/", 1)[-1][:255]
        super().save_model(request, obj, form, change)
