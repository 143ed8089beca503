from django import forms
from django.contrib import admin

from articles.admin.locking import LockingAdminMixin, LockingFormMixin
from articles.models import Author, Section


class SectionAdminForm(LockingFormMixin, forms.ModelForm):
    class Meta:
        model = Section
        fields = ["name", "slug", "description", "position"]


class AuthorAdminForm(LockingFormMixin, forms.ModelForm):
    class Meta:
        model = Author
        fields = ["name", "kind", "affiliation", "slug", "role", "bio", "photo", "user"]


@admin.register(Section)
class SectionAdmin(LockingAdminMixin, admin.ModelAdmin):
    form = SectionAdminForm
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Author)
class AuthorAdmin(LockingAdminMixin, admin.ModelAdmin):
    form = AuthorAdminForm
    list_display = ["name", "role", "user"]
    list_select_related = ["user"]
    search_fields = ["name", "role"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["photo", "user"]
