"""The full-page cache: what anonymous readers get from it, what never goes in, and exact invalidation."""

from datetime import timedelta
from functools import partial
from urllib.parse import urlsplit

import pytest
import time_machine
from django.http import HttpResponse
from django.middleware.csp import get_nonce
from django.middleware.csrf import get_token
from django.test import RequestFactory
from django.urls import path
from django.utils import timezone

from articles.models import Photo, ShareLinkUse, Story, StoryStatus
from articles.reader import cache as page_cache
from articles.reader import invalidation, surrogate
from articles.reader.sitemaps import story_sitemap_path
from articles.stories import corrections, sharelinks, workflow
from newsroom.urls import urlpatterns as site_urlpatterns
from tests.factories import AuthorFactory, PhotoFactory, SectionFactory, StoryFactory

# --- Views for the rules no public page exercises yet (used with pytest.mark.urls(__name__)) -----


def nonce_view(request):
    return HttpResponse(f'<script nonce="{get_nonce(request)}">1</script>')


def cookie_view(request):
    response = HttpResponse("with a cookie")
    response.set_cookie("seen", "1")
    return response


def csrf_view(request):
    return HttpResponse(f"token {get_token(request)}")


def vary_view(request):
    response = HttpResponse("in your language")
    response["Vary"] = "Accept-Language"
    return response


def racing_view(request):
    # An editor's change to what this page shows commits while the page is being rendered.
    surrogate.add("story-999999")
    page_cache.purge_keys({"story-999999"})
    return HttpResponse("rendered during a change")


urlpatterns = [
    path("test-cache/nonce/", nonce_view),
    path("test-cache/cookie/", cookie_view),
    path("test-cache/csrf/", csrf_view),
    path("test-cache/vary/", vary_view),
    path("test-cache/racing/", racing_view),
    *site_urlpatterns,
]


# --- Fixtures and helpers ------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def page_cache_on(settings, monkeypatch):
    settings.NEWSROOM_PAGE_CACHE = True
    # As in production: the page cache with the fragment cache under it (articles/reader/fragments.py).
    settings.NEWSROOM_FRAGMENT_CACHE = True
    # The outbox is read once a second per process: here once per test, so hits count no query.
    settings.NEWSROOM_PURGE_PENDING_CHECK_SECONDS = 3600
    # One story sitemap page for every story a test makes, however far PostgreSQL's id sequence has run
    # (it is not reset between tests): a story and the one published after it share a page.
    settings.NEWSROOM_SITEMAP_PAGE_SIZE = 50_000
    page_cache.local_copies.clear()
    fresh_invalidation_state(monkeypatch)
    yield
    page_cache.local_copies.clear()
    fresh_invalidation_state(monkeypatch)


def fresh_invalidation_state(monkeypatch):
    """No pending keys known from another test; replays run in the request (tests share one connection)."""
    invalidation.local_pending.discard(invalidation.local_pending.get())
    invalidation.forget_pending_read()
    invalidation.forget_replay()
    monkeypatch.setattr(invalidation, "_in_background", lambda run: run())


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run the block's on-commit callbacks, as a real commit would (tests never commit)."""
    return partial(django_capture_on_commit_callbacks, execute=True)


@pytest.fixture
def story(db):
    """A live story with a section, an author, a tag and a lead photo: on every kind of public page."""
    story = StoryFactory(
        headline="Ferry timetable changes",
        section=SectionFactory(slug="city", name="City"),
        bylines=[AuthorFactory(slug="mara-lind", name="Mara Lind")],
        lead_photo=PhotoFactory(caption="The old ferry at dusk"),
    )
    story.tags.set(["Harbour"])
    invalidation.flush()  # as the commit of the setup would
    return story


def pages_of(story) -> list[str]:
    return [
        "/",
        story.get_absolute_url(),
        "/city/",
        "/tags/harbour/",
        "/authors/mara-lind/",
        "/archive/",
        "/feeds/rss/",
        "/feeds/sections/city/atom/",
        "/sitemap.xml",
        story_sitemap_path(story.pk),
        "/sitemap-news.xml",
        "/search/?q=ferry",
    ]


def warm(client, urls) -> dict[str, bytes]:
    """Fetch each page twice, check the second came from the cache; return what each page said."""
    pages = {}
    for url in urls:
        first = client.get(url)
        assert first.status_code == 200, url
        again = client.get(url)
        assert again["X-Cache"] == "HIT", url
        assert again.content == first.content, url
        pages[url] = first.content
    return pages


def mentions(response, story) -> bool:
    """Whether a page shows the story: its headline (pages, feeds, news sitemap) or its address (sitemaps)."""
    html = text(response)
    return story.headline in html or story.get_absolute_url() in html


def text(response) -> str:
    return response.content.decode()


# --- Serving ----------------------------------------------------------------------------------------


def test_a_second_anonymous_request_is_served_without_a_query(client, story, django_assert_num_queries):
    first = client.get(story.get_absolute_url())
    assert first["X-Cache"] == "MISS"
    with django_assert_num_queries(0):
        again = client.get(story.get_absolute_url())
    assert again.status_code == 200
    assert again["X-Cache"] == "HIT"
    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"]
    assert again["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert int(again["Content-Length"]) == len(again.content)


def test_every_kind_of_public_page_is_cached(client, story, django_assert_num_queries):
    urls = [*pages_of(story), "/corrections/", "/robots.txt", "/feeds/tags/harbour/rss/", "/sitemap-tags.xml"]
    warm(client, urls)
    with django_assert_num_queries(0):
        for url in urls:
            assert client.get(url)["X-Cache"] == "HIT"


def test_cacheable_pages_carry_headers_for_a_cdn(client, story, settings):
    response = client.get(story.get_absolute_url())
    assert response["Cache-Control"] == settings.NEWSROOM_PAGE_CACHE_CONTROL
    assert "s-maxage=" in response["Cache-Control"] and "stale-while-revalidate=" in response["Cache-Control"]
    assert response["ETag"].startswith('"')
    assert response["Last-Modified"].endswith("GMT")
    again = client.get(story.get_absolute_url())
    assert again["ETag"] == response["ETag"]
    assert again["Last-Modified"] == response["Last-Modified"]


def test_headers_are_sent_even_with_the_cache_turned_off(client, story, settings):
    settings.NEWSROOM_PAGE_CACHE = False
    client.get(story.get_absolute_url())
    response = client.get(story.get_absolute_url())
    assert "X-Cache" not in response
    assert response["Cache-Control"] == settings.NEWSROOM_PAGE_CACHE_CONTROL
    assert response.has_header("ETag")


def test_if_none_match_gets_a_304_without_a_query(client, story, django_assert_num_queries):
    etag = client.get(story.get_absolute_url())["ETag"]
    with django_assert_num_queries(0):
        response = client.get(story.get_absolute_url(), headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert client.get(story.get_absolute_url(), headers={"If-None-Match": '"something-else"'}).status_code == 200


def test_if_modified_since_gets_a_304(client, story):
    last_modified = client.get("/")["Last-Modified"]
    assert client.get("/", headers={"If-Modified-Since": last_modified}).status_code == 304


def test_head_requests_are_served_from_the_cache(client, story):
    client.get(story.get_absolute_url())
    response = client.head(story.get_absolute_url())
    assert response.status_code == 200
    assert response["X-Cache"] == "HIT"


def test_permanent_redirects_are_cached(client, story, django_assert_num_queries):
    old = f"/city/{story.pk}/an-old-slug/"
    assert client.get(old).status_code == 301
    with django_assert_num_queries(0):
        response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == story.get_absolute_url()


def test_not_found_pages_are_not_stored(client, db):
    assert client.get("/no-such-section/").status_code == 404
    assert client.get("/no-such-section/").get("X-Cache") == "MISS"


def test_pages_differ_by_query_string(client, story):
    warm(client, ["/search/?q=ferry"])
    other = client.get("/search/?q=harbour")
    assert other["X-Cache"] == "MISS"


# --- This process's copies ------------------------------------------------------------------------


def test_a_hit_is_served_from_the_process_copy_without_reading_the_page_from_the_shared_cache(client, story):
    url = story.get_absolute_url()
    client.get(url)
    # Another process evicted the page from the shared cache: this process still has its copy.
    page_keys = [key for key in page_cache.local_copies._entries if key.startswith(page_cache.PAGE_KEY_PREFIX)]
    assert len(page_keys) == 1
    page_cache.cache.delete(page_keys[0])
    assert client.get(url)["X-Cache"] == "HIT"
    # A process with no copy of its own falls back to the shared cache, which no longer has the page.
    page_cache.local_copies.clear()
    assert client.get(url)["X-Cache"] == "MISS"


def test_a_process_copy_is_never_served_after_another_process_purges_its_key(client, story):
    url = story.get_absolute_url()
    client.get(url)
    assert client.get(url)["X-Cache"] == "HIT"
    # A change committed in another process: no signal reaches this one, only the key's purge time.
    Story.objects.filter(pk=story.pk).update(headline="Ferry timetable scrapped")
    page_cache.purge_keys({f"story-{story.pk}"})
    response = client.get(url)
    assert response["X-Cache"] == "MISS"
    assert "Ferry timetable scrapped" in response.content.decode()


def test_process_copies_keep_only_the_most_recently_used_pages(client, story, settings):
    settings.NEWSROOM_PAGE_CACHE_LOCAL_ENTRIES = 2
    urls = ("/", story.get_absolute_url(), "/city/")
    for url in urls:
        client.get(url)
    keys = {url: page_cache.page_key(RequestFactory().get(url)) for url in urls}
    assert list(page_cache.local_copies._entries) == [keys[urls[1]], keys["/city/"]]  # the oldest dropped
    page_cache.cache.delete_many(keys.values())
    assert client.get("/city/")["X-Cache"] == "HIT"  # still held by this process
    assert client.get("/")["X-Cache"] == "MISS"


def test_process_copies_can_be_turned_off(client, story, settings):
    settings.NEWSROOM_PAGE_CACHE_LOCAL_ENTRIES = 0
    url = story.get_absolute_url()
    client.get(url)
    assert not page_cache.local_copies._entries
    assert client.get(url)["X-Cache"] == "HIT"  # from the shared cache


# --- What is never stored ------------------------------------------------------------------------------


def test_staff_never_get_a_cached_page(client, story, editor):
    url = story.get_absolute_url()
    warm(client, [url])
    # A change that bypasses every signal: only a fresh render can show it.
    Story.objects.filter(pk=story.pk).update(headline="Quietly changed headline")
    assert "Quietly changed headline" not in text(client.get(url))
    client.force_login(editor)
    response = client.get(url)
    assert "Quietly changed headline" in text(response)
    assert response["Cache-Control"] == "private, no-store"
    assert "X-Cache" not in response
    assert "ETag" not in response


def test_a_page_rendered_for_staff_is_never_stored(client, story, editor):
    client.force_login(editor)
    client.get("/")
    client.get("/")
    client.logout()
    assert client.get("/")["X-Cache"] == "MISS"


def test_a_made_up_session_cookie_does_not_bypass_the_cache(client, story, settings, django_assert_num_queries):
    warm(client, ["/"])
    client.cookies[settings.SESSION_COOKIE_NAME] = "not-even-a-real-session"
    with django_assert_num_queries(1):  # the session is looked up once...
        assert client.get("/")["X-Cache"] == "HIT"
    with django_assert_num_queries(0):  # ...and "no such session" is remembered
        assert client.get("/")["X-Cache"] == "HIT"


def test_share_link_previews_are_never_cached(client, editor, db):
    draft = StoryFactory(headline="A draft for the lawyer", status=StoryStatus.DRAFT, publish_at=None)
    link = sharelinks.sharelink_create(story=draft, user=editor)
    address = urlsplit(sharelinks.sharelink_url(link))
    url = f"{address.path}?{address.query}"
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200
        assert "A draft for the lawyer" in text(response)
        assert "no-store" in response["Cache-Control"] and "public" not in response["Cache-Control"]
        assert "X-Cache" not in response
    assert ShareLinkUse.objects.filter(link=link).count() == 2


def test_an_editors_preview_is_never_cached(client, editor, db):
    draft = StoryFactory(headline="Embargoed results", status=StoryStatus.DRAFT, publish_at=None)
    client.force_login(editor)
    client.get(draft.get_absolute_url())
    response = client.get(draft.get_absolute_url())
    assert "Embargoed results" in text(response)
    assert "no-store" in response["Cache-Control"]
    client.logout()
    assert client.get(draft.get_absolute_url()).status_code == 404


@pytest.mark.urls(__name__)
def test_responses_setting_a_cookie_are_not_stored(client, db):
    client.get("/test-cache/cookie/")
    assert client.get("/test-cache/cookie/")["X-Cache"] == "MISS"


@pytest.mark.urls(__name__)
def test_pages_holding_a_csrf_token_are_not_stored(client, db, settings):
    # With the cookie already there, no Set-Cookie gives the token away: the page itself must not be stored.
    client.cookies[settings.CSRF_COOKIE_NAME] = "x" * 32
    client.get("/test-cache/csrf/")
    assert client.get("/test-cache/csrf/")["X-Cache"] == "MISS"


@pytest.mark.urls(__name__)
def test_pages_varying_on_other_headers_are_not_stored(client, db):
    client.get("/test-cache/vary/")
    assert client.get("/test-cache/vary/")["X-Cache"] == "MISS"


@pytest.mark.urls(__name__)
def test_a_cached_page_gets_a_fresh_csp_nonce_every_time(client, db):
    first = client.get("/test-cache/nonce/")
    again = client.get("/test-cache/nonce/")
    assert again["X-Cache"] == "HIT"
    nonces = []
    for response in (first, again):
        nonce = text(response).split('nonce="')[1].split('"')[0]
        assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]
        nonces.append(nonce)
    assert nonces[0] != nonces[1]
    assert again["ETag"] == first["ETag"] and again["ETag"].startswith('W/"')


@pytest.mark.urls(__name__)
def test_a_page_rendered_while_a_change_commits_is_never_served(client, db):
    client.get("/test-cache/racing/")
    assert client.get("/test-cache/racing/")["X-Cache"] == "MISS"


# --- Invalidation -----------------------------------------------------------------------------------------


def test_publishing_shows_on_every_page_at_once(client, story, editor, committed):
    before = warm(client, pages_of(story))
    draft = StoryFactory(
        headline="Ferry strike called off",
        section=story.section,
        bylines=[story.authors.get()],
        status=StoryStatus.DRAFT,
        publish_at=None,
    )
    draft.tags.set(["Harbour"])
    with committed():
        workflow.story_publish(story=draft, user=editor)
    # Another story's page does not show the new one (it was cached before it existed): it stays.
    assert client.get(story.get_absolute_url())["X-Cache"] == "HIT"
    del before[story.get_absolute_url()]
    for url, content in before.items():
        response = client.get(url)
        assert response.content != content, url
        if url not in (story.get_absolute_url(), "/sitemap.xml"):  # the index lists sitemaps, not stories
            assert mentions(response, draft), url
    assert client.get(draft.get_absolute_url()).status_code == 200


def test_a_withdrawn_story_is_gone_from_every_page_on_the_next_request(client, story, editor, committed):
    urls = pages_of(story)
    warm(client, urls)
    with committed():
        workflow.story_withdraw(story=story, user=editor)
    assert client.get(story.get_absolute_url()).status_code == 404
    for url in urls:
        response = client.get(url)
        assert "Ferry timetable changes" not in text(response), url
        assert story.get_absolute_url() not in text(response), url


def test_an_edit_shows_on_every_page_at_once(client, story, editor, committed):
    # Every page that shows headlines (sitemaps other than Google News' show addresses only).
    urls = [u for u in pages_of(story) if not u.startswith(("/search/", "/sitemap.xml", "/sitemap-stories"))]
    warm(client, urls)
    story.headline = "Ferry timetable changes again"
    with committed():
        workflow.story_save(story=story, user=editor)
    for url in urls:
        response = client.get(url, follow=True)
        assert "Ferry timetable changes again" in text(response), url


def test_a_correction_shows_on_the_story_the_corrections_page_and_the_feed(client, story, editor, committed):
    urls = [story.get_absolute_url(), "/corrections/", "/feeds/rss/"]
    warm(client, urls)
    with committed():
        corrections.story_correct(story=story, user=editor, text="The ferry leaves at 9.15, not 9.50.")
    for url in urls:
        assert "The ferry leaves at 9.15, not 9.50." in text(client.get(url)), url


def test_a_photo_caption_change_shows_on_the_next_request(client, story, committed):
    warm(client, [story.get_absolute_url(), "/feeds/rss/"])
    photo = Photo.objects.get(pk=story.lead_photo_id)
    photo.caption = "The new ferry at dawn"
    with committed():
        photo.save()
    assert "The new ferry at dawn" in text(client.get(story.get_absolute_url()))
    assert "The new ferry at dawn" in text(client.get("/feeds/rss/"))


def test_a_photo_whose_rights_end_disappears_from_the_story(client, story, committed):
    photo = Photo.objects.get(pk=story.lead_photo_id)
    rendition = photo.renditions["slots"]["w"]["jpeg"][0][2]
    warm(client, [story.get_absolute_url()])
    assert rendition in text(client.get(story.get_absolute_url()))
    photo.rights_expire_on = timezone.localdate() - timedelta(days=1)
    with committed():
        photo.save()
    assert rendition not in text(client.get(story.get_absolute_url()))


def test_renaming_a_section_shows_in_every_pages_navigation(client, story, committed):
    warm(client, ["/", story.get_absolute_url()])
    section = story.section
    section.name = "City and Harbour"
    with committed():
        section.save()
    assert "City and Harbour" in text(client.get("/"))
    assert "City and Harbour" in text(client.get(story.get_absolute_url()))


def test_changing_bylines_and_tags_shows_on_the_story(client, story, committed):
    warm(client, [story.get_absolute_url()])
    with committed():
        story.tags.add("Ferries")
        story.bylines.create(author=AuthorFactory(name="Tomas Okafor"), order=1)
    html = text(client.get(story.get_absolute_url()))
    assert "Ferries" in html and "Tomas Okafor" in html


def test_editing_a_draft_keeps_every_cached_page(client, story, editor, committed):
    warm(client, ["/", story.get_absolute_url()])
    draft = StoryFactory(status=StoryStatus.DRAFT, publish_at=None, bylines=[], section=story.section)
    draft.headline = "Still a draft"
    with committed():
        workflow.story_save(story=draft, user=editor)
    assert client.get("/")["X-Cache"] == "HIT"
    assert client.get(story.get_absolute_url())["X-Cache"] == "HIT"


def test_invalidation_waits_for_the_commit(client, story, editor, django_capture_on_commit_callbacks):
    warm(client, ["/"])
    story.headline = "Ferry timetable, uncommitted"
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        workflow.story_save(story=story, user=editor)
    # Until the transaction commits other readers could not see the change: the cached page stands.
    assert client.get("/")["X-Cache"] == "HIT"
    for callback in callbacks:
        callback()
    assert "Ferry timetable, uncommitted" in text(client.get("/"))


def test_a_scheduled_story_appears_on_its_minute_with_no_one_saving(client, story, settings):
    settings.NEWSROOM_PAGE_CACHE_TIMEOUT = 3600  # so only the schedule can end the cached pages
    now = timezone.now()
    StoryFactory(headline="Ferry fares frozen", section=story.section, publish_at=now + timedelta(minutes=10))
    with time_machine.travel(now - timedelta(seconds=1), tick=False):
        invalidation.flush()  # as the commit did, before the readers below
    with time_machine.travel(now, tick=False):
        warm(client, ["/", "/city/"])
        assert "Ferry fares frozen" not in text(client.get("/"))
    with time_machine.travel(now + timedelta(minutes=9), tick=False):
        assert client.get("/")["X-Cache"] == "HIT"
    with time_machine.travel(now + timedelta(minutes=10, seconds=1), tick=False):
        assert "Ferry fares frozen" in text(client.get("/"))
        assert "Ferry fares frozen" in text(client.get("/city/"))


def test_an_embargoed_story_appears_when_its_embargo_ends(client, story, settings):
    settings.NEWSROOM_PAGE_CACHE_TIMEOUT = 4 * 3600
    now = timezone.now()
    StoryFactory(
        headline="Harbour report published",
        section=story.section,
        publish_at=now - timedelta(hours=1),
        embargo_until=now + timedelta(hours=1),
    )
    with time_machine.travel(now - timedelta(seconds=1), tick=False):
        invalidation.flush()  # as the commit did, before the readers below
    with time_machine.travel(now, tick=False):
        warm(client, ["/city/"])
    with time_machine.travel(now + timedelta(minutes=59), tick=False):
        assert client.get("/city/")["X-Cache"] == "HIT"
    with time_machine.travel(now + timedelta(hours=1, seconds=1), tick=False):
        assert "Harbour report published" in text(client.get("/city/"))


def test_a_lost_generation_starts_a_new_one_and_never_serves_old_pages(client, story, settings):
    settings.NEWSROOM_PAGE_CACHE_MODE = "generation"
    warm(client, ["/"])
    page_cache.cache.delete(page_cache.GENERATION_KEY)
    assert client.get("/")["X-Cache"] == "MISS"
    assert client.get("/")["X-Cache"] == "HIT"


@pytest.fixture
def bumps(monkeypatch, settings):
    """Counts how often the generation is replaced (in the old mode, kept to measure against)."""
    settings.NEWSROOM_PAGE_CACHE_MODE = "generation"
    calls = []
    original = page_cache.bump_generation
    monkeypatch.setattr(page_cache, "bump_generation", lambda: (calls.append(1), original())[1])
    return calls


def test_one_publish_replaces_the_generation_once(editor, bumps, committed):
    draft = StoryFactory(status=StoryStatus.DRAFT, publish_at=None, headline="Quay reopens")
    draft.tags.set(["Harbour"])
    bumps.clear()
    with committed():
        workflow.story_publish(story=draft, user=editor)
    assert len(bumps) == 1


@pytest.mark.parametrize(
    "change",
    [
        lambda story, user: workflow.story_withdraw(story=story, user=user),
        lambda story, user: corrections.story_correct(story=story, user=user, text="The ferry leaves at six."),
        lambda story, user: workflow.story_save(story=story, user=user),
    ],
    ids=["withdraw", "correct", "edit"],
)
def test_one_change_to_a_live_story_replaces_the_generation_once(story, editor, bumps, committed, change):
    bumps.clear()
    with committed():
        change(story, editor)
    assert len(bumps) == 1


def test_unscheduling_a_story_replaces_the_generation(editor, bumps, committed):
    scheduled = StoryFactory(publish_at=timezone.now() + timedelta(hours=2), headline="Tomorrow's tide tables")
    bumps.clear()
    with committed():
        workflow.story_return_to_draft(story=scheduled, user=editor)
    assert len(bumps) == 1


def test_next_scheduled_change_comes_from_the_gate_and_the_photo_rights_rule(db):
    now = timezone.now()
    StoryFactory(publish_at=now + timedelta(hours=5))
    StoryFactory(publish_at=now - timedelta(hours=1), embargo_until=now + timedelta(hours=3))
    StoryFactory(status=StoryStatus.DRAFT, publish_at=now + timedelta(minutes=5))  # a draft changes nothing
    assert page_cache.next_scheduled_change(now) == pytest.approx((now + timedelta(hours=3)).timestamp())
    PhotoFactory(rights_expire_on=timezone.localdate(now))
    midnight = timezone.make_aware(
        timezone.datetime.combine(timezone.localdate(now) + timedelta(days=1), timezone.datetime.min.time())
    )
    assert page_cache.next_scheduled_change(now) == pytest.approx(min(midnight, now + timedelta(hours=3)).timestamp())
