"""Photos in the text: the sanitizer keeps only library figures, the placements follow the body on save,
and migration 0014 writes existing placements into the bodies."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test.utils import CaptureQueriesContext

from articles import richtext
from articles.models import Placement, Story
from articles.stories import workflow
from articles.stories.placements import body_photos
from tests.factories import PhotoFactory, StoryFactory

pytestmark = pytest.mark.django_db

GOOD = '<figure data-photo="{id}"><figcaption>Ferry at dawn, as the desk wrote it</figcaption></figure>'


def library(*ids):
    return lambda wanted: {i for i in wanted if i in ids}


# --- The sanitizer --------------------------------------------------------------------------------


def test_a_figure_naming_a_library_photo_survives_byte_for_byte():
    html = "<p>Before.</p>" + GOOD.format(id=7) + '<figure data-photo="8"></figure><p>After.</p>'
    assert richtext.sanitize(html, known_photos=library(7, 8)) == html


def test_a_figure_naming_no_library_photo_is_dropped():
    html = "<p>Before.</p>" + GOOD.format(id=99) + "<p>After.</p>"
    assert richtext.sanitize(html, known_photos=library(7)) == "<p>Before.</p><p>After.</p>"


@pytest.mark.parametrize(
    "figure",
    [
        '<figure data-photo="7" data-src="https://evil.example/x.jpg"><figcaption>c</figcaption></figure>',
        '<figure data-photo="7" style="width:9999px"><figcaption>c</figcaption></figure>',
        '<figure data-photo="7" onclick="alert(1)"><figcaption>c</figcaption></figure>',
        '<figure data-photo="7" class="wide"><figcaption>c</figcaption></figure>',
        '<figure data-photo="7"><img src="https://evil.example/x.jpg"><figcaption>c</figcaption></figure>',
        '<figure data-photo="7"><figcaption>c</figcaption><script>alert(1)</script></figure>',
        '<figure data-photo="7"><figcaption><a href="https://x.example">c</a></figcaption></figure>',
        '<figure data-photo="7"><figcaption>c</figcaption><figcaption>d</figcaption></figure>',
        '<figure data-photo="7">loose text</figure>',
        '<figure data-photo="seven"><figcaption>c</figcaption></figure>',
        "<figure><figcaption>c</figcaption></figure>",
    ],
)
def test_a_figure_with_anything_beyond_its_one_shape_is_dropped_whole(figure):
    cleaned = richtext.sanitize(f"<p>Before.</p>{figure}<p>After.</p>", known_photos=library(7))
    assert cleaned == "<p>Before.</p><p>After.</p>"


def test_without_a_library_at_hand_figures_go_and_text_stays():
    html = "<p>Plain <strong>text</strong>.</p>" + GOOD.format(id=7)
    assert richtext.sanitize(html) == "<p>Plain <strong>text</strong>.</p>"


def test_a_figure_inside_a_list_and_a_stray_caption_are_dropped():
    html = '<ul><li>One<figure data-photo="7"></figure></li></ul><p>Two<figcaption>stray</figcaption></p>'
    assert "fig" not in richtext.sanitize(html, known_photos=library(7))


def test_saving_a_story_checks_its_figures_against_the_library_in_one_query():
    photo = PhotoFactory()
    story = StoryFactory(body="<p>One.</p>" + GOOD.format(id=photo.pk) + GOOD.format(id=photo.pk + 1000))
    assert story.body == "<p>One.</p>" + GOOD.format(id=photo.pk)
    story.body += GOOD.format(id=photo.pk + 2000)
    with CaptureQueriesContext(connection) as queries:
        story.save(update_fields=["body", "body_blocks"])
    # (The page cache's invalidation also reads the row as it was: that query is its own.)
    library = [query for query in queries if 'FROM "articles_photo"' in query["sql"]]
    assert len(library) == 1
    assert story.body == "<p>One.</p>" + GOOD.format(id=photo.pk)


# --- Placements follow the body -------------------------------------------------------------------


def _save(story, user, body):
    story.body = body
    return workflow.story_save(story=story, user=user)


def rows(story):
    return list(
        Placement.objects.filter(story=story).order_by("order").values_list("photo_id", "paragraph", "order", "caption")
    )


def test_placements_are_rebuilt_from_the_body_on_save_add_move_caption_remove(editor):
    first, second = PhotoFactory(), PhotoFactory()
    story = StoryFactory(body="<p>One.</p><h2>Sub</h2><p>Two.</p>")
    fig = '<figure data-photo="{}"></figure>'.format

    _save(story, editor, "<p>One.</p>" + fig(first.pk) + "<h2>Sub</h2><p>Two.</p>")
    assert rows(story) == [(first.pk, 1, 0, "")]

    _save(story, editor, "<p>One.</p><h2>Sub</h2>" + fig(second.pk) + "<p>Two.</p>" + fig(first.pk))
    assert rows(story) == [(second.pk, 2, 0, ""), (first.pk, 3, 1, "")]

    _save(story, editor, "<p>One.</p><h2>Sub</h2><p>Two.</p>" + GOOD.format(id=first.pk))
    assert rows(story) == [(first.pk, 3, 0, "Ferry at dawn, as the desk wrote it")]

    _save(story, editor, "<p>One.</p><h2>Sub</h2><p>Two.</p>")
    assert rows(story) == []


def test_the_reader_page_shows_each_figure_where_it_stands_with_its_caption(editor, client):
    photo = PhotoFactory(caption="The photo's own caption")
    story = StoryFactory(body="<p>One.</p><p>Two.</p>")
    _save(story, editor, "<p>One.</p>" + GOOD.format(id=photo.pk) + "<p>Two.</p>")
    story = Story.objects.for_story_page().get(pk=story.pk)
    kinds = [(kind, item if kind == "html" else item.shown_caption) for kind, item in story.body_with_photos()]
    assert kinds == [("html", "<p>One.</p>"), ("photo", "Ferry at dawn, as the desk wrote it"), ("html", "<p>Two.</p>")]
    page = client.get(story.get_absolute_url()).content.decode()
    page = page[page.index("<body") :]  # the head's structured data names the captions too
    assert page.index("One.") < page.index("Ferry at dawn, as the desk wrote it") < page.index("Two.")


def test_body_photos_count_text_blocks_before_each_figure():
    blocks = ["<p>a</p>", '<figure data-photo="3"></figure>', "<h2>b</h2>", "<ul><li>c</li></ul>"]
    blocks.append('<figure data-photo="4"><figcaption>x &amp; y</figcaption></figure>')
    assert [(p.photo_id, p.paragraph, p.order, p.caption) for p in body_photos(blocks)] == [
        (3, 1, 0, ""),
        (4, 3, 1, "x & y"),
    ]


# --- Migration 0014 -------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_the_migration_writes_each_placement_into_the_body_after_its_paragraph():
    executor = MigrationExecutor(connection)
    before, after = (
        ("articles", "0010_story_desk_fields_photo_provenance_and_edit_versions"),
        (
            "articles",
            "0014_photos_in_the_body",
        ),
    )
    try:
        executor.migrate([before])
        apps = executor.loader.project_state([before]).apps
        Section, OldStory = apps.get_model("articles", "Section"), apps.get_model("articles", "Story")
        OldPhoto, OldPlacement = apps.get_model("articles", "Photo"), apps.get_model("articles", "Placement")
        section = Section.objects.create(name="City", slug="city")
        blocks = ["<p>One.</p>", "<h2>Sub</h2>", "<p>Two.</p>"]
        story = OldStory.objects.create(
            headline="H", slug="h", section=section, body="\n".join(blocks), body_blocks=blocks
        )
        plain = OldStory.objects.create(
            headline="P", slug="p", section=section, body="<p>x</p>", body_blocks=["<p>x</p>"]
        )
        photos = [OldPhoto.objects.create(caption=f"c{i}", width=10, height=10) for i in range(4)]
        OldPlacement.objects.create(story=story, photo=photos[0], paragraph=2, caption="Over <ride>")
        OldPlacement.objects.create(story=story, photo=photos[1], paragraph=0)
        OldPlacement.objects.create(story=story, photo=photos[2], paragraph=9)
        OldPlacement.objects.create(story=story, photo=photos[3], paragraph=2, order=1)

        executor = MigrationExecutor(connection)
        executor.migrate([after])
        apps = executor.loader.project_state([after]).apps
        migrated = apps.get_model("articles", "Story").objects.get(pk=story.pk)
        fig = '<figure data-photo="{}"></figure>'.format
        expected = [
            fig(photos[1].pk),
            "<p>One.</p>",
            "<h2>Sub</h2>",
            f'<figure data-photo="{photos[0].pk}"><figcaption>Over &lt;ride&gt;</figcaption></figure>',
            fig(photos[3].pk),
            "<p>Two.</p>",
            fig(photos[2].pk),
        ]
        assert migrated.body_blocks == expected and migrated.body == "".join(expected)
        assert apps.get_model("articles", "Story").objects.get(pk=plain.pk).body == "<p>x</p>"
        placed = apps.get_model("articles", "Placement").objects.filter(story_id=story.pk).order_by("order")
        assert [(p.photo_id, p.paragraph) for p in placed] == [
            (photos[1].pk, 0),
            (photos[0].pk, 2),
            (photos[3].pk, 2),
            (photos[2].pk, 3),
        ]

        executor = MigrationExecutor(connection)
        executor.migrate([before])
        apps = executor.loader.project_state([before]).apps
        reverted = apps.get_model("articles", "Story").objects.get(pk=story.pk)
        assert reverted.body_blocks == blocks and "figure" not in reverted.body
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
