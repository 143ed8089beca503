"""The site's URLs plus views that fail on purpose, for tests/project/test_database_unavailable.py."""

from django.db.utils import InterfaceError
from django.urls import include, path


def broken_view(request):
    raise RuntimeError("not a database problem")


def lost_connection_view(request):
    raise InterfaceError("connection already closed")


urlpatterns = [
    path("ops-test/broken/", broken_view),
    path("ops-test/lost-connection/", lost_connection_view),
    path("", include("newsroom.urls")),
]
