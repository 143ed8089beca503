import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from articles.models import Section, Story, StoryStatus
from tests.factories import PhotoFactory, PlacementFactory, SectionFactory, StoryFactory


@pytest.mark.django_db
def test_body_is_sanitized_on_save():
    story = StoryFactory(
        body='<p onclick="steal()">Hi <script>alert(1)</script><a href="javascript:x()">link</a></p>'
        '<h2 style="color:red">Sub</h2><iframe src="https://evil.example"></iframe>'
    )
    story.refresh_from_db()
    assert "script" not in story.body
    assert "onclick" not in story.body
    assert "javascript:" not in story.body
    assert "style=" not in story.body
    assert "iframe" not in story.body
    assert "<h2>Sub</h2>" in story.body


@pytest.mark.django_db
def test_body_is_split_into_top_level_blocks():
    story = StoryFactory(body="<p>One <em>a</em></p>\n<h2>Two</h2><ul><li>x</li><li>y</li></ul>loose text<p>Last</p>")
    assert story.body_blocks == [
        "<p>One <em>a</em></p>",
        "<h2>Two</h2>",
        "<ul><li>x</li><li>y</li></ul>",
        "<p>loose text</p>",
        "<p>Last</p>",
    ]


@pytest.mark.django_db
def test_photos_are_placed_after_their_paragraph():
    story = StoryFactory(body="<p>A</p><p>B</p><p>C</p>")
    first = PlacementFactory(story=story, paragraph=1)
    second = PlacementFactory(story=story, paragraph=2)
    late = PlacementFactory(story=story, paragraph=9)
    items = Story.objects.for_story_page().get(pk=story.pk).body_with_photos()
    kinds = [(kind, item if kind == "html" else item.pk) for kind, item in items]
    assert kinds == [
        ("html", "<p>A</p>"),
        ("photo", first.pk),
        ("html", "<p>B</p>"),
        ("photo", second.pk),
        ("html", "<p>C</p>"),
        ("photo", late.pk),
    ]


@pytest.mark.django_db
def test_slug_is_made_from_headline_also_for_chinese():
    assert StoryFactory(headline="Harbour cranes return", slug="").slug == "harbour-cranes-return"
    assert StoryFactory(headline="港口电影节开幕", slug="").slug == "港口电影节开幕"
    assert StoryFactory(headline="!!!", slug="").slug == "story"


@pytest.mark.django_db
def test_database_refuses_published_story_without_publish_time():
    with pytest.raises(IntegrityError), transaction.atomic():
        StoryFactory(status=StoryStatus.PUBLISHED, publish_at=None)


@pytest.mark.django_db
def test_section_slug_may_not_take_a_site_path():
    section = Section(name="Admin things", slug="admin")
    with pytest.raises(ValidationError):
        section.full_clean()


@pytest.mark.django_db
def test_placement_caption_overrides_photo_caption():
    photo = PhotoFactory(caption="Default caption")
    assert PlacementFactory(photo=photo, caption="").shown_caption == "Default caption"
    assert PlacementFactory(photo=photo, caption="Story caption").shown_caption == "Story caption"


@pytest.mark.django_db
def test_photo_credit_line_combines_photographer_and_source():
    assert PhotoFactory(credit="", photographer="Ana Ruiz", source="Coastline Wire").credit_line == (
        "Ana Ruiz/Coastline Wire"
    )
    assert PhotoFactory(credit="Staff").credit_line == "Staff"


@pytest.mark.django_db
def test_tags_use_the_story_through_model():
    story = StoryFactory()
    story.tags.set(["Trams", "Harbour"])
    assert sorted(story.tagged_items.values_list("tag__name", flat=True)) == ["Harbour", "Trams"]


@pytest.mark.django_db
def test_section_factory_is_usable():
    assert SectionFactory().get_absolute_url().startswith("/section-")


@pytest.mark.django_db
def test_roles_cover_models_added_after_the_first_roles_migration():
    from django.contrib.auth.models import Group

    editor = Group.objects.get(name="Editor").permissions.values_list("codename", flat=True)
    assert {"add_correction", "view_sharelink", "publish_story"} <= set(editor)
    photo_desk = set(Group.objects.get(name="Photo desk").permissions.values_list("codename", flat=True))
    assert "add_photo" in photo_desk and "change_story" not in photo_desk
