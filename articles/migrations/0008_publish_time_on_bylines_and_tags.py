"""Tag and author pages newest first from one index: a copy of the story's publish time on its bylines and tags.

A popular tag or a prolific author has thousands of stories. Ordered by the story's own time, a page
had to join all of them and sort them before taking twenty. With the time copied onto the through
rows, the indexes (tag, -publish_at, -story) and (author, -publish_at, -story) give the stories in
page order, and the related stories' time window is a range on the same index. The copies order and
narrow; visibility is still decided by Story.objects.live(). Story.save() keeps them in step.

- publish_at on articles_byline and articles_taggedstory, filled from the stories with one UPDATE
  each (a correlated subquery, which SQLite and PostgreSQL both run), before the indexes are built.
- story_live_by_id: the gate's columns keyed by story id, so counting a tag's or an author's live
  stories looks each one up in this index rather than in the story's wide row.
- The indexes made by 0006 outside the model state are declared in Story.Meta now; this adds them
  to the migration state only, as 0006 describes.
- ANALYZE the three tables, so the planners know the new indexes at once.
"""

from django.db import migrations, models
from django.db.models import OuterRef, Q, Subquery


def copy_publish_times(apps, schema_editor):
    Story = apps.get_model("articles", "Story")
    db = schema_editor.connection.alias
    for model, story_field in (
        (apps.get_model("articles", "Byline"), "story_id"),
        (apps.get_model("articles", "TaggedStory"), "content_object_id"),
    ):
        time = Story.objects.using(db).filter(pk=OuterRef(story_field)).values("publish_at")[:1]
        model.objects.using(db).update(publish_at=Subquery(time))


def analyze(apps, schema_editor):
    quote = schema_editor.connection.ops.quote_name
    with schema_editor.connection.cursor() as cursor:
        for table in ("articles_story", "articles_byline", "articles_taggedstory"):
            cursor.execute(f"ANALYZE {quote(table)}")


# Built by 0006 in the database only; Story.Meta.indexes declares them now.
INDEXES_FROM_0006 = [
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
        ("articles", "0007_resync_roles"),
    ]

    operations = [
        migrations.AddField(
            model_name="byline",
            name="publish_at",
            field=models.DateTimeField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="taggedstory",
            name="publish_at",
            field=models.DateTimeField(editable=False, null=True),
        ),
        # Going back drops the columns, and their contents with them: nothing to undo.
        migrations.RunPython(copy_publish_times, migrations.RunPython.noop, elidable=True),
        migrations.AddIndex(
            model_name="byline",
            index=models.Index(fields=["author", "-publish_at", "-story"], name="byline_author_newest"),
        ),
        migrations.AddIndex(
            model_name="taggedstory",
            index=models.Index(fields=["tag", "-publish_at", "-content_object"], name="tagged_story_tag_newest"),
        ),
        migrations.AddIndex(
            model_name="story",
            index=models.Index(
                fields=["id", "publish_at", "embargo_until", "status"],
                condition=Q(status="published"),
                name="story_live_by_id",
            ),
        ),
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.AddIndex(model_name="story", index=index) for index in INDEXES_FROM_0006],
        ),
        migrations.RunPython(analyze, migrations.RunPython.noop, elidable=True),
    ]
