"""Surrogate keys: the names of what a response shows, for an edge cache to purge by.

Sent twice, as ``xkey`` (Varnish's xkey module) and ``Surrogate-Key`` (Fastly and others), space
separated. The names are shared with the reader pages: ``story-<id>``, ``section-<id>``,
``tag-<id>``, ``author-<id>``, ``photo-<id>`` (as on the photo's rendition files), and ``api``
on every API response.

A list also names ``archive``, as the reader's archive pages do: the keys of the rows it shows
cannot name a story published after it was cached, and every publish or withdrawal purges
``archive`` (articles/reader/invalidation.py, LIST_KEYS).
"""

API_KEY = "api"
LIST_KEY = "archive"


def story_keys(story) -> list[str]:
    """A story, its section, its tags and its authors (from what the story already has fetched)."""
    keys = [f"story-{story.pk}", f"section-{story.section_id}"]
    keys += [f"tag-{item.tag_id}" for item in story.tagged_items.all()]
    keys += [f"author-{byline.author_id}" for byline in story.bylines.all()]
    return keys


def set_surrogate_keys(response, keys) -> None:
    unique = list(dict.fromkeys([*keys, API_KEY]))
    value = " ".join(unique)
    response["xkey"] = value
    response["Surrogate-Key"] = value
