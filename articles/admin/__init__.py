"""The desk: the newsroom's admin site and one module per area (stories, photos, people, desk records)."""

from articles.admin import people, photo, story, story_records, tags, tokens, wire

__all__ = ["people", "photo", "story", "story_records", "tags", "tokens", "wire"]
