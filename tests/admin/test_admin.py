import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.admin.pagination import CappedCountPaginator
from articles.models import Story, StoryStatus
from tests.factories import AuthorFactory, PhotoFactory, PlacementFactory, SectionFactory, StoryFactory, UserFactory

MODELS = ["story", "photo", "author", "section"]


@pytest.fixture
def objects(db):
    story = StoryFactory(lead_photo=PhotoFactory())
    PlacementFactory(story=story)
    story.tags.set(["Trams"])
    return {"story": story, "photo": story.lead_photo, "author": story.authors.first(), "section": story.section}


@pytest.mark.parametrize("model", MODELS)
def test_editor_can_open_changelist_add_and_change_pages(editor_client, objects, model):
    assert editor_client.get(reverse(f"admin:articles_{model}_changelist")).status_code == 200
    assert editor_client.get(reverse(f"admin:articles_{model}_add")).status_code == 200
    obj = objects[model]
    assert editor_client.get(reverse(f"admin:articles_{model}_change", args=[obj.pk])).status_code == 200


def test_changelist_search_and_filters(editor_client, objects):
    url = reverse("admin:articles_story_changelist")
    response = editor_client.get(url, {"q": objects["story"].headline, "status__exact": "published"})
    assert response.status_code == 200
    assert objects["story"].headline in response.content.decode()


def test_story_list_counts_up_to_its_cap_and_then_asks_to_narrow(editor_client, db, monkeypatch):
    monkeypatch.setattr(CappedCountPaginator, "cap", 3)
    section = SectionFactory()
    for _ in range(3):
        StoryFactory(section=section)
    url = reverse("admin:articles_story_changelist")
    page = BeautifulSoup(editor_client.get(url).content, "html.parser")
    assert page.select_one(".paginator").get_text(" ", strip=True) == "Pages of stories 3 stories"
    StoryFactory(section=section)
    with CaptureQueriesContext(connection) as queries:
        page = BeautifulSoup(editor_client.get(url).content, "html.parser")
    assert "More than 3 stories: filter or search to narrow the list." in page.select_one(".paginator").get_text()
    counts = [q["sql"] for q in queries.captured_queries if "COUNT(" in q["sql"].upper()]
    assert counts and all("LIMIT 4" in sql for sql in counts)  # never a count of the whole table


def test_story_change_page_shows_inline_thumbnails(editor_client, objects):
    response = editor_client.get(reverse("admin:articles_story_change", args=[objects["story"].pk]))
    assert 'class="admin-thumb"' in response.content.decode()


@pytest.mark.parametrize(
    ("model_name", "term"), [("author", "Reporter"), ("story", "Headline"), ("tag", "Tram"), ("photo", "Caption")]
)
def test_autocomplete_answers_for_bylines_tags_related_and_photos(editor_client, objects, model_name, term):
    field = {"author": ("byline", "author"), "story": ("story", "related"), "tag": ("taggedstory", "tag")}.get(
        model_name, ("story", "lead_photo")
    )
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {"term": term, "app_label": "articles", "model_name": field[0], "field_name": field[1]},
    )
    assert response.status_code == 200, response.content
    assert response.json()["results"]


def test_editor_creates_a_story_with_bylines_through_the_admin(editor_client, db):
    section = SectionFactory()
    author = AuthorFactory()
    data = {
        "headline": "Night trams to run all summer",
        "slug": "",
        "standfirst": "The trial becomes permanent.",
        "section": section.pk,
        "body": "<p>Trams will run all night.</p><script>x()</script>",
        "credit_line": "",
        "bylines-TOTAL_FORMS": "1",
        "bylines-INITIAL_FORMS": "0",
        "bylines-0-author": author.pk,
        "bylines-0-order": "0",
        "placements-TOTAL_FORMS": "0",
        "placements-INITIAL_FORMS": "0",
        "tagged_items-TOTAL_FORMS": "0",
        "tagged_items-INITIAL_FORMS": "0",
    }
    response = editor_client.post(reverse("admin:articles_story_add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    story = Story.objects.get(headline="Night trams to run all summer")
    assert story.slug == "night-trams-to-run-all-summer"
    assert story.status == StoryStatus.DRAFT
    assert "<script>" not in story.body
    assert list(story.authors.all()) == [author]
    assert story.created_by.username == "eda"


def test_publish_action_calls_the_service(editor_client, db):
    story = StoryFactory(status=StoryStatus.DRAFT, publish_at=None)
    response = editor_client.post(
        reverse("admin:articles_story_changelist"),
        {"action": "publish_selected", "_selected_action": [story.pk]},
    )
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.status == StoryStatus.PUBLISHED


def test_reporter_posting_the_publish_action_by_hand_changes_nothing(client, db):
    client.force_login(UserFactory(username="rep-test", role="Reporter"))
    story = StoryFactory(status=StoryStatus.DRAFT, publish_at=None)
    response = client.post(
        reverse("admin:articles_story_changelist"),
        {"action": "publish_selected", "_selected_action": [story.pk]},
    )
    assert response.status_code == 403
    story.refresh_from_db()
    assert story.status == StoryStatus.DRAFT


def test_photo_desk_sees_photos_but_cannot_change_stories(client, objects):
    client.force_login(UserFactory(username="photo-test", role="Photo desk"))
    assert client.get(reverse("admin:articles_photo_changelist")).status_code == 200
    assert client.get(reverse("admin:articles_story_add")).status_code == 403
