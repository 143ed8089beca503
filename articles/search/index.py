"""Keeping the index current: reindex a story after the transaction that changed it commits.

Receivers (connected in ``ArticlesConfig.ready``) reindex a story after a change to it, its tags,
its bylines or the name of one of its authors or tags. ``QuerySet.update()``, ``bulk_create()``
and raw SQL send no signals: call ``schedule_reindex`` or run ``manage.py reindex_search`` after those.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from functools import partial
from itertools import batched

from asgiref.local import Local
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models.signals import m2m_changed, post_delete, post_init, post_save

from articles.models import Author, Byline, Story, TaggedStory
from articles.search.backends import BATCH_SIZE, get_backend
from articles.search.documents import build_documents

# --- Indexing ------------------------------------------------------------------------------------


def reindex_stories(story_ids: Iterable[int], *, using: str = DEFAULT_DB_ALIAS, batch_size: int = BATCH_SIZE) -> int:
    """Bring these stories' index rows up to date now; a story that no longer exists loses its row.

    Idempotent. Returns how many stories were written.
    """
    backend = get_backend(using)
    written = 0
    for batch in batched(sorted({int(pk) for pk in story_ids}), batch_size):
        documents = build_documents(batch, using=using)
        with transaction.atomic(using=using):
            backend.delete(set(batch) - {document.story_id for document in documents})
            backend.write(documents)
        written += len(documents)
    return written


def rebuild_index(
    *,
    using: str = DEFAULT_DB_ALIAS,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[int, int]:
    """Reindex every story in batches (each its own transaction, so search keeps working meanwhile).

    Calls progress(done, total) after each batch. Returns (stories indexed, stale rows removed).
    """
    backend = get_backend(using)
    ids = list(Story.objects.using(using).order_by("pk").values_list("pk", flat=True))
    done = 0
    for batch in batched(ids, batch_size):
        reindex_stories(batch, using=using, batch_size=batch_size)
        done += len(batch)
        if progress:
            progress(done, len(ids))
    with transaction.atomic(using=using):
        removed = backend.delete_orphans()
    backend.optimize()
    return done, removed


_pending = Local()


def _pending_ids(using: str) -> set[int]:
    by_alias = getattr(_pending, "by_alias", None)
    if by_alias is None:
        by_alias = _pending.by_alias = defaultdict(set)
    return by_alias[using]


def schedule_reindex(story_ids: Iterable[int], *, using: str = DEFAULT_DB_ALIAS) -> None:
    """Reindex these stories once the current transaction commits (at once outside a transaction).

    Ids are gathered per connection, so a story saved, retagged and rebylined in one transaction is
    indexed once. If a transaction rolls back, its ids stay pending and ride along with the next
    commit: reindexing reads the database, so an extra pass is harmless.
    """
    ids = {pk for pk in story_ids if pk is not None}
    if not ids:
        return
    _pending_ids(using).update(ids)
    # robust: a failure is logged, and never turns an editor's committed save into an error page.
    transaction.on_commit(partial(_flush_pending, using), using=using, robust=True)


def _flush_pending(using: str) -> None:
    pending = _pending_ids(using)
    ids = set(pending)
    pending.clear()
    if ids:
        reindex_stories(ids, using=using)


# --- Keeping the index current -------------------------------------------------------------------


def _story_changed(sender, instance, using, **kwargs):
    schedule_reindex([instance.pk], using=using)


def _byline_or_tag_changed(sender, instance, using, **kwargs):
    story_id = instance.story_id if isinstance(instance, Byline) else instance.content_object_id
    schedule_reindex([story_id], using=using)


def _authors_changed(sender, instance, action, reverse, pk_set, using, **kwargs):
    """story.authors.add()/remove()/clear() and author.stories.add()...: bulk writes, no post_save."""
    if action not in {"post_add", "post_remove", "pre_clear"}:
        return
    if not reverse:
        schedule_reindex([instance.pk], using=using)
    elif action == "pre_clear":
        ids = Byline.objects.using(using).filter(author=instance).values_list("story_id", flat=True)
        schedule_reindex(list(ids), using=using)
    else:
        schedule_reindex(pk_set or (), using=using)


def _remember_name(sender, instance, **kwargs):
    # The name as loaded, to tell a rename (which changes many stories' documents) from other edits.
    instance._search_indexed_name = instance.__dict__.get("name")


def _author_saved(sender, instance, created, using, **kwargs):
    if not created and instance.name != getattr(instance, "_search_indexed_name", None):
        ids = Byline.objects.using(using).filter(author_id=instance.pk).values_list("story_id", flat=True)
        schedule_reindex(list(ids), using=using)
    instance._search_indexed_name = instance.name


def _tag_saved(sender, instance, created, using, **kwargs):
    if not created and instance.name != getattr(instance, "_search_indexed_name", None):
        ids = TaggedStory.objects.using(using).filter(tag_id=instance.pk).values_list("content_object_id", flat=True)
        schedule_reindex(list(ids), using=using)
    instance._search_indexed_name = instance.name


def connect_signals() -> None:
    """Connect the receivers that keep the index current. Called from ArticlesConfig.ready()."""
    tag_model = TaggedStory.tag_model()
    post_save.connect(_story_changed, sender=Story, dispatch_uid="search_story_saved")
    post_delete.connect(_story_changed, sender=Story, dispatch_uid="search_story_deleted")
    for model in (Byline, TaggedStory):
        post_save.connect(_byline_or_tag_changed, sender=model, dispatch_uid=f"search_{model.__name__}_saved")
        post_delete.connect(_byline_or_tag_changed, sender=model, dispatch_uid=f"search_{model.__name__}_deleted")
    m2m_changed.connect(_authors_changed, sender=Story.authors.through, dispatch_uid="search_authors_changed")
    for model, receiver in ((Author, _author_saved), (tag_model, _tag_saved)):
        post_init.connect(_remember_name, sender=model, dispatch_uid=f"search_{model.__name__}_init")
        post_save.connect(receiver, sender=model, dispatch_uid=f"search_{model.__name__}_renamed")
