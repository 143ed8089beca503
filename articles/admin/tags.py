"""Tags: django-taggit's own admin (list, search, merge), with the desk's optimistic locking.

Tag has no version column and gets none: the form carries a hash of the name and slug as read.
"""

from django import forms
from django.contrib import admin
from taggit.admin import TagAdmin as TaggitTagAdmin
from taggit.models import Tag

from articles.admin.locking import LockingAdminMixin, LockingFormMixin


class TagAdminForm(LockingFormMixin, forms.ModelForm):
    class Meta:
        model = Tag
        fields = ["name", "slug"]


class TagAdmin(LockingAdminMixin, TaggitTagAdmin):
    form = TagAdminForm


if admin.site.is_registered(Tag):
    admin.site.unregister(Tag)
admin.site.register(Tag, TagAdmin)
