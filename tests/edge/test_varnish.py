"""What readers, staff and the app get from the edge cache (deploy/varnish/newsroom.vcl).

Every test uses paths of its own: the varnishd and the pretend app servers are shared by the session.
"""

import time

import pytest

from tests.edge.conftest import PUBLIC

pytestmark = pytest.mark.edge


# --- Readers ------------------------------------------------------------------------------------


def test_a_page_is_fetched_from_the_app_once_then_served_from_the_cache(edge, app):
    first = edge.get("/hit/")
    second = edge.get("/hit/")

    assert (first.status, first.body, first.headers["X-Cache"]) == (200, "/hit/ #1", "MISS")
    assert (second.status, second.body, second.headers["X-Cache"]) == (200, "/hit/ #1", "HIT")
    assert second.headers["X-Cache-Hits"] == "1"
    assert app.count("/hit/") == 1


def test_a_head_request_is_answered_from_the_cached_page(edge, app):
    edge.get("/head/")
    head = edge.request("HEAD", "/head/")

    assert (head.status, head.headers["X-Cache"], head.body) == (200, "HIT", "")
    assert [seen.method for seen in app.requests("/head/")] == ["GET"]


def test_on_a_miss_the_apps_own_x_cache_stands(edge, app):
    app.reply("/app-cache/", Cache_Control=PUBLIC, X_Cache="HIT")

    first = edge.get("/app-cache/")  # the app served it from its page cache
    second = edge.get("/app-cache/")

    assert (first.headers["X-Cache"], first.headers["X-Cache-Hits"]) == ("HIT", "0")
    assert (second.headers["X-Cache"], second.headers["X-Cache-Hits"]) == ("HIT", "1")
    assert app.count("/app-cache/") == 1


def test_readers_see_no_surrogate_keys_and_no_varnish_internals(edge, app):
    app.reply("/keys/", Cache_Control=PUBLIC, xkey="story-1 home", Surrogate_Key="story-1 home")

    for response in (edge.get("/keys/"), edge.get("/keys/")):
        for header in ("xkey", "Surrogate-Key", "Via", "X-Varnish"):
            assert header not in response.headers
        assert "Age" in response.headers
        assert response.headers["Cache-Control"] == PUBLIC


def test_tracking_parameters_are_dropped_so_they_share_the_page(edge, app):
    edge.get("/track/")
    tracked = edge.get("/track/?utm_source=x&utm_medium=social&fbclid=abc&gclid=1&_ga=2&igshid=3&ref_src=twsrc")
    with_page = edge.get("/track/?utm_campaign=spring&page=2&mc_cid=9")

    assert (tracked.body, tracked.headers["X-Cache"]) == ("/track/ #1", "HIT")
    assert [seen.path for seen in app.requests("/track/")] == ["/track/"]
    assert [seen.path for seen in app.requests("/track/?page=2")] == ["/track/?page=2"]
    assert with_page.headers["X-Cache"] == "MISS"


def test_a_parameter_that_only_looks_like_tracking_is_kept(edge, app):
    edge.get("/lookalike/?x_ga=1&gclidx=2")

    assert app.count("/lookalike/?gclidx=2&x_ga=1") == 1


def test_query_parameters_in_any_order_share_one_copy(edge, app):
    first = edge.get("/sort/?b=2&a=1")
    second = edge.get("/sort/?a=1&b=2")

    assert second.headers["X-Cache"] == "HIT"
    assert second.body == first.body
    assert [seen.path for seen in app.requests("/sort/?a=1&b=2")] == ["/sort/?a=1&b=2"]


def test_analytics_cookies_neither_split_the_cache_nor_reach_the_app(edge, app):
    edge.get("/cookies/", Cookie="_ga=GA1.1.1; _gid=GA1.2.2")
    with_csrf_token = edge.get("/cookies/", Cookie="csrftoken=abc; _fbp=fb.1")

    assert with_csrf_token.headers["X-Cache"] == "HIT"
    assert [seen.headers.get("Cookie") for seen in app.requests("/cookies/")] == [None]


# --- Staff and previews -------------------------------------------------------------------------


def test_staff_with_a_session_always_reach_the_app_with_only_djangos_cookies(edge, app):
    staff = {"Cookie": "_ga=GA1.1.1; sessionid=s3cret; csrftoken=t0ken; messages=m"}
    edge.get("/staff/")  # a reader's copy is in the cache

    responses = [edge.request("GET", "/staff/", staff) for _ in range(2)]

    assert [response.headers["X-Cache"] for response in responses] == ["MISS", "MISS"]
    seen = app.requests("/staff/")
    assert len(seen) == 3
    assert seen[1].headers["Cookie"] == "sessionid=s3cret; csrftoken=t0ken; messages=m;"


@pytest.mark.parametrize(
    ("path", "headers"),
    [
        ("/admin/", {}),
        ("/admin/articles/story/", {"Cookie": "csrftoken=t0ken"}),
        ("/preview/?share=t0ken", {}),
        ("/api/stories/", {"Authorization": "Bearer t0ken"}),
    ],
    ids=["admin", "admin-without-session", "share-link", "authorization"],
)
def test_never_cached_even_when_the_app_says_public(edge, app, path, headers):
    app.reply(path.split("?")[0], Cache_Control=PUBLIC, xkey="story-1")

    for _ in range(2):
        assert edge.request("GET", path, headers).headers["X-Cache"] == "MISS"

    assert app.count(path) == 2


def test_a_post_always_reaches_the_app(edge, app):
    edge.get("/form/")
    for _ in range(2):
        edge.request("POST", "/form/", {"Content-Type": "application/x-www-form-urlencoded"}, source="127.0.0.1")

    assert [seen.method for seen in app.requests("/form/")] == ["GET", "POST", "POST"]
    assert edge.get("/form/").headers["X-Cache"] == "HIT"


@pytest.mark.parametrize(
    ("path", "headers"),
    [
        ("/private/", {"Cache_Control": "private, no-store"}),
        ("/set-cookie/", {"Cache_Control": PUBLIC, "Set_Cookie": "csrftoken=abc; Path=/"}),
        ("/no-cache-control/", {}),
    ],
    ids=["private-no-store", "set-cookie", "no-cache-control"],
)
def test_answers_the_app_does_not_mark_public_are_not_cached(edge, app, path, headers):
    app.reply(path, **headers)

    first, second = edge.get(path), edge.get(path)

    assert (first.body, second.body) == (f"{path} #1", f"{path} #2")
    assert second.headers["X-Cache"] == "MISS"
    if "Set_Cookie" in headers:
        assert second.headers["Set-Cookie"] == "csrftoken=abc; Path=/"


def test_a_server_error_reaches_the_reader_and_is_not_cached(edge, app):
    app.reply("/broken/", status=500, Cache_Control=PUBLIC)

    first, second = edge.get("/broken/"), edge.get("/broken/")

    assert (first.status, first.body) == (500, "/broken/ #1")
    assert (second.status, second.body) == (500, "/broken/ #2")


# --- Purges -------------------------------------------------------------------------------------


def test_a_soft_purge_refreshes_exactly_the_pages_with_that_key(edge, app):
    app.reply("/purge/story-1/", Cache_Control=PUBLIC, xkey="purge-story-1 purge-section-3")
    app.reply("/purge/section-3/", Cache_Control=PUBLIC, xkey="purge-section-3 purge-story-1 purge-story-2")
    app.reply("/purge/story-2/", Cache_Control=PUBLIC, xkey="purge-story-2 purge-home")
    pages = ["/purge/story-1/", "/purge/section-3/", "/purge/story-2/"]
    for page in pages:
        edge.get(page)

    purged = edge.purge("purge-story-1")
    after = {page: edge.get(page) for page in pages}

    assert (purged.status, purged.headers["xkey-purged"]) == (200, "2")
    assert after["/purge/story-1/"].body == "/purge/story-1/ #2"
    assert after["/purge/section-3/"].body == "/purge/section-3/ #2"
    assert (after["/purge/story-2/"].body, after["/purge/story-2/"].headers["X-Cache"]) == ("/purge/story-2/ #1", "HIT")
    assert edge.get("/purge/story-1/").headers["X-Cache"] == "HIT"

    assert edge.purge("purge-home unknown-key").headers["xkey-purged"] == "1"
    assert edge.get("/purge/story-2/").body == "/purge/story-2/ #2"
    assert edge.get("/purge/story-1/").body == "/purge/story-1/ #2"


def test_a_purge_from_an_address_outside_the_acl_is_refused_and_purges_nothing(edge, app):
    app.reply("/acl/", Cache_Control=PUBLIC, xkey="story-9")
    edge.get("/acl/")

    refused = edge.purge("story-9", source="127.0.0.2")  # loopback, but not in the default ACL

    assert refused.status == 403
    assert "xkey-purged" not in refused.headers
    assert (edge.get("/acl/").body, app.count("/acl/")) == ("/acl/ #1", 1)
    assert edge.purge("story-9").status == 200
    assert edge.get("/acl/").body == "/acl/ #2"


def test_a_purge_without_keys_is_a_bad_request_and_unknown_methods_are_refused(edge):
    assert edge.request("PURGE", "/").status == 400
    assert edge.request("BAN", "/").status == 405


# --- When an app server fails -------------------------------------------------------------------


@pytest.fixture
def restore_app(app, edge):
    """Whatever a test breaks, the app servers answer again, and are healthy, after it."""
    yield
    app.failing = None
    for server in app.servers:
        if server.server is None:
            server.start()
    for server in app.servers:
        edge.wait_for_health(server.name, "healthy")


def test_a_stale_page_is_served_when_the_app_answers_503(edge, app, restore_app):
    app.reply("/stale-503/", Cache_Control=PUBLIC, xkey="story-503")
    edge.get("/stale-503/")
    edge.purge("story-503")  # now stale
    app.failing = 503

    response = edge.get("/stale-503/")
    not_cached = edge.get("/stale-503-never-fetched/")

    assert (response.status, response.body) == (200, "/stale-503/ #1")
    assert not_cached.status == 503
    app.failing = None
    for server in app.servers:  # in case the probes noticed the failure: until then, stale is served
        edge.wait_for_health(server.name, "healthy")
    assert edge.get("/stale-503/").body == "/stale-503/ #2"


def test_a_stale_page_is_served_while_every_app_server_is_down(edge, app, restore_app):
    app.reply("/stale-down/", Cache_Control=PUBLIC, xkey="story-down")
    edge.get("/stale-down/")
    edge.purge("story-down")
    for server in app.servers:
        server.stop()

    refused = edge.get("/stale-down/")  # before the probes notice: the connection is refused
    for server in app.servers:
        edge.wait_for_health(server.name, "sick")
    sick = edge.get("/stale-down/")  # after: Varnish does not even try
    never_fetched = edge.get("/stale-down-never-fetched/")

    assert (refused.status, refused.body) == (200, "/stale-down/ #1")
    assert (sick.status, sick.body) == (200, "/stale-down/ #1")
    assert never_fetched.status == 503


def test_both_app_servers_get_traffic(edge, app):
    for number in range(6):
        edge.get(f"/spread/{number}/")

    servers = {seen.server for number in range(6) for seen in app.requests(f"/spread/{number}/")}
    assert servers == {"app1", "app2"}


def test_with_one_app_server_down_the_other_serves_everything(edge, app, restore_app):
    app.servers[1].stop()

    before_probe = [edge.get(f"/one-down/{number}/") for number in range(4)]
    edge.wait_for_health("app2", "sick")
    after_probe = [edge.get(f"/one-down/{number}/?after") for number in range(4)]

    assert [response.status for response in before_probe + after_probe] == [200] * 8
    paths = [f"/one-down/{number}/" for number in range(4)] + [f"/one-down/{number}/?after" for number in range(4)]
    assert {seen.server for path in paths for seen in app.requests(path)} == {"app1"}


def test_the_stale_copy_is_dropped_once_the_app_has_a_new_one(edge, app):
    app.reply("/fresh-again/", Cache_Control="public, max-age=60, s-maxage=1", xkey="fresh")
    edge.get("/fresh-again/")
    time.sleep(1.2)  # s-maxage has run out

    refreshed = edge.get("/fresh-again/")
    cached = edge.get("/fresh-again/")

    assert (refreshed.body, refreshed.headers["X-Cache"]) == ("/fresh-again/ #2", "MISS")
    assert (cached.body, cached.headers["X-Cache"]) == ("/fresh-again/ #2", "HIT")
