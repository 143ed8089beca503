"""Photo files at the edge: a photo's key (``photo-<id>``, on its rendition files and its API
answers) is purged when a live use of the photo ends or the photo itself changes, and not by
edits that leave its use alone."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles import richtext
from articles.models import PendingPurge, Photo
from articles.reader import invalidation
from articles.stories import workflow
from tests.factories import AuthorFactory, PhotoFactory, StoryFactory
from tests.reader import test_cache as base
from tests.reader import test_cache_keys as keyed
from tests.reader.test_cache_keys import recorded_keys

page_cache_on = base.page_cache_on
committed = base.committed
edges = keyed.edges


def photo_key(photo) -> str:
    return f"photo-{photo.pk}"


def rendition_path(photo) -> str:
    return "/" + photo.renditions["slots"]["w"]["jpeg"][0][2]


@pytest.fixture
def story(db):
    """A live story with a lead photo and a second photo in its body."""
    lead, placed = PhotoFactory(caption="The old ferry at dusk"), PhotoFactory(caption="The quay")
    story = StoryFactory(headline="Ferry timetable changes", lead_photo=lead)
    story.body = f"<p>The timetable changes.</p>{richtext.figure_html(placed.pk)}<p>On Monday.</p>"
    return story


@pytest.fixture
def live(story, editor):
    """The story saved through the workflow, so its body's figure is a placement."""
    workflow.story_save(story=story, user=editor)
    invalidation.flush()
    story.refresh_from_db()
    assert story.placements.count() == 1
    return story


def photos_of(story) -> tuple[Photo, Photo]:
    return story.lead_photo, story.placements.get().photo


# --- What each change purges ---------------------------------------------------------------------


def test_a_withdrawal_purges_the_keys_of_every_photo_the_story_showed(live, editor):
    lead, placed = photos_of(live)
    keys = recorded_keys(lambda: workflow.story_withdraw(story=live, user=editor))
    assert {photo_key(lead), photo_key(placed), f"story-{live.pk}", "home"} <= keys


def test_an_embargo_put_on_a_live_story_purges_its_photos(live):
    lead, placed = photos_of(live)
    live.embargo_until = timezone.now() + timedelta(hours=1)
    keys = recorded_keys(live.save)
    assert {photo_key(lead), photo_key(placed)} <= keys


def test_a_photo_taken_out_of_the_body_is_purged_and_the_lead_is_not(live, editor):
    lead, placed = photos_of(live)
    live.body = "<p>The timetable changes.</p><p>On Monday.</p>"
    keys = recorded_keys(lambda: workflow.story_save(story=live, user=editor))
    assert photo_key(placed) in keys
    assert photo_key(lead) not in keys


def test_a_figure_swapped_for_another_photo_purges_the_one_it_showed(live, editor):
    _lead, placed = photos_of(live)
    other = PhotoFactory(caption="The harbour master")
    live.body = f"<p>The timetable changes.</p>{richtext.figure_html(other.pk)}<p>On Monday.</p>"
    keys = recorded_keys(lambda: workflow.story_save(story=live, user=editor))
    assert photo_key(placed) in keys
    assert live.placements.get().photo == other


def test_a_replaced_lead_photo_is_purged(live, editor):
    lead, _placed = photos_of(live)
    live.lead_photo = PhotoFactory(caption="A new lead")
    keys = recorded_keys(lambda: workflow.story_save(story=live, user=editor))
    assert photo_key(lead) in keys


def test_an_edit_that_keeps_the_photos_purges_none_of_them(live, editor):
    lead, placed = photos_of(live)
    live.body = live.body.replace("On Monday.", "From Monday.")
    live.headline = "Ferry timetable changes from Monday"
    keys = recorded_keys(lambda: workflow.story_save(story=live, user=editor))
    assert f"story-{live.pk}" in keys
    assert not {photo_key(lead), photo_key(placed)} & keys


def test_deleting_a_live_story_purges_its_photos(live):
    lead, placed = photos_of(live)
    keys = recorded_keys(live.delete)
    assert {photo_key(lead), photo_key(placed)} <= keys


@pytest.mark.parametrize("used_as", ["lead", "placed"])
@pytest.mark.parametrize(
    "field, value",
    [("caption", "Ferry at dawn"), ("credit", "Harbour Agency"), ("digital_source_type", "trainedAlgorithmicMedia")],
)
def test_an_edit_of_the_photo_purges_its_key_and_the_stories_showing_it(live, used_as, field, value):
    photo = dict(zip(("lead", "placed"), photos_of(live), strict=True))[used_as]
    setattr(photo, field, value)
    keys = recorded_keys(photo.save)
    assert {photo_key(photo), f"story-{live.pk}"} <= keys


def test_rights_running_out_purge_the_photo_even_where_no_story_uses_it(db):
    photo = PhotoFactory()
    photo.rights_expire_on = timezone.localdate() - timedelta(days=1)
    assert recorded_keys(photo.save) == {photo_key(photo)}


def test_a_replaced_or_removed_author_portrait_is_purged(db):
    old, new = PhotoFactory(), PhotoFactory()
    author = AuthorFactory(photo=old)
    author.photo = new
    assert photo_key(old) in recorded_keys(author.save)
    assert photo_key(new) in recorded_keys(author.delete)


def test_a_new_photo_purges_nothing(db):
    assert recorded_keys(PhotoFactory) == set()


# --- At the edge and in the app -------------------------------------------------------------------


def test_a_withdrawal_purges_the_photo_files_at_every_edge_node(live, editor, edges, committed):
    lead, placed = photos_of(live)
    with committed():
        workflow.story_withdraw(story=live, user=editor)
    for node in edges:
        assert {photo_key(lead), photo_key(placed)} <= node.purged_keys()
    assert not PendingPurge.objects.exists()


def test_a_rendition_names_its_photo_and_is_gone_once_the_story_is_withdrawn(client, live, editor, committed):
    lead, _placed = photos_of(live)
    served = client.get(rendition_path(lead))
    assert served.status_code == 200
    assert served["xkey"] == served["Surrogate-Key"] == photo_key(lead)
    assert "s-maxage" in served["Cache-Control"]
    with committed():
        workflow.story_withdraw(story=live, user=editor)
    assert client.get(rendition_path(lead)).status_code == 404


def test_the_apis_photo_answers_name_the_photos_and_follow_a_caption_change(client, live, committed):
    lead, placed = photos_of(live)
    url = reverse("api-v1:photo_detail", kwargs={"photo_id": lead.pk})
    first = client.get(url)
    assert photo_key(lead) in first["xkey"].split()
    listing = client.get(reverse("api-v1:photo_list"))
    assert {photo_key(lead), photo_key(placed)} <= set(listing["xkey"].split())
    lead.caption = "The new ferry at dawn"
    with committed():
        lead.save()
    assert client.get(url).json()["caption"] == "The new ferry at dawn"
