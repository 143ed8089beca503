"""Invalidation by surrogate key, durable: what a change purges, the outbox, and the purge itself.

A change to what readers see names the keys of the pages it affects (articles/reader/surrogate.py)
and writes them to the outbox (PendingPurge) in the same transaction as the change. Once the
transaction commits, flush() purges them from the app's page cache (each key's purge time, see
articles/reader/cache.py) and from every edge node in NEWSROOM_EDGE_PURGE_URLS (``PURGE /`` with
``xkey-purge``), then deletes the rows. When the cache or an edge fails, the rows stay: the editor's
change still succeeds (with a warning), and the purge is replayed by the next reader request in any
process (at most every NEWSROOM_PURGE_RETRY_SECONDS) and by ``manage.py flush_invalidations``.
Until it lands, pages with a pending key are not served from the app's cache (pending_keys()).

What a change purges:

- a story's edit that changes nothing a card shows: ``story-<id>`` and ``sitemaps``;
- a publish, withdrawal, return to draft, deletion or a change to a card's fields (headline,
  standfirst, section, lead photo, publish time, embargo, slug): also its section (before and
  after), tags, authors, ``home``, ``archive``, ``feeds``, ``search``;
- a byline, tag or photo placement added or removed: the story, and the author's or tag's key
  (the old ones go when they are removed, so a story moved off a tag leaves the tag's page);
- a photo's use ending (its story withdrawn, returned to draft, deleted or rescheduled; the photo
  taken out of the body, replaced as the lead or as an author's portrait) and any edit of the photo itself (caption,
  credit, rights, digital source type, ...): ``photo-<id>``, the key its rendition files are
  served under (articles/photos/serving.py), besides the stories showing it;
- a correction: the story and ``corrections``;
- a section (the navigation), or a renamed author or tag (shown on story pages): ``site``, every page.
A draft's or submitted story's own saves purge nothing.
"""

import logging
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterable
from functools import partial
from urllib.parse import urljoin

from django.conf import settings
from django.contrib import messages
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from articles.models import (
    Author,
    Byline,
    Correction,
    PendingPurge,
    Photo,
    Placement,
    Section,
    Story,
    StoryStatus,
    TaggedStory,
)
from articles.photos.serving import photo_surrogate_key, story_photo_keys
from articles.reader.surrogate import SITE, header_values, story_key

logger = logging.getLogger("newsroom.invalidation")

# What a card shows (besides bylines and tags, which have their own rows): a change to one of
# these is a change to every list the story is on.
CARD_FIELDS = ("status", "headline", "slug", "standfirst", "section_id", "lead_photo_id", "publish_at", "embargo_until")
LIST_KEYS = ("home", "archive", "feeds", "search", "sitemaps")
HIDDEN = (StoryStatus.DRAFT, StoryStatus.SUBMITTED)
# A published story stops showing its photos when one of these changes (its status, or a time
# that may now lie in the future).
LIVE_FIELDS = ("status", "publish_at", "embargo_until")
BATCH = 500


# --- Which keys a change affects -------------------------------------------------------------


def story_keys(story_id: int, *, wide: bool, section_ids=(), tag_ids=(), author_ids=()) -> set[str]:
    """The keys of the pages a change to one story affects (``wide``: it changed on lists too)."""
    keys = {story_key(story_id), "sitemaps"}
    if wide:
        keys.update(LIST_KEYS)
        keys.update(f"section-{pk}" for pk in section_ids if pk)
        keys.update(f"tag-{pk}" for pk in tag_ids)
        keys.update(f"author-{pk}" for pk in author_ids)
    return keys


def _before(instance: Story) -> dict | None:
    return getattr(instance, "_purge_before", None)


def _on_story_pre_save(sender, instance, raw, using, **kwargs):
    if raw or instance.pk is None:
        return
    # One small query per save of a story: what it was, so the lists it leaves are purged too.
    instance._purge_before = Story.objects.using(using).filter(pk=instance.pk).values(*CARD_FIELDS).first()


def _on_story_saved(sender, instance, created, raw, using, **kwargs):
    if raw:
        return
    before = _before(instance)
    instance._purge_before = None
    was_shown = before is not None and before["status"] not in HIDDEN
    if instance.status in HIDDEN and not was_shown:
        return  # a draft's own saves show nowhere
    wide = before is None or any(getattr(instance, field) != before[field] for field in CARD_FIELDS)
    tag_ids, author_ids = (), ()
    if wide and not created:
        tag_ids = list(
            TaggedStory.objects.using(using).filter(content_object_id=instance.pk).values_list("tag_id", flat=True)
        )
        author_ids = list(Byline.objects.using(using).filter(story_id=instance.pk).values_list("author_id", flat=True))
    sections = (instance.section_id, before["section_id"] if before else None)
    keys = story_keys(instance.pk, wide=wide, section_ids=sections, tag_ids=tag_ids, author_ids=author_ids)
    record(keys | _photo_keys_leaving(instance, before), using)


def _photo_keys_leaving(instance: Story, before: dict | None) -> set[str]:
    """The photo keys of a story's photos that may have stopped being shown by this save: all of
    them when a published story left the live state (or may have: a time moved), else an old lead.

    A photo another live story still shows is purged too: its files are fetched again, once.
    """
    if before is None:
        return set()
    keys = set()
    if before["status"] == StoryStatus.PUBLISHED and any(getattr(instance, f) != before[f] for f in LIVE_FIELDS):
        keys.update(story_photo_keys(instance))
    if before["lead_photo_id"] is not None and before["lead_photo_id"] != instance.lead_photo_id:
        keys.add(photo_surrogate_key(before["lead_photo_id"]))
    return keys


def _on_story_deleted(sender, instance, using, **kwargs):
    if instance.status not in HIDDEN:
        keys = story_keys(instance.pk, wide=True, section_ids=[instance.section_id])
        # Its placements went first (each purges its photo); the lead photo is on the row.
        if instance.lead_photo_id is not None:
            keys.add(photo_surrogate_key(instance.lead_photo_id))
        record(keys, using)


def _on_byline(sender, instance, using, **kwargs):
    record({story_key(instance.story_id), f"author-{instance.author_id}"}, using)


def _on_tagged(sender, instance, using, **kwargs):
    record({story_key(instance.content_object_id), f"tag-{instance.tag_id}"}, using)


def _remember_photo(sender, instance, raw, using, **kwargs):
    """Before a placement or an author is saved: the photo it held (rows are updated in place when a
    figure or a portrait changes), so the photo it no longer shows is purged once it is saved."""
    if raw or instance.pk is None:
        return
    instance._purge_photo_before = (
        sender.objects.using(using).filter(pk=instance.pk).values_list("photo_id", flat=True).first()
    )


def _on_placement_saved(sender, instance, raw=False, using=DEFAULT_DB_ALIAS, **kwargs):
    if raw:
        return
    keys = {story_key(instance.story_id)}
    before = getattr(instance, "_purge_photo_before", None)
    instance._purge_photo_before = None
    if before is not None and before != instance.photo_id:
        keys.add(photo_surrogate_key(before))  # the photo this figure no longer shows
    record(keys, using)


def _on_placement_deleted(sender, instance, using, **kwargs):
    record({story_key(instance.story_id), photo_surrogate_key(instance.photo_id)}, using)


def _on_correction(sender, instance, using, **kwargs):
    record({story_key(instance.story_id), "corrections"}, using)


def _on_renamed(sender, instance, using, created=False, **kwargs):
    # A new author or tag is on no page yet; a new section is in every page's navigation.
    if sender is Section or not created:
        record({SITE}, using)


def _on_author_saved(sender, instance, raw=False, using=DEFAULT_DB_ALIAS, **kwargs):
    # A portrait replaced or taken away: the old photo's files may no longer be served.
    before = getattr(instance, "_purge_photo_before", None)
    instance._purge_photo_before = None
    if not raw and before is not None and before != instance.photo_id:
        record({photo_surrogate_key(before)}, using)


def _on_author_deleted(sender, instance, using, **kwargs):
    if instance.photo_id is not None:
        record({photo_surrogate_key(instance.photo_id)}, using)


def _on_photo(sender, instance, using, created=False, **kwargs):
    if created:
        return  # on no page until a story uses it, which is that story's change
    leads = list(Story.objects.using(using).filter(lead_photo=instance).values_list("pk", "section_id"))
    placed = Placement.objects.using(using).filter(photo=instance).values_list("story_id", flat=True)
    # Its own files: their credit and rights travel with them (and may now forbid serving them).
    keys = {photo_surrogate_key(instance.pk)} | {story_key(pk) for pk in placed}
    for pk, section_id in leads:
        keys |= story_keys(pk, wide=True, section_ids=[section_id])
    record(keys, using)


def _on_related(sender, instance, action, reverse, pk_set, using, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    ids = {instance.pk} if not reverse else set(pk_set or ())
    record({story_key(pk) for pk in ids} | ({story_key(instance.pk)} if reverse else set()), using)


def _on_authors(sender, instance, action, reverse, pk_set, using, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if reverse:  # author.stories.add(...)
        keys = {f"author-{instance.pk}"} | {story_key(pk) for pk in pk_set or ()}
    else:
        keys = {story_key(instance.pk)} | {f"author-{pk}" for pk in pk_set or ()}
    if action == "post_clear":
        keys.add(SITE if reverse else "home")  # the cleared ids are not given: be wide
    record(keys, using)


def connect_signals() -> None:
    """Connect the receivers that name what each change purges. Called from ArticlesConfig.ready()."""
    pre_save.connect(_on_story_pre_save, sender=Story, dispatch_uid="purge_story_pre_save")
    post_save.connect(_on_story_saved, sender=Story, dispatch_uid="purge_story_saved")
    post_delete.connect(_on_story_deleted, sender=Story, dispatch_uid="purge_story_deleted")
    for model, receiver in ((Byline, _on_byline), (TaggedStory, _on_tagged)):
        post_save.connect(receiver, sender=model, dispatch_uid=f"purge_{model.__name__}_saved")
        post_delete.connect(receiver, sender=model, dispatch_uid=f"purge_{model.__name__}_deleted")
    pre_save.connect(_remember_photo, sender=Placement, dispatch_uid="purge_Placement_pre_save")
    post_save.connect(_on_placement_saved, sender=Placement, dispatch_uid="purge_Placement_saved")
    post_delete.connect(_on_placement_deleted, sender=Placement, dispatch_uid="purge_Placement_deleted")
    post_save.connect(_on_correction, sender=Correction, dispatch_uid="purge_correction_saved")
    post_delete.connect(_on_correction, sender=Correction, dispatch_uid="purge_correction_deleted")
    for model in (Section, Author, TaggedStory.tag_model()):
        post_save.connect(_on_renamed, sender=model, dispatch_uid=f"purge_{model.__name__}_saved")
        post_delete.connect(_on_renamed, sender=model, dispatch_uid=f"purge_{model.__name__}_deleted")
    pre_save.connect(_remember_photo, sender=Author, dispatch_uid="purge_author_pre_save")
    post_save.connect(_on_author_saved, sender=Author, dispatch_uid="purge_author_portrait_saved")
    post_delete.connect(_on_author_deleted, sender=Author, dispatch_uid="purge_author_portrait_deleted")
    post_save.connect(_on_photo, sender=Photo, dispatch_uid="purge_photo_saved")
    post_delete.connect(_on_photo, sender=Photo, dispatch_uid="purge_photo_deleted")
    m2m_changed.connect(_on_related, sender=Story.related.through, dispatch_uid="purge_related")
    m2m_changed.connect(_on_authors, sender=Story.authors.through, dispatch_uid="purge_authors")


# --- The outbox --------------------------------------------------------------------------------

_state = threading.local()


def record(keys: Iterable[str], using: str = DEFAULT_DB_ALIAS) -> None:
    """Write ``keys`` to the outbox in the current transaction; purge them once it commits.

    Keys already written in the same transaction and savepoint are not written twice (known by
    this transaction's own on-commit callback still being queued: a rollback drops it).
    """
    keys = set(keys)
    connection = connections[using]
    scope = (using, tuple(connection.savepoint_ids))
    earlier = getattr(_state, "open", {}).get(scope)
    if (
        earlier is not None
        and connection.in_atomic_block
        and any(entry[1] is earlier[0] for entry in connection.run_on_commit)
    ):
        new = keys - earlier[1]
        if new:
            PendingPurge.objects.using(using).create(keys=" ".join(sorted(new)))
            earlier[1].update(new)
    else:
        PendingPurge.objects.using(using).create(keys=" ".join(sorted(keys)))
        if connection.in_atomic_block:
            if not hasattr(_state, "open"):
                _state.open = {}
            _state.open[scope] = (None, set(keys))
    # One callback per call (the later ones find the outbox empty: one query each). Its identity
    # marks the transaction as still open for the check above.
    callback = partial(_after_commit, using, keys)
    if connection.in_atomic_block:
        _state.open[scope] = (callback, _state.open[scope][1])
    transaction.on_commit(callback, using=using, robust=True)


def _after_commit(using: str, keys: set[str]) -> None:
    if hasattr(_state, "open"):
        _state.open = {scope: value for scope, value in _state.open.items() if scope[0] != using}
    local_pending.add(keys)  # until flushed: the outbox is read again only once a second
    if not flush(using) and (request := current_request()) is not None:
        messages.warning(
            request,
            "Saved. Clearing the cached pages failed; readers are served fresh pages and the "
            "cache will be cleared automatically once it answers again.",
        )


class LocalPending:
    """Keys this process wrote and has not yet seen purged: not served from cache even for the
    second before pending_keys() reads the outbox again."""

    def __init__(self):
        self._keys: set[str] = set()
        self._lock = threading.Lock()

    def add(self, keys) -> None:
        with self._lock:
            self._keys |= set(keys)

    def discard(self, keys) -> None:
        with self._lock:
            self._keys -= set(keys)

    def get(self) -> frozenset[str]:
        return frozenset(self._keys)


local_pending = LocalPending()
_pending_read = {"at": float("-inf"), "keys": frozenset()}
_pending_lock = threading.Lock()


def pending_keys() -> frozenset[str]:
    """Keys waiting in the outbox: read from the database at most once a second per process.

    A database that cannot be read gives the last answer (cached pages keep being served).
    """
    now = time.monotonic()
    if now - _pending_read["at"] >= settings.NEWSROOM_PURGE_PENDING_CHECK_SECONDS:
        with _pending_lock:
            if now - _pending_read["at"] >= settings.NEWSROOM_PURGE_PENDING_CHECK_SECONDS:
                try:
                    rows = list(PendingPurge.objects.values_list("keys", flat=True)[:BATCH])
                    _pending_read["keys"] = frozenset(key for row in rows for key in row.split())
                except DatabaseError:
                    pass
                _pending_read["at"] = now
    return _pending_read["keys"] | local_pending.get()


def forget_pending_read() -> None:
    _pending_read["at"] = float("-inf")


# --- Purging ----------------------------------------------------------------------------------


def flush(using: str = DEFAULT_DB_ALIAS) -> bool:
    """Purge what the outbox holds, everywhere; True when it is empty afterwards.

    Rows are deleted only once the app's cache and every edge node took their keys. A failure is
    noted on the rows (attempts, last_error) and logged; the rows wait for the next try.
    """
    from articles.reader.cache import purge_keys  # the page cache imports this module

    _state.open = {}  # what this thread wrote is being purged: a later change writes its keys again
    while True:
        try:
            rows = list(PendingPurge.objects.using(using).values_list("pk", "keys")[:BATCH])
        except DatabaseError:
            logger.exception("Cannot read the invalidation outbox.")
            return False
        if not rows:
            return True
        ids = [pk for pk, _ in rows]
        keys = {key for _, row in rows for key in row.split()}
        try:
            purge_keys(keys)
            purge_edges(keys)
        except Exception as error:  # whatever failed, the rows stay and are retried
            logger.warning("Purge of %d keys failed, kept for a retry: %s", len(keys), error)
            PendingPurge.objects.using(using).filter(pk__in=ids).update(
                attempts=F("attempts") + 1, last_error=f"{type(error).__name__}: {error}"[:1000]
            )
            return False
        PendingPurge.objects.using(using).filter(pk__in=ids).delete()
        local_pending.discard(keys)
        forget_pending_read()


def edge_urls() -> list[str]:
    return [url.strip() for url in settings.NEWSROOM_EDGE_PURGE_URLS if url.strip()]


# Purges go straight to the edge nodes, never through a proxy from the environment.
_opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def purge_edges(keys: Iterable[str]) -> None:
    """``PURGE /`` with ``xkey-purge`` to every edge node; raises if any of them did not say 200."""
    urls = edge_urls()
    if not urls:
        return
    failures = []
    for value in header_values(keys):
        for base in urls:
            request = urllib.request.Request(urljoin(base, "/"), method="PURGE", headers={"xkey-purge": value})
            try:
                with _opener.open(request, timeout=settings.NEWSROOM_EDGE_PURGE_TIMEOUT) as answer:
                    answer.read()
            except urllib.error.HTTPError as error:
                failures.append(f"{base}: {error.code}")
            except (OSError, ValueError) as error:
                failures.append(f"{base}: {type(error).__name__}")
    if failures:
        raise ConnectionError("edge purge failed: " + ", ".join(failures))


_replay = {"at": float("-inf"), "running": False}
_replay_lock = threading.Lock()


def replay_soon() -> None:
    """Flush the outbox in the background if it holds rows, at most every few seconds per process.

    Called on reader requests; costs nothing while the outbox is empty (pending_keys() knows).
    """
    now = time.monotonic()
    if now - _replay["at"] < settings.NEWSROOM_PURGE_RETRY_SECONDS or _replay["running"]:
        return
    with _replay_lock:
        if _replay["running"] or now - _replay["at"] < settings.NEWSROOM_PURGE_RETRY_SECONDS:
            return
        _replay["at"], _replay["running"] = now, True

    def run():
        try:
            flush()
        finally:
            _replay["running"] = False

    _in_background(run)


def _in_background(run) -> None:
    def thread():
        try:
            run()
        finally:
            connections.close_all()  # this thread's own connections

    threading.Thread(target=thread, name="purge-replay", daemon=True).start()


def forget_replay() -> None:
    _replay["at"] = float("-inf")


# --- The request an editor's change is made in (for the warning) -----------------------------

_request = threading.local()


def set_current_request(request) -> None:
    _request.value = request


def current_request():
    return getattr(_request, "value", None)
