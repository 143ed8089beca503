"""The site mounted under /news/, for tests/articles/test_paths.py."""

from django.urls import include, path

urlpatterns = [path("news/", include("newsroom.urls"))]
