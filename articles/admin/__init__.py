"""The newsroom's admin, one module per area: stories, photos, people and sections."""

from articles.admin import people, photo, story

__all__ = ["people", "photo", "story"]
