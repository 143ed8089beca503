from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch

from articles import services
from articles.admin.common import BookkeepingAdmin, thumbnail
from articles.models import Byline, Placement, Story, TaggedStory


class BylineInline(admin.TabularInline):
    model = Byline
    extra = 1
    autocomplete_fields = ["author"]
    verbose_name = "byline"
    verbose_name_plural = "Bylines (in order)"


class PlacementInline(admin.TabularInline):
    model = Placement
    extra = 1
    autocomplete_fields = ["photo"]
    readonly_fields = ["thumb"]
    fields = ["thumb", "photo", "paragraph", "order", "caption"]
    verbose_name = "photo in the body"
    verbose_name_plural = "Photos in the body"

    @admin.display(description="")
    def thumb(self, obj):
        return thumbnail(obj.photo if obj.pk else None, 96)


class TaggedStoryInline(admin.TabularInline):
    model = TaggedStory
    extra = 1
    autocomplete_fields = ["tag"]
    verbose_name = "tag"
    verbose_name_plural = "Tags"


@admin.register(Story)
class StoryAdmin(BookkeepingAdmin):
    list_display = ["headline", "section", "status", "is_live", "publish_at", "byline_names", "modified"]
    list_filter = ["status", "section", "publish_at"]
    list_select_related = ["section"]
    search_fields = ["headline", "standfirst", "slug"]
    date_hierarchy = "publish_at"
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["section", "lead_photo", "related"]
    readonly_fields = ["status", "first_published_at", "created", "modified"]
    inlines = [BylineInline, PlacementInline, TaggedStoryInline]
    actions = ["publish_selected", "withdraw_selected"]
    fieldsets = [
        (None, {"fields": ["headline", "slug", "standfirst", "section", "body"]}),
        ("Credit and photo", {"fields": ["credit_line", "lead_photo", "related"]}),
        (
            "Publishing",
            {"fields": ["status", "publish_at", "embargo_until", "updated_at", "first_published_at", "modified"]},
        ),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(Prefetch("bylines", queryset=Byline.objects.select_related("author")))
        )

    @admin.display(description="Bylines")
    def byline_names(self, obj):
        return ", ".join(b.author.name for b in obj.bylines.all()) or "—"

    def _run(self, request, queryset, service, done):
        ok = 0
        for story in queryset:
            try:
                service(story=story, user=request.user)
                ok += 1
            except PermissionDenied:
                raise
            except ValidationError as error:
                self.message_user(request, f"“{story}”: {' '.join(error.messages)}", messages.ERROR)
        if ok:
            self.message_user(request, f"{ok} {'story' if ok == 1 else 'stories'} {done}.", messages.SUCCESS)

    @admin.action(description="Publish selected stories", permissions=["publish"])
    def publish_selected(self, request, queryset):
        self._run(request, queryset, services.story_publish, "published")

    @admin.action(description="Withdraw selected stories", permissions=["publish"])
    def withdraw_selected(self, request, queryset):
        self._run(request, queryset, services.story_withdraw, "withdrawn")

    def has_publish_permission(self, request):
        return request.user.has_perm(services.PUBLISH_PERMISSION)
