"""The newsroom's admin, one module per area: stories, photos, people and sections."""

from articles.admin import desk, people, photo, story

__all__ = ["desk", "people", "photo", "story"]
