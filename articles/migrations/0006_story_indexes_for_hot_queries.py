"""Indexes for the hot queries at 100,000 stories, chosen from their plans (bench/explain.py, bench/EXPLAIN.md).

- story_newest_first: every story, newest first. The admin changelist's default order (it has no
  status filter) and the MIN/MAX of its date hierarchy; without it SQLite sorted all stories.
- story_live_newest: live candidates newest first, in exactly the pages' order (-publish_at, -id),
  carrying embargo_until and status so that counting live stories (archive, sitemaps, paginators)
  reads the index alone. Home, feeds, the Google News sitemap, the archive.
- story_live_section_newest: the same per section: section pages (any page number) and their
  counts, section feeds.
- story_embargo_until: the few stories under embargo, for the page cache's next scheduled change.

The indexes exist in the database only (SeparateDatabaseAndState): the models do not declare
them yet, and a migration state that did would make makemigrations want to drop them. To move
them into Story.Meta.indexes, add the same Index objects there and put these AddIndex operations
in state_operations as well, in one change.
"""

from django.db import migrations, models
from django.db.models import Q

INDEXES = [
    models.Index(fields=["-publish_at", "-id"], name="story_newest_first"),
    models.Index(
        fields=["-publish_at", "-id", "embargo_until", "status"],
        condition=Q(status="published"),
        name="story_live_newest",
    ),
    models.Index(
        fields=["section", "-publish_at", "-id", "embargo_until", "status"],
        condition=Q(status="published"),
        name="story_live_section_newest",
    ),
    models.Index(fields=["embargo_until"], condition=Q(embargo_until__isnull=False), name="story_embargo_until"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_photo_originals_and_renditions"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.AddIndex(model_name="story", index=index) for index in INDEXES],
            state_operations=[],
        ),
    ]
