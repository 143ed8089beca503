"""The site mounted under /news/, for tests/test_paths.py."""

from django.urls import include, path

urlpatterns = [path("news/", include("newsroom.urls"))]
