"""The wire desk screen: list, reader view, make a draft, upload, what changed; and who may do what."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Story, WireEntry, WireStoryLink
from articles.wire.ingest import wire_ingest_batch, wire_ingest_file
from tests.factories import SectionFactory
from tests.wire.conftest import FIXTURES

pytestmark = pytest.mark.django_db

LIST = reverse("admin:articles_wireentry_changelist")


@pytest.fixture
def entry(desk_batch):
    SectionFactory(name="News", slug="news")
    wire_ingest_batch(desk_batch("ferry.nitf.xml"))
    wire_ingest_file(data=(FIXTURES / "bad" / "xxe.xml").read_bytes(), name="xxe.xml")
    return WireEntry.objects.get()


def draft_url(entry):
    return reverse("admin:articles_wireentry_draft", args=[entry.pk])


@pytest.mark.parametrize("who", ["reporter_client", "editor_client", "photodesk_client"])
def test_desk_roles_see_the_list_and_the_item(request, who, entry):
    client = request.getfixturevalue(who)
    listing = client.get(LIST)
    assert listing.status_code == 200
    page = listing.content.decode()
    assert "Night ferry returns to the islands" in page and "Northwind Press Agency" in page
    assert "xxe.xml" in page, "files set aside are shown with their reason"
    item = client.get(reverse("admin:articles_wireentry_change", args=[entry.pk]))
    assert item.status_code == 200
    text = item.content.decode()
    assert "<h2>A winter without a crossing</h2>" in text
    assert "The ferry at Skerry Haven on Thursday evening." in text
    assert ("Make a draft" in text) == (who != "photodesk_client")


def test_anonymous_is_sent_to_log_in(client, entry):
    response = client.get(LIST)
    assert response.status_code == 302 and "/login/" in response["Location"]
    response = client.post(draft_url(entry))
    assert response.status_code == 302 and Story.objects.count() == 0


def test_photo_desk_crafted_post_is_refused(photodesk_client, entry):
    assert photodesk_client.post(draft_url(entry)).status_code == 403
    upload = SimpleUploadedFile("ferry.xml", (FIXTURES / "desk" / "ferry-update.nitf.xml").read_bytes())
    assert photodesk_client.post(reverse("admin:articles_wireentry_upload"), {"files": [upload]}).status_code == 403
    assert Story.objects.count() == 0 and WireEntry.objects.get().version == 1


@pytest.mark.parametrize("who", ["reporter_client", "editor_client"])
def test_make_a_draft_and_see_where_it_came_from(request, who, entry):
    client = request.getfixturevalue(who)
    assert client.get(draft_url(entry)).status_code == 405
    response = client.post(draft_url(entry))
    story = Story.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "admin:articles_story_change", args=[story.pk]
    )
    page = client.get(response["Location"]).content.decode()
    assert "From the wire:" in page and "npa-2026-1120-ferry v1" in page
    listing = client.get(LIST + "?has_story=yes").content.decode()
    assert "Night ferry returns to the islands" in listing
    assert "Night ferry" not in client.get(LIST + "?has_story=no").content.decode()


def test_update_and_kill_are_flagged_on_the_desk_and_the_story(editor_client, entry):
    editor_client.post(draft_url(entry))
    story = Story.objects.get()
    wire_ingest_file(data=(FIXTURES / "desk" / "ferry-update.nitf.xml").read_bytes(), name="v2.xml")
    link = WireStoryLink.objects.get()

    page = editor_client.get(reverse("admin:articles_story_change", args=[story.pk])).content.decode()
    assert "the agency has updated this item" in page and "see what changed" in page
    changes = editor_client.get(reverse("admin:articles_wireentry_changes", args=[link.pk])).content.decode()
    assert "<del>Monday.</del>" in changes and "<ins>Tuesday, a day later than planned.</ins>" in changes
    assert "Updated by the agency" in editor_client.get(LIST).content.decode()

    wire_ingest_file(data=(FIXTURES / "desk" / "ferry-kill.nitf.xml").read_bytes(), name="kill.xml")
    page = editor_client.get(reverse("admin:articles_story_change", args=[story.pk])).content.decode()
    assert "The agency killed the wire item this story was made from" in page
    assert 'class="wire-flag wire-killed"' in page
    assert 'class="wire-flag wire-killed"' in editor_client.get(LIST).content.decode()
    assert "KILL: Night ferry" in editor_client.get(LIST + "?pub_status=canceled").content.decode()
    assert "KILL: Night ferry" not in editor_client.get(LIST + "?pub_status=usable").content.decode()


def test_upload_several_files(reporter_client, db):
    files = [
        SimpleUploadedFile("lighthouse.newsml.xml", (FIXTURES / "desk" / "lighthouse.newsml.xml").read_bytes()),
        SimpleUploadedFile("broken.xml", (FIXTURES / "bad" / "malformed.xml").read_bytes()),
    ]
    response = reporter_client.post(reverse("admin:articles_wireentry_upload"), {"files": files})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Kestrel Point lighthouse shines again" in page
    assert "broken.xml" in page and "Rejected" in page
    assert "was not delivered with the item" in page
    assert WireEntry.objects.count() == 1


def test_search_and_filters(editor_client, entry):
    assert "Night ferry" in editor_client.get(LIST + "?q=FERRY").content.decode()
    assert "Night ferry" not in editor_client.get(LIST + "?q=lighthouse").content.decode()
    assert "Night ferry" in editor_client.get(LIST + "?urgency=3").content.decode()
