"""The newsroom's admin site: Django's admin plus the desk's own pages (articles/admin/ holds the desk).

NewsroomAdminConfig (in INSTALLED_APPS in place of django.contrib.admin) makes NewsroomAdminSite the
default site, so every @admin.register lands on it and the desk's extra pages are an override of
get_urls() a reader can find, not a patch made at import time. It lives outside articles/admin/
because Django builds the default site while it imports that package's registrations.
"""

from functools import wraps

from django.conf import settings
from django.contrib import admin
from django.contrib.admin import apps as admin_apps
from django.shortcuts import redirect
from django.urls import path, reverse


class NewsroomAdminSite(admin.AdminSite):
    site_title = "Newsroom"
    index_title = "The desk"

    # newsroom/two_factor.py is imported where used: it needs the models, not loaded when the site is made.

    @property
    def login_form(self):
        """Asks for a two-factor code too, for users who turned it on."""
        from newsroom.two_factor import TwoFactorAuthenticationForm

        return TwoFactorAuthenticationForm

    def admin_view(self, view, cacheable=False):
        wrapped = super().admin_view(view, cacheable)

        @wraps(wrapped)
        def two_factor_first(request, *args, **kwargs):
            from newsroom import two_factor

            # NEWSROOM_REQUIRE_2FA: a chief without a device turns it on before anything else but logging out.
            if (
                request.path != reverse("admin:logout", current_app=self.name)
                and self.has_permission(request)
                and two_factor.needs_enrolment(request.user)
            ):
                return redirect(reverse("admin:two_factor", current_app=self.name))
            return wrapped(request, *args, **kwargs)

        return two_factor_first

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
            # Not through admin_view's enrolment redirect: this is where it leads.
            path("two-factor/", super().admin_view(self.two_factor), name="two_factor"),
            path("photo-chooser/", self.admin_view(photo_chooser), name="photo_chooser"),
            path("photo-chooser/upload/", self.admin_view(photo_chooser_upload), name="photo_chooser_upload"),
            # Not behind admin_view: anyone without the right gets a plain 404, never a login page
            # that would confirm the file exists.
            path("originals/<path:name>", serve_original, name="photo_original"),
            *super().get_urls(),
        ]

    def two_factor(self, request):
        from newsroom.two_factor import two_factor_view

        return two_factor_view(request, self)


class NewsroomAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin, with NewsroomAdminSite as the default site."""

    default_site = "newsroom.admin_site.NewsroomAdminSite"
