"""The newsroom's admin site: Django's admin plus the desk's own pages (articles/admin/ holds the desk).

NewsroomAdminConfig (in INSTALLED_APPS in place of django.contrib.admin) makes NewsroomAdminSite the
default site, so every @admin.register lands on it and the desk's extra pages are an override of
get_urls() a reader can find, not a patch made at import time. It lives outside articles/admin/
because Django builds the default site while it imports that package's registrations.
"""

from django.conf import settings
from django.contrib import admin
from django.contrib.admin import apps as admin_apps
from django.urls import path


class NewsroomAdminSite(admin.AdminSite):
    site_title = "Newsroom"
    index_title = "The desk"

    @property
    def site_header(self):
        return f"{settings.NEWSROOM_SITE_NAME} — newsroom"

    def get_urls(self):
        # Imported here: the views use the models, which are not loaded when the site is made.
        from articles.admin.overview import desk_overview
        from articles.admin.photo import serve_original
        from articles.admin.photo_chooser import photo_chooser, photo_chooser_upload

        return [
            path("desk/", self.admin_view(desk_overview), name="desk_overview"),
            path("photo-chooser/", self.admin_view(photo_chooser), name="photo_chooser"),
            path("photo-chooser/upload/", self.admin_view(photo_chooser_upload), name="photo_chooser_upload"),
            # Not behind admin_view: anyone without the right gets a plain 404, never a login page
            # that would confirm the file exists.
            path("originals/<path:name>", serve_original, name="photo_original"),
            *super().get_urls(),
        ]


class NewsroomAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin, with NewsroomAdminSite as the default site."""

    default_site = "newsroom.admin_site.NewsroomAdminSite"
