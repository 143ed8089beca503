"""The benchmark's dataset generator: what it makes, that it tops up, and that the rows are what the site expects."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from taggit.models import Tag

from articles import richtext
from articles.models import Author, Byline, Correction, Photo, Placement, Section, Story, StoryStatus, TaggedStory
from articles.search import results
from articles.stories.placements import body_photos
from tests.factories import SectionFactory

SMALL = {"sections": 3, "authors": 6, "tags": 30, "photos": 8, "image_files": 2, "image_width": 320}


def generate(stories: int, **options) -> str:
    out = StringIO()
    call_command("generate_dataset", stories=stories, stdout=out, stderr=StringIO(), **{**SMALL, **options})
    return out.getvalue()


@pytest.fixture
def dataset(transactional_db):
    # transactional_db: the command commits batch by batch, as it does for real.
    generate(300)


def test_it_makes_every_kind_of_row(dataset):
    assert Story.objects.count() == 300
    assert Section.objects.count() == SMALL["sections"]
    assert Author.objects.count() == SMALL["authors"]
    assert Tag.objects.count() == SMALL["tags"]
    assert Photo.objects.count() == SMALL["photos"]
    assert Byline.objects.count() >= 300
    assert TaggedStory.objects.count() >= 2 * 300 * 0.9
    assert Placement.objects.exists()
    assert Story.related.through.objects.exists()
    assert not Story.objects.filter(bylines__isnull=True).exists()


def test_stories_spread_over_statuses_and_ten_years(dataset):
    live = Story.objects.live()
    assert live.count() > 0.85 * Story.objects.count()
    assert Story.objects.exclude(pk__in=live.values("pk")).exists()
    assert Story.objects.filter(status__in=[StoryStatus.DRAFT, StoryStatus.SUBMITTED]).exists()
    oldest = live.order_by("publish_at").first().publish_at
    newest = live.order_by("-publish_at").first().publish_at
    assert (newest - oldest).days > 5 * 365
    # Corrections only ever go to stories readers could see.
    assert all(c.story.is_live() for c in Correction.objects.select_related("story"))


def test_bodies_are_sanitized_and_split_as_saving_would(dataset):
    library = set(Photo.objects.values_list("pk", flat=True))
    with_figures = 0
    for story in Story.objects.all()[:100]:
        assert story.body == richtext.sanitize(story.body, known_photos=lambda ids: ids & library)
        assert story.body_blocks == richtext.split_blocks(story.body)
        assert any(block.startswith("<h2>") for block in story.body_blocks)
        # The photos stand in the body as figures, and the placements say the same.
        placed = [(p.photo_id, p.paragraph, p.order, p.caption) for p in story.placements.order_by("order")]
        assert placed == [(f.photo_id, f.paragraph, f.order, f.caption) for f in body_photos(story.body_blocks)]
        with_figures += bool(placed)
    assert with_figures


def test_bylines_and_tags_carry_their_storys_publish_time(dataset):
    # As Story.save() keeps them: the tag and author pages order by these copies.
    for model, story in ((Byline, "story"), (TaggedStory, "content_object")):
        rows = model.objects.values_list("publish_at", f"{story}__publish_at")
        assert rows.exists()
        assert all(copy == original for copy, original in rows)


def test_photo_rows_share_the_real_uploads_and_their_renditions(dataset):
    photos = list(Photo.objects.all())
    assert all(photo.renditions["slots"] for photo in photos)
    assert len({photo.image.name for photo in photos}) == SMALL["image_files"]
    assert len({photo.caption for photo in photos}) == len(photos)


def test_running_again_tops_up_and_never_duplicates(dataset):
    assert "nothing to do" in generate(300)
    assert Story.objects.count() == 300
    generate(340)
    assert Story.objects.count() == 340
    assert Author.objects.count() == SMALL["authors"]
    assert Photo.objects.count() == SMALL["photos"]


def test_new_stories_get_fresh_ids_after_the_generator(dataset):
    story = Story.objects.create(headline="Saved by the desk", section=Section.objects.first())
    assert story.pk > max(Story.objects.exclude(pk=story.pk).values_list("pk", flat=True))


def test_generated_stories_are_searchable(dataset):
    story = Story.objects.live().first()
    hits = results.search_stories(story.headline)
    assert story.pk in [hit.story.pk for hit in hits[0 : hits.count()]]


def test_bad_numbers_are_refused_with_a_message(db):
    with pytest.raises(CommandError, match="--stories must be 1 or more"):
        generate(0)
    with pytest.raises(CommandError, match="--image-files cannot be more than --photos"):
        generate(10, photos=1, image_files=2)


def test_it_works_alongside_existing_sections(transactional_db):
    SectionFactory(name="City", slug="city")
    generate(20)
    assert Section.objects.filter(slug="city").count() == 1
    assert Story.objects.count() == 20
