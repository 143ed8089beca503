from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve

from articles.api.urls import api as content_api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", content_api.urls),
    path("", include("articles.reader.urls")),
]

if settings.NEWSROOM_SERVE_MEDIA and settings.MEDIA_URL.startswith("/"):
    # Public media is renditions only (originals live in their own storage). A laptop or
    # benchmark serves them from here; production leaves this to a web server or CDN.
    urlpatterns = [
        # Not photos/: renditions are served by articles.reader.photos, which checks the photo's rights.
        re_path(
            rf"^{settings.MEDIA_URL.lstrip('/')}(?!photos/)(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}
        ),
        *urlpatterns,
    ]
