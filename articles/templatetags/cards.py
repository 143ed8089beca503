"""The story card: one story in a list (home, section, tag, author and archive pages).

A listing shows up to a hundred cards, so the card is built in Python rather than in an included
template: the markup is short and fixed, and the template engine's per-variable and per-include
costs were most of a listing page's rendering time.
"""

from django import template
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString

from articles.photos.public import is_public
from articles.reader import surrogate
from articles.templatetags.newsroom import bylines, iso_time, shown_time
from articles.templatetags.photos import picture

register = template.Library()

LEAD_SIZES = "(min-width: 72rem) 42rem, (min-width: 48rem) 58vw, 100vw"
CARD_SIZES = "(min-width: 76rem) 17rem, (min-width: 40rem) 45vw, 100vw"


def card_headline(story) -> str:
    """The short headline on cards when the desk wrote one (never a query: a deferred one counts as none)."""
    if "short_headline" in story.__dict__ and story.short_headline:
        return story.short_headline
    return story.headline


@register.simple_tag
def story_card(story, *, heading="h3", big=False, lazy=False, no_photo=False, sizes=None) -> str:
    """One story as a card.

    ``heading`` ("h2" or "h3") fits the page's outline; ``big`` makes it the page's lead;
    ``lazy=False`` for a photo in the first screenful; ``no_photo`` leaves the photo out; ``sizes``
    says how wide the photo is shown where the layout differs from a plain grid.
    """
    surrogate.add(f"story-{story.pk}")
    h = "h2" if heading == "h2" else "h3"
    # A reader's listing attaches the story's cached cards (articles/reader/fragments.py).
    cached = story.__dict__.get("card_fragments")
    variant = (h, bool(big), bool(lazy), bool(no_photo), sizes, "short_headline" in story.__dict__)
    if cached is not None and (html := cached.get(variant)) is not None:
        return SafeString(html)
    html = _card(story, h, big=big, lazy=lazy, no_photo=no_photo, sizes=sizes)
    if cached is not None:
        cached.rendered(variant, html)
    return html


def _card(story, h: str, *, big, lazy, no_photo, sizes) -> SafeString:
    show_photo = not no_photo and is_public(story.lead_photo)
    classes = "card" + (" card--lead" if big else "") + ("" if show_photo else " card--text")
    photo = ""
    if show_photo:
        shown_sizes = LEAD_SIZES if big else (sizes or CARD_SIZES)
        label = story.lead_photo.ai_label
        label = f'<p class="ai-label">{escape(label)}</p>' if label else ""
        photo = f'\n  <div class="card-photo">{picture(story.lead_photo, "16:9", shown_sizes, lazy)}{label}</div>'
    section = story.section
    standfirst = f'\n    <p class="standfirst">{escape(story.standfirst)}</p>' if story.standfirst else ""
    names = bylines(story)
    by = f"By {names} · " if names else ""
    published = story.publish_at
    when = shown_time(timezone.localtime(published), "j M Y, H:i")
    return SafeString(
        f'<article class="{classes}">{photo}\n'
        f'  <div class="card-text">\n'
        f'    <p class="kicker"><a href="{escape(section.get_absolute_url())}">{escape(section.name)}</a></p>\n'
        f'    <{h} class="card-headline">'
        f'<a href="{escape(story.get_absolute_url())}">{escape(card_headline(story))}</a></{h}>'
        f"{standfirst}\n"
        f'    <p class="meta">{by}<time datetime="{iso_time(published)}">{escape(when)}</time></p>\n'
        f"  </div>\n"
        f"</article>"
    )
