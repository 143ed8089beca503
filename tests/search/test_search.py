"""Full-text search: matching, ranking, highlighting, the visibility gate, freshness and hostile input.

Runs on whichever database DATABASE_URL names (SQLite by default, PostgreSQL in CI). The index is
written in transaction.on_commit callbacks, so tests make changes inside `committed()`, which runs
those callbacks as a real commit would.
"""

from datetime import timedelta
from functools import partial

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Author, Byline, Story, StoryStatus
from articles.search import backends, documents, index
from articles.search import results as results_module
from articles.search.query import MAX_QUERY_CHARS, parse_query
from articles.search.results import search_stories
from articles.stories import workflow
from tests.factories import AuthorFactory, SectionFactory, StoryFactory, UserFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return partial(django_capture_on_commit_callbacks, execute=True)


def found(raw_query, **kwargs) -> list[Story]:
    results = search_stories(raw_query, **kwargs)
    return [hit.story for hit in results[0 : results.count()]]


def index_row_count() -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {backends.INDEX_TABLE}")
        return cursor.fetchone()[0]


# --- Reading what the reader typed ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "terms"),
    [
        ("Harbour cranes", ("harbour", "cranes")),
        ('"unbalanced quote', ("unbalanced", "quote")),
        (
            "crane* OR dock NEAR(x y) ^col:harbour -pier +(a",
            ("crane", "dock", "near", "x", "y", "col", "harbour", "pier"),
        ),
        ("'; DROP TABLE articles_story; --", ("drop", "table", "articles", "story")),
        ("nul\x00byte", ("nul", "byte")),
        ("The lord of the rings", ("lord", "rings")),
        ("港口城市 and ferry", ("港口城市", "ferry")),
        ("ＦＵＬＬ width", ("full", "width")),
        ("?!… —", ()),
        ("", ()),
    ],
)
def test_parse_query_keeps_only_words_it_extracted(raw, terms):
    assert parse_query(raw).terms == terms


def test_parse_query_shows_back_text_without_control_or_bidi_override_characters():
    query = parse_query("ferry\x00\u202e times\x1b[31m")
    assert query.text == "ferry times [31m"
    assert query.terms == ("ferry", "times", "31m")


def test_parse_query_truncates_long_input_to_200_characters_and_20_terms():
    query = parse_query(" ".join(f"word{n}" for n in range(2000)))
    assert len(query.text) == MAX_QUERY_CHARS
    assert query.terms == tuple(f"word{n}" for n in range(20))
    assert parse_query("x" * 10_000).terms == ("x" * 200,)


# --- Finding --------------------------------------------------------------------------------------


def test_finds_a_story_by_a_word_in_its_body(committed):
    with committed():
        story = StoryFactory(body="<p>The <strong>lighthouse</strong> keeper retired on Friday.</p>")
        StoryFactory(body="<p>Nothing about it here.</p>")
    assert found("lighthouse") == [story]
    assert found("LIGHTHOUSES") == [story]  # case and plural, stemmed by the database


def test_finds_a_story_by_its_tag(committed):
    with committed():
        story = StoryFactory()
        story.tags.set(["Shipbuilding"])
        StoryFactory()
    assert found("shipbuilding") == [story]


def test_finds_a_story_by_its_author_name(committed):
    with committed():
        story = StoryFactory(bylines=[AuthorFactory(name="Ingrid Vasquez")])
        StoryFactory()
    assert found("vasquez") == [story]
    assert found("Ingrid Vasquez") == [story]


def test_every_word_must_match(committed):
    with committed():
        both = StoryFactory(body="<p>A ferry and a tugboat.</p>")
        StoryFactory(body="<p>A ferry alone.</p>")
    assert found("ferry tugboat") == [both]


def test_html_markup_in_the_body_is_not_searchable(committed):
    with committed():
        StoryFactory(body='<p>Read <a href="https://example.org/report">the report</a>.</p>')
    assert found("href") == []
    assert found("example") == []
    assert len(found("report")) == 1


def test_a_headline_match_ranks_above_a_body_only_match(committed):
    with committed():
        body_only = StoryFactory(
            headline="Council meets on Tuesday",
            body="<p>The lighthouse was discussed. The lighthouse budget grew.</p>",
            publish_at=NOW - timedelta(minutes=5),  # newer, so recency cannot explain the order
        )
        in_headline = StoryFactory(
            headline="Lighthouse keeper retires", body="<p>After forty years.</p>", publish_at=NOW - timedelta(days=3)
        )
    assert found("lighthouse") == [in_headline, body_only]


def test_a_chinese_query_finds_the_chinese_story(committed):
    with committed():
        chinese = StoryFactory(
            headline="港口城市迎来国际电影节",
            standfirst="",
            body="<p>今年的电影节在新港口举行，吸引了大批观众。</p>",
        )
        StoryFactory(headline="Harbour film festival opens", body="<p>English only.</p>")
    assert found("港口") == [chinese]
    assert found("电影节") == [chinese]
    assert found("港") == [chinese]
    assert found("口港") == []  # characters must be adjacent and in order
    hit = search_stories("电影节")[0:1][0]
    assert "<mark>电影节</mark>" in hit.headline_html
    assert "<mark>电影节</mark>" in hit.snippet_html


def test_accents_are_searchable_either_way(committed):
    with committed():
        story = StoryFactory(body="<p>The café by the quay reopened.</p>")
    assert found("café") == [story]


# --- Highlighting ---------------------------------------------------------------------------------


def test_hits_highlight_matches_in_headline_and_snippet(committed):
    with committed():
        StoryFactory(
            headline="Cranes return to the harbour",
            body="<p>" + "Filler words about the city. " * 30 + "Three new cranes arrived by sea.</p>",
        )
    (hit,) = search_stories("crane")[0:1]
    assert hit.headline_html == "<mark>Cranes</mark> return to the harbour"
    assert "<mark>cranes</mark> arrived by sea" in hit.snippet_html
    assert hit.snippet_html.startswith("… ")
    assert len(hit.snippet_html) < 400


def test_highlighting_escapes_editor_text_before_adding_marks(committed):
    with committed():
        StoryFactory(
            headline='Tolls & "fees" <rise> at the bridge',
            standfirst="Drivers <b>pay</b> more & complain.",
            body="<p>The &lt;script&gt;alert(1)&lt;/script&gt; tolls rose again.</p>",
        )
    (hit,) = search_stories("tolls")[0:1]
    assert hit.headline_html == "<mark>Tolls</mark> &amp; &quot;fees&quot; &lt;rise&gt; at the bridge"
    assert "&lt;script&gt;alert(1)&lt;/script&gt; <mark>tolls</mark>" in hit.snippet_html
    assert "<script>" not in hit.snippet_html
    (hit,) = search_stories("drivers")[0:1]  # no body match: the standfirst is the snippet
    assert hit.snippet_html == "<mark>Drivers</mark> &lt;b&gt;pay&lt;/b&gt; more &amp; complain."


def test_search_page_renders_marks_and_escaped_text(client, committed):
    with committed():
        StoryFactory(headline='Bridge <b>tolls</b> & "fees"', body="<p>Tolls again.</p>")
    html = client.get("/search/", {"q": "tolls"}).content.decode()
    assert "Bridge &lt;b&gt;<mark>tolls</mark>&lt;/b&gt; &amp; &quot;fees&quot;" in html
    assert "<b>tolls</b>" not in html


# --- The visibility gate --------------------------------------------------------------------------

NOT_LIVE = {
    "draft": {"status": StoryStatus.DRAFT, "publish_at": None},
    "submitted": {"status": StoryStatus.SUBMITTED, "publish_at": None},
    "scheduled": {"status": StoryStatus.PUBLISHED, "publish_at": NOW + timedelta(hours=2)},
    "embargoed": {"status": StoryStatus.PUBLISHED, "embargo_until": NOW + timedelta(hours=2)},
    "withdrawn": {"status": StoryStatus.WITHDRAWN},
}


@pytest.mark.parametrize("state", NOT_LIVE)
def test_stories_that_are_not_live_never_appear(client, committed, state):
    with committed():
        hidden = StoryFactory(headline="Secret dredging plan", **NOT_LIVE[state])
        live = StoryFactory(body="<p>Dredging resumes in public.</p>")
    assert index_row_count() >= 2  # indexed whatever the status; hidden at query time
    assert found("dredging") == [live]
    response = client.get("/search/", {"q": "dredging secret"})
    assert response.status_code == 200
    assert hidden.headline not in response.content.decode()
    assert response.context["paginator"].count == 0


def test_a_scheduled_story_becomes_findable_at_its_time_without_reindexing(committed):
    later = NOW + timedelta(hours=2)
    with committed():
        story = StoryFactory(headline="Regatta results", publish_at=later)
    assert found("regatta", now=NOW) == []
    assert found("regatta", now=later + timedelta(seconds=1)) == [story]


def test_a_withdrawn_story_disappears_at_once(committed):
    editor = UserFactory(username="search-editor", role="Editor")
    with committed():
        story = StoryFactory(headline="Regatta results")
    assert found("regatta") == [story]
    Story.objects.filter(pk=story.pk).update(status=StoryStatus.WITHDRAWN)  # no signal, no reindex
    assert found("regatta") == []
    Story.objects.filter(pk=story.pk).update(status=StoryStatus.PUBLISHED)
    story.refresh_from_db()
    workflow.story_withdraw(story=story, user=editor)
    assert found("regatta") == []


# --- Keeping the index current --------------------------------------------------------------------


def test_an_edit_to_the_body_is_reflected(committed):
    with committed():
        story = StoryFactory(body="<p>The old ferry.</p>")
    with committed():
        story.body = "<p>The new catamaran.</p>"
        story.save()
    assert found("catamaran") == [story]
    assert found("ferry") == []


def test_a_change_of_tags_is_reflected(committed):
    with committed():
        story = StoryFactory()
        story.tags.set(["Fisheries"])
    with committed():
        story.tags.set(["Tourism"])
    assert found("tourism") == [story]
    assert found("fisheries") == []
    with committed():
        story.tags.clear()
    assert found("tourism") == []


def test_a_change_of_bylines_is_reflected(committed):
    with committed():
        story = StoryFactory(bylines=[AuthorFactory(name="Olu Adebayo")])
        other = AuthorFactory(name="Marit Sandvik")
    with committed():
        Byline.objects.filter(story=story).delete()
        Byline.objects.create(story=story, author=other)
    assert found("sandvik") == [story]
    assert found("adebayo") == []
    with committed():
        story.authors.add(AuthorFactory(name="Kenji Watanabe"), through_defaults={"order": 1})
    assert found("watanabe") == [story]


def test_renaming_an_author_reindexes_their_stories(committed):
    author = AuthorFactory(name="Jo Bloggs")
    with committed():
        stories = [StoryFactory(bylines=[author]) for _ in range(3)]
    with committed():
        author = Author.objects.get(pk=author.pk)
        author.name = "Joanna Bloggs-Carter"
        author.save()
    assert set(found("joanna")) == set(stories)


def test_editing_an_author_without_renaming_reindexes_nothing(committed):
    author = AuthorFactory(name="Jo Bloggs")
    with committed():
        StoryFactory(bylines=[author])
    author = Author.objects.get(pk=author.pk)
    author.bio = "New bio."
    with committed() as callbacks:
        author.save()
    assert [c for c in callbacks if getattr(c, "func", None) is index._flush_pending] == []


def test_renaming_a_tag_reindexes_its_stories(committed):
    with committed():
        story = StoryFactory()
        story.tags.set(["Ferries"])
    tag = story.tags.get()
    with committed():
        tag.name = "Water taxis"
        tag.save()
    assert found("taxis") == [story]


def test_a_deleted_story_leaves_the_index(committed):
    with committed():
        story = StoryFactory(headline="Temporary notice")
    rows = index_row_count()
    with committed():
        story.delete()
    assert index_row_count() == rows - 1


def test_one_transaction_reindexes_each_story_once(committed, monkeypatch):
    calls = []
    original = index.reindex_stories

    def recording(story_ids, **kwargs):
        calls.append(set(story_ids))
        return original(story_ids, **kwargs)

    monkeypatch.setattr(index, "reindex_stories", recording)
    with committed() as callbacks:
        story = StoryFactory()
        story.tags.set(["One", "Two", "Three"])
        story.body = "<p>Changed.</p>"
        story.save()
    # Many callbacks were queued; the first did the work, once, and the rest found nothing to do.
    assert len(callbacks) > 1
    assert calls == [{story.pk}]
    assert found("changed") == [story]


def test_reindexing_is_idempotent(committed):
    with committed():
        story = StoryFactory(headline="Lock gates repaired")
    index.reindex_stories([story.pk])
    index.reindex_stories([story.pk, story.pk])
    assert found("lock gates") == [story]
    assert index_row_count() == 1


# --- The rebuild command --------------------------------------------------------------------------


def test_reindex_search_rebuilds_the_index_from_scratch(capsys):
    # bulk_create sends no signals, so nothing is indexed until the command runs.
    section = SectionFactory()
    Story.objects.bulk_create(
        Story(headline=f"Bulk story {n} about tides", section=section, status=StoryStatus.PUBLISHED, publish_at=NOW)
        for n in range(25)
    )
    backends.get_backend().write(
        [documents.Document(story_id=10**9, headline="orphan", standfirst="", names="", body="")]
    )
    assert found("tides") == []
    call_command("reindex_search", batch_size=10)
    output = capsys.readouterr().out
    assert "Indexed 10 of 25 stories (40%)" in output
    assert "Search index rebuilt: 25 stories" in output
    assert "1 stale entries removed" in output
    assert len(found("tides")) == 25
    assert index_row_count() == 25


# --- Many hits: the best of the newest -----------------------------------------------------------


@pytest.fixture
def ferry_stories(committed, monkeypatch):
    """Six live stories about a ferry, one a day, and one match of each kind that is not live.

    MAX_RESULTS is 3 here, so "ferry" has more hits than a search ranks.
    """
    monkeypatch.setattr(results_module, "MAX_RESULTS", 3)
    with committed():
        for state, fields in NOT_LIVE.items():
            StoryFactory(headline=f"Ferry {state}", body="<p>The ferry.</p>", **fields)
        newest = [
            StoryFactory(
                headline=f"Council notes {n}",
                body="<p>A ferry was mentioned.</p>",
                publish_at=NOW - timedelta(days=n),
            )
            for n in range(1, 6)
        ]
        old_timetable = StoryFactory(
            headline="Ferry timetable changes",
            body="<p>The new ferry timetable starts in May.</p>",
            publish_at=NOW - timedelta(days=30),
        )
    return newest, old_timetable


def test_only_the_newest_matches_are_ranked_counted_and_listed(ferry_stories):
    newest, old_timetable = ferry_stories
    results = search_stories("ferry")
    assert results.count() == 3
    assert results.capped
    assert [hit.story for hit in results[0:3]] == newest[:3]  # equal matches: newest first
    # The old story matches best, but three newer ones match too; a more specific query finds it.
    assert old_timetable not in found("ferry")
    assert found("ferry timetable") == [old_timetable]
    assert not search_stories("ferry timetable").capped


def test_the_best_match_among_the_newest_comes_first(committed, ferry_stories):
    newest, _ = ferry_stories
    with committed():
        third = newest[2]
        third.headline = "Ferry fares rise"
        third.save()
    assert found("ferry") == [third, newest[0], newest[1]]


def test_the_search_page_says_when_more_stories_match_than_it_lists(client, ferry_stories, settings):
    settings.NEWSROOM_STORIES_PER_PAGE = 2
    response = client.get("/search/", {"q": "ferry"})
    html = response.content.decode()
    assert response.context["paginator"].count == 3
    assert "More than 3 stories found for “ferry”." in html
    assert "add a word to reach older stories" in html
    assert client.get("/search/", {"q": "ferry", "page": "2"}).status_code == 200
    assert client.get("/search/", {"q": "ferry", "page": "3"}).status_code == 404
    assert "1 story found for “timetable”." in client.get("/search/", {"q": "timetable"}).content.decode()


# Settings that force each of a backend's plans for newest_hits on a handful of stories.
PLANS = {
    "postgresql": {
        "walk": {"dense_matches": 0},
        "walk out of window, then filter": {"dense_matches": 0, "walk_window": 2, "sparse_matches": -1},
        "filter": {"dense_matches": 10**6, "sparse_matches": -1},
        "lookup": {"dense_matches": 10**6, "sparse_matches": 10**6},
    },
    "sqlite": {
        "walk": {"lookup_below": 0},
        "lookup": {"lookup_below": 10**6},
    },
}


def test_every_plan_finds_the_same_newest_live_stories(ferry_stories, monkeypatch):
    newest, old_timetable = ferry_stories
    backend = type(backends.get_backend())
    for plan, knobs in PLANS[connection.vendor].items():
        with monkeypatch.context() as patch:
            for name, value in knobs.items():
                patch.setattr(backend, name, value)
            assert found("ferry") == newest[:3], plan
            assert found("ferry timetable") == [old_timetable], plan
            assert found("ferry nonsenseword") == [], plan
            results = search_stories("ferry")
            assert (results.count(), results.capped) == (3, True), plan
            everything = backends.get_backend().newest_hits(parse_query("ferry"), results._live(), limit=100)
            assert everything == [story.pk for story in [*newest, old_timetable]], plan


def test_scores_do_not_depend_on_how_ids_are_grouped(committed, monkeypatch):
    with committed():
        stories = [
            StoryFactory(headline="Harbour " * (n % 3 + 1), body="<p>The harbour.</p>" * (n + 1)) for n in range(6)
        ]
    query = parse_query("harbour")
    ids = [story.pk for story in stories]
    backend = backends.get_backend()
    one_by_one = {pk: backend.scores(query, [pk])[pk] for pk in ids}
    # On SQLite, scores come from rowid ranges: make every gap a split.
    monkeypatch.setattr(type(backend), "min_gap", 0, raising=False)
    assert backend.scores(query, ids) == pytest.approx(one_by_one)
    assert backend.scores(query, []) == {}


@pytest.mark.parametrize(
    ("ids", "max_spans", "spans"),
    [
        ([], 8, []),
        ([7], 8, [(7, 7)]),
        ([5, 1, 3, 2, 4], 8, [(1, 5)]),  # gaps no wider than min_gap: one range
        ([100, 1, 2, 50, 3], 8, [(1, 3), (50, 50), (100, 100)]),
        ([100, 1, 2, 60, 3], 2, [(1, 3), (60, 100)]),  # the widest gap wins
        ([9000, 1, 9001, 1, 2], 8, [(1, 2), (9000, 9001)]),  # duplicates are one id
    ],
)
def test_id_spans_cover_ids_with_few_ranges_split_at_the_widest_gaps(ids, max_spans, spans):
    assert backends.id_spans(ids, max_spans=max_spans, min_gap=10) == spans


# --- The search page ------------------------------------------------------------------------------


def test_search_page_lists_ranked_hits_with_section_time_and_count(client, committed):
    section = SectionFactory(name="Harbour Life", slug="harbour-life")
    with committed():
        story = StoryFactory(headline="Pilot boat named", section=section, bylines=[AuthorFactory(name="Ada Ng")])
    response = client.get("/search/", {"q": "pilot"})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<meta name="robots" content="noindex">' in html
    assert response["X-Robots-Tag"] == "noindex"
    assert "1 story found for “pilot”" in html
    assert f'href="{story.get_absolute_url()}"><mark>Pilot</mark> boat named</a>' in html
    assert "Harbour Life" in html and "Ada Ng" in html
    assert f'<time datetime="{timezone.localtime(story.publish_at).isoformat(timespec="seconds")}' in html
    assert '<label for="search-page-q">' in html and 'id="search-page-q"' in html
    assert 'value="pilot"' in html


def test_an_empty_query_shows_a_prompt_and_runs_no_search(client, django_assert_num_queries):
    with django_assert_num_queries(1):  # the navigation's sections, nothing else
        response = client.get("/search/")
    assert response.status_code == 200
    assert "Type a word or two" in response.content.decode()
    with django_assert_num_queries(1):
        assert client.get("/search/", {"q": "   "}).status_code == 200


HOSTILE = [
    '"',
    '"harbour',
    'harbour"',
    "'",
    "AND",
    "OR",
    "NOT harbour",
    "NEAR(harbour dock, 3)",
    "harb*",
    "^harbour",
    "headline:harbour",
    "-harbour",
    "+harbour",
    "(harbour",
    ")",
    "harbour AND OR NOT",
    "a & b | !c <-> d:*",
    "'; DROP TABLE articles_story; --",
    "1' OR '1'='1",
    "%_\\",
    "\x00",
    "harbour\x00dock",
    "🚢⚓️",
    "‮ RTL override",
    "x" * 10_000,
    "harbour " * 2_000,
    "港口",
    "電影節 ?",
]


@pytest.mark.parametrize("raw", HOSTILE)
def test_hostile_input_returns_a_page_never_an_error(client, committed, raw):
    with committed():
        StoryFactory(headline="Harbour dock works")
    response = client.get("/search/", {"q": raw})
    assert response.status_code == 200
    assert "<form" in response.content.decode()


def test_operators_are_searched_as_words_not_syntax(committed):
    with committed():
        story = StoryFactory(headline="Harbour dock works")
    assert found("harbour OR nonsenseword") == []  # OR is not an operator: every word must match
    assert found("NOT harbour") == [story]  # NOT is a (stop) word, not a negation
    assert found("-harbour") == [story]  # a minus sign is punctuation
    assert found('"harbour dock') == [story]


def test_search_page_query_count_does_not_grow_with_results(client, committed):
    section = SectionFactory()
    with committed():
        for n in range(3):
            story = StoryFactory(headline=f"Quay story {n}", section=section)
            story.tags.set(["Quay", f"Tag {n}"])
    with CaptureQueriesContext(connection) as few:
        assert client.get("/search/", {"q": "quay"}).context["paginator"].count == 3
    with committed():
        for n in range(12):
            StoryFactory(
                headline=f"Another quay story {n}",
                section=SectionFactory(),
                bylines=[AuthorFactory(), AuthorFactory()],
            )
    with CaptureQueriesContext(connection) as many:
        assert client.get("/search/", {"q": "quay"}).context["paginator"].count == 15
    # Navigation, newest hits (the count), their scores, stories (with sections), bylines.
    assert len(few) == len(many) == 5


def test_search_page_paginates_and_keeps_the_query(client, committed, settings):
    settings.NEWSROOM_STORIES_PER_PAGE = 2
    with committed():
        stories = [StoryFactory(headline=f"Buoy {n}", publish_at=NOW - timedelta(hours=n)) for n in range(5)]
    first = client.get("/search/", {"q": "buoy"})
    assert [hit.story for hit in first.context["hits"]] == stories[:2]
    assert 'href="?q=buoy&amp;page=2"' in first.content.decode()
    third = client.get("/search/", {"q": "buoy", "page": "3"})
    assert [hit.story for hit in third.context["hits"]] == stories[4:]
    assert third.context["page_obj"].start_index() == 5
    assert client.get("/search/", {"q": "buoy", "page": "last"}).context["page_obj"].number == 3


@pytest.mark.parametrize("page", ["abc", "0", "-1", "99", "1e9", "\x00", "2.5", "9" * 400])
def test_a_malformed_or_out_of_range_page_is_not_found_not_an_error(client, committed, page):
    with committed():
        StoryFactory(headline="Buoy")
    assert client.get("/search/", {"q": "buoy", "page": page}).status_code == 404


def test_the_site_header_has_a_labelled_search_form(client, db):
    html = client.get("/").content.decode()
    assert 'role="search"' in html
    assert 'action="/search/"' in html
    assert '<label class="visually-hidden" for="site-search-q">Search stories</label>' in html
    assert 'id="site-search-q" type="search" name="q"' in html


# --- The migration --------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_the_index_table_migration_can_be_reversed_and_reapplied():
    from importlib import import_module

    from django.apps import apps

    migration = import_module("articles.migrations.0004_search")
    try:
        with connection.schema_editor() as editor:
            migration.drop_index_table(apps, editor)
        assert backends.INDEX_TABLE not in connection.introspection.table_names()
    finally:
        with connection.schema_editor() as editor:
            migration.create_index_table(apps, editor)
    assert backends.INDEX_TABLE in connection.introspection.table_names()
    story = StoryFactory(headline="Rebuilt lighthouse")  # autocommit: on_commit work runs at once
    assert found("lighthouse") == [story]


def test_the_query_is_shown_back_escaped(client, db):
    html = client.get("/search/", {"q": '<script>alert("x")</script> ferry'}).content.decode()
    assert "<script>alert" not in html
    assert 'value="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; ferry"' in html
    assert "No stories found for “&lt;script&gt;" in html
