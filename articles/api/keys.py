"""Surrogate keys: the names of what a response shows, for an edge cache to purge by.

Sent twice, as ``xkey`` (Varnish's xkey module) and ``Surrogate-Key`` (Fastly and others), space
separated. The names are shared with the reader pages: ``story-<id>``, ``section-<id>``,
``tag-<id>``, ``author-<id>``, ``photo-<id>`` (as on the photo's rendition files), and ``api``
on every API response.
"""

API_KEY = "api"


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
