"""The story form around the body: fields, tags, contributors, preview, presence, the updated time."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from articles.models import Author, AuthorKind, EditPresence, Placement, Story, StoryStatus
from tests.admin.admin_pages import change_url, form_data, open_change_form
from tests.factories import AuthorFactory, PhotoFactory, SectionFactory, StoryFactory

pytestmark = pytest.mark.django_db

ADD_URL = "admin:articles_story_add"


def _new_story_data(**fields) -> dict:
    data = {
        "headline": "Night trams to run all summer",
        "short_headline": "",
        "standfirst": "The trial becomes permanent.",
        "section": SectionFactory().pk,
        "dateline": "",
        "body": "<p>Trams will run all night.</p>",
        "credit_line": "",
        "additional_reporting": "",
        "desk_note": "",
        "tags": "",
        "bylines-TOTAL_FORMS": "0",
        "bylines-INITIAL_FORMS": "0",
        "placements-TOTAL_FORMS": "0",
        "placements-INITIAL_FORMS": "0",
    }
    data.update(fields)
    return data


def _page(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


# --- Fields ---------------------------------------------------------------------------------------


def test_the_form_has_the_desk_fields_with_their_limits_said(editor_client):
    page = _page(editor_client.get(reverse(ADD_URL)))
    for name in ("short_headline", "dateline", "credit_line", "additional_reporting", "desk_note", "tags"):
        assert page.find(attrs={"name": name}) is not None, name
    headline = page.find("textarea", attrs={"name": "headline"})
    assert headline["data-count-aim"] == "70" and headline["maxlength"] == "200"
    assert page.find("textarea", attrs={"name": "standfirst"})["data-count-aim"] == "160"
    text = page.get_text(" ", strip=True)
    assert "search results cut longer titles" in text
    assert "feeds use it as the summary" in text
    # Tags are typed, not picked in a popup inline.
    assert page.find(attrs={"name": "tagged_items-TOTAL_FORMS"}) is None


def test_a_headline_typed_over_two_lines_is_saved_as_one(editor_client):
    data = _new_story_data(headline="Night trams\r\nto run all summer")
    assert editor_client.post(reverse(ADD_URL), data).status_code == 302
    assert Story.objects.get().headline == "Night trams to run all summer"


# --- Tags -----------------------------------------------------------------------------------------


def test_tags_typed_as_words_are_set_and_new_ones_created(editor_client):
    Tag.objects.create(name="Transport", slug="transport")
    data = _new_story_data(tags="transport, Night life,\nCity council, night life")
    assert editor_client.post(reverse(ADD_URL), data).status_code == 302
    story = Story.objects.get()
    assert sorted(tag.name for tag in story.tags.all()) == ["City council", "Night life", "Transport"]
    assert Tag.objects.filter(name__iexact="transport").count() == 1


def test_the_form_shows_the_story_tags_as_words_and_saving_again_keeps_them(editor_client):
    story = StoryFactory(status=StoryStatus.DRAFT, publish_at=None)
    story.tags.set(["Harbour", "Port Halden"])
    data = open_change_form(editor_client, story)
    assert sorted(part.strip() for part in data["tags"].split(",")) == ["Harbour", "Port Halden"]
    data["tags"] = data["tags"] + ", Weather"
    assert editor_client.post(change_url(story), data).status_code == 302
    assert sorted(tag.name for tag in Story.objects.get(pk=story.pk).tags.all()) == [
        "Harbour",
        "Port Halden",
        "Weather",
    ]


def test_a_tag_too_long_is_refused_and_the_text_stays(editor_client):
    data = _new_story_data(tags="x" * 101)
    response = editor_client.post(reverse(ADD_URL), data)
    assert response.status_code == 200
    assert "Put a comma between tags" in response.content.decode()
    assert form_data(response)["headline"] == "Night trams to run all summer"
    assert not Story.objects.exists()


def test_tag_suggestions_come_from_existing_tags(editor_client):
    for name in ("Harbour", "Harbour wall", "Seaside harbours", "Weather"):
        Tag.objects.create(name=name, slug=name.lower().replace(" ", "-"))
    found = editor_client.get(reverse("admin:articles_story_tags"), {"q": "harb"}).json()["tags"]
    assert set(found) == {"Harbour", "Harbour wall", "Seaside harbours"}
    assert found[-1] == "Seaside harbours"  # names that start with the word come first


def test_tag_suggestions_are_for_the_desk_only(photodesk_client, client):
    assert photodesk_client.get(reverse("admin:articles_story_tags"), {"q": "a"}).status_code == 403
    assert client.get(reverse("admin:articles_story_tags"), {"q": "a"}).status_code == 302  # to the login


# --- Contributors and bylines ----------------------------------------------------------------------


def test_a_reporter_adds_a_contributor_from_the_form_and_bylines_them(reporter_client):
    response = reporter_client.post(
        reverse("admin:articles_story_contributor"), {"name": "Lena Brandt", "affiliation": "Coastline Wire"}
    )
    assert response.status_code == 201
    answer = response.json()
    author = Author.objects.get(pk=answer["id"])
    assert author.kind == AuthorKind.CONTRIBUTOR
    assert answer["text"] == "Lena Brandt (Coastline Wire)"
    data = _new_story_data(**{"bylines-TOTAL_FORMS": "1", "bylines-0-author": author.pk, "bylines-0-order": "0"})
    assert reporter_client.post(reverse(ADD_URL), data).status_code == 302
    story = Story.objects.get()
    assert list(story.authors.all()) == [author]
    story.status, story.publish_at = StoryStatus.PUBLISHED, timezone.now() - timedelta(minutes=1)
    story.save()
    assert "Lena Brandt" in reporter_client.get(author.get_absolute_url()).content.decode()


def test_a_contributor_without_a_name_gets_a_message(reporter_client):
    response = reporter_client.post(reverse("admin:articles_story_contributor"), {"name": " ", "affiliation": ""})
    assert response.status_code == 400
    assert response.json()["errors"]["name"] == ["Write the contributor's name."]


def test_the_photo_desk_cannot_add_contributors(photodesk_client):
    response = photodesk_client.post(reverse("admin:articles_story_contributor"), {"name": "Lena Brandt"})
    assert response.status_code == 403
    assert not Author.objects.exists()


def test_bylines_are_saved_in_the_order_given(editor_client):
    first, second = AuthorFactory(name="Ana First"), AuthorFactory(name="Ben Second")
    data = _new_story_data(
        **{
            "bylines-TOTAL_FORMS": "2",
            "bylines-0-author": first.pk,
            "bylines-0-order": "1",
            "bylines-1-author": second.pk,
            "bylines-1-order": "0",
        }
    )
    assert editor_client.post(reverse(ADD_URL), data).status_code == 302
    story = Story.objects.get()
    assert [b.author.name for b in story.bylines.all()] == ["Ben Second", "Ana First"]


# --- Preview -------------------------------------------------------------------------------------


def test_the_preview_shows_the_unsaved_form_as_readers_would_and_saves_nothing(editor_client):
    story = StoryFactory(status=StoryStatus.DRAFT, publish_at=None, headline="Saved headline", dateline="OLD")
    data = open_change_form(editor_client, story)
    writer = AuthorFactory(name="Lena Brandt")
    data.update(
        {
            "headline": "Unsaved headline",
            "dateline": "PORT HALDEN",
            "body": "<p>First words.</p><p>More words.</p>",
            "tags": "Harbour, Brand new tag",
            "bylines-TOTAL_FORMS": "1",
            "bylines-INITIAL_FORMS": "0",
            "bylines-0-id": "",
            "bylines-0-author": writer.pk,
            "bylines-0-order": "0",
        }
    )
    response = editor_client.post(reverse("admin:articles_story_preview", args=[story.pk]), data)
    assert response.status_code == 200
    html = response.content.decode()
    page = _page(response)
    assert page.find("h1").get_text() == "Unsaved headline"
    assert '<p><span class="dateline">PORT HALDEN —</span> First words.</p>' in html
    assert "Lena Brandt" in page.find(class_="byline").get_text()
    assert [a.get_text() for a in page.select(".tags a")] == ["Harbour", "Brand new tag"]
    banner = page.find(class_="preview-banner").get_text(" ", strip=True)
    assert "Draft" in banner
    # A draft has no published time to show.
    assert page.find(class_="times") is None
    assert "no-store" in response["Cache-Control"]
    saved = Story.objects.get(pk=story.pk)
    assert (saved.headline, saved.dateline, saved.version) == ("Saved headline", "OLD", story.version)
    assert not Tag.objects.filter(name="Brand new tag").exists()


def test_the_preview_shows_a_photo_placed_since_the_last_save_where_it_now_stands(editor_client):
    story = StoryFactory(status=StoryStatus.DRAFT, publish_at=None, body="<p>One.</p><p>Two.</p>")
    photo = PhotoFactory(caption="The library's caption", photographer="Ana Ruiz", source="")
    data = open_change_form(editor_client, story)
    data["body"] = f'<p>One.</p><figure data-photo="{photo.pk}"><figcaption>As typed</figcaption></figure><p>Two.</p>'
    response = editor_client.post(reverse("admin:articles_story_preview", args=[story.pk]), data)
    figure = _page(response).select_one(".story-body figure.photo")
    assert figure is not None, "the photo placed in the unsaved body is missing from the preview"
    assert figure.find(class_="caption").get_text() == "As typed"
    assert figure.find(class_="credit").get_text() == "Ana Ruiz"
    assert figure.find_previous_sibling("p").get_text() == "One."
    assert not Placement.objects.filter(story=story).exists()  # previewing saved nothing


def test_the_preview_of_a_new_story_saves_nothing(editor_client):
    response = editor_client.post(reverse("admin:articles_story_preview_new"), _new_story_data())
    assert response.status_code == 200
    assert _page(response).find("h1").get_text() == "Night trams to run all summer"
    assert not Story.objects.exists()


def test_a_scheduled_storys_preview_says_when_and_claims_no_publication(editor_client):
    when = timezone.now() + timedelta(hours=5)
    story = StoryFactory(status=StoryStatus.PUBLISHED, publish_at=when)
    data = open_change_form(editor_client, story)
    response = editor_client.post(reverse("admin:articles_story_preview", args=[story.pk]), data)
    page = _page(response)
    banner = page.find(class_="preview-banner").get_text(" ", strip=True)
    assert "Scheduled" in banner and "goes live" in banner
    assert page.find(class_="times") is None


def test_the_preview_of_a_draft_opened_from_the_site_shows_no_published_time(editor_client):
    story = StoryFactory(status=StoryStatus.DRAFT, publish_at=None)
    page = _page(editor_client.get(story.get_absolute_url(), follow=True))
    assert "Draft" in page.find(class_="preview-banner").get_text()
    assert page.find(class_="times") is None


def test_only_those_who_may_see_the_story_preview_it(reporter_client, editor):
    story = StoryFactory(status=StoryStatus.DRAFT, publish_at=None, created_by=editor)
    response = reporter_client.post(reverse("admin:articles_story_preview", args=[story.pk]), {"headline": "x"})
    assert response.status_code == 403


def test_the_preview_button_is_on_the_form_and_opens_a_new_tab(editor_client):
    story = StoryFactory(status=StoryStatus.DRAFT, publish_at=None)
    page = _page(editor_client.get(change_url(story)))
    button = page.find(class_="story-preview-button")
    assert button["formaction"] == reverse("admin:articles_story_preview", args=[story.pk])
    assert button["formtarget"] == "_blank"
    assert page.find(class_="story-bar").find(attrs={"name": "_continue"}) is not None


# --- Presence ------------------------------------------------------------------------------------


def test_the_heartbeat_keeps_an_editor_present_and_leaving_drops_them(editor_client, editor):
    story = StoryFactory()
    url = reverse("admin:articles_story_presence", args=[story.pk])
    assert editor_client.post(url).json() == {"others": []}
    assert EditPresence.objects.filter(story=story, user=editor).exists()
    assert editor_client.post(url, {"left": "1"}).status_code == 200
    assert not EditPresence.objects.filter(story=story, user=editor).exists()


def test_a_reader_only_viewer_is_not_recorded_as_editing(reporter_client, reporter):
    story = StoryFactory()  # live: the reporter may only read it
    assert reporter_client.get(change_url(story)).status_code == 200
    assert reporter_client.post(reverse("admin:articles_story_presence", args=[story.pk])).status_code == 403
    assert not EditPresence.objects.filter(story=story).exists()


# --- The updated time and "minor change" ------------------------------------------------------------


def test_an_editor_saving_a_live_storys_text_shows_it_updated_unless_minor(editor_client):
    story = StoryFactory(publish_at=timezone.now() - timedelta(days=1), updated_at=None)
    data = open_change_form(editor_client, story)
    data.update({"headline": "Typo fixd", "minor_change": "on"})
    assert editor_client.post(change_url(story), data).status_code == 302
    assert Story.objects.get(pk=story.pk).updated_at is None
    data = open_change_form(editor_client, story)
    data["standfirst"] = "A new fact changes the story."
    assert editor_client.post(change_url(story), data).status_code == 302
    updated = Story.objects.get(pk=story.pk).updated_at
    assert updated is not None and timezone.now() - updated < timedelta(minutes=1)
    assert "Updated" in editor_client.get(story.get_absolute_url()).content.decode()


def test_the_desk_note_is_on_the_form_and_nowhere_a_reader_looks(editor_client, client):
    story = StoryFactory(desk_note="SECRET-DESK-NOTE check the quote", publish_at=timezone.now() - timedelta(hours=1))
    story.tags.set(["Harbour"])
    assert "SECRET-DESK-NOTE" in editor_client.get(change_url(story)).content.decode()
    for url in (
        story.get_absolute_url(),
        "/",
        story.section.get_absolute_url(),
        reverse("articles:tag", args=["harbour"]),
        reverse("articles:feed_rss"),
        reverse("articles:feed_atom"),
        reverse("articles:search") + "?q=quote",
    ):
        response = client.get(url, follow=True)
        assert "SECRET-DESK-NOTE" not in response.content.decode(), url
