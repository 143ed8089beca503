"""The site's URLs plus MEDIA_URL, so the live server shows photos as a laptop demo does.

The test settings run with DEBUG off, where newsroom/urls.py leaves media to a web server.
"""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from newsroom.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *site_urlpatterns,
]
