"""Full-text search over stories: one interface, a PostgreSQL backend and a SQLite backend.

What is indexed: the headline, standfirst, tag names, byline author names and the body's text
(HTML stripped) of every story, whatever its status. The index lives in a table of its own,
``articles_search_index``, keyed by story id and made by migration 0004: a weighted tsvector with a
GIN index on PostgreSQL, an FTS5 virtual table on SQLite. No model has a search field, so the ORM
schema is the same on both databases.

Who may see a hit is decided at query time, by joining the index with ``Story.objects.live()``
(the one visibility gate). A scheduled story becomes findable at its time with no job; a withdrawn
one disappears at once, before anything is reindexed.

User input is never passed to the database as query syntax. ``parse_query`` keeps only runs of
letters and digits, and each backend builds its own query from those words: every word must match,
English words are stemmed (snowball on PostgreSQL, porter on SQLite), ranking favours the headline,
then the standfirst, then tags and bylines, then the body.

Chinese, Japanese and Korean are written without spaces, and neither database's tokenizer splits
them, so 港口 inside 港口城市 would never match. We index each CJK character as a word of its own
and search a run of CJK characters as a phrase of adjacent characters ("港 口"). Unlike FTS5's
trigram tokenizer this also finds one- and two-character words, and it keeps stemming and word
ranking for everything else; the same trick works on both databases.

Many hits: a search ranks, counts and lists only the ``MAX_RESULTS`` newest matching live stories,
so that a common word costs milliseconds, not the hundreds it takes to rank every hit (see
``SearchResults`` for what that trades away).

Keeping it current: receivers (connected in ``ArticlesConfig.ready``) reindex a story after the
transaction that changed it, its tags, its bylines or the name of one of its authors or tags
commits. ``QuerySet.update()``, ``bulk_create()`` and raw SQL send no signals: call
``schedule_reindex`` or run ``manage.py reindex_search`` after those.

The package: ``query`` (what a reader typed, as words), ``documents`` (what is indexed),
``backends`` (each database's index), ``index`` (keeping it current), ``results`` and
``highlight`` (reading and showing hits). The search page itself is in ``articles/reader/``.
"""
