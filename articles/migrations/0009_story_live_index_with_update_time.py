"""The live-stories-newest-first index gains updated_at as its last column.

The sitemap index dates each page of the story sitemap with the newest of publish_at and updated_at
among its live stories, which meant reading every live story's row; with updated_at in the index the
query reads the index alone. The new index is built before the old one goes, so the pages that walk
it are never without one.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0008_publish_time_on_bylines_and_tags"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="story",
            index=models.Index(
                condition=models.Q(("status", "published")),
                fields=["-publish_at", "-id", "embargo_until", "status", "updated_at"],
                name="story_live_newest_dated",
            ),
        ),
        migrations.RemoveIndex(
            model_name="story",
            name="story_live_newest",
        ),
    ]
