"""What the story page adds around the body: the dateline before the first paragraph."""

import re

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()

_OPENING_PARAGRAPH = re.compile(r"^<p(\s[^>]*)?>")


@register.filter
def body_with_dateline(story) -> list:
    """story.body_with_photos(), with `<span class="dateline">PLACE —</span>` opening the first paragraph.

    The body is sanitized HTML, so its blocks are kept as they are; the dateline is escaped. With no
    dateline, or no paragraph to put it in, the items are unchanged.
    """
    items = list(story.body_with_photos())
    dateline = " ".join((story.dateline or "").split())
    if not dateline:
        return items
    for index, (kind, block) in enumerate(items):
        if kind != "html":
            continue
        found = _OPENING_PARAGRAPH.match(block)
        if found:
            span = format_html('<span class="dateline">{} —</span> ', dateline)
            items[index] = (kind, SafeString(block[: found.end()] + span + block[found.end() :]))
            break
    return items


@register.tag
def fragment(parser, token):
    """``{% fragment "article" %}...{% endfragment %}``: a part of the story page kept between renders.

    Taken from the view's ``story_parts`` (articles/reader/fragments.StoryParts) when a reader's
    render found it cached; otherwise rendered here and handed back to be stored. Without
    ``story_parts`` (a preview, a staff user) it is simply rendered.
    """
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("{% fragment %} takes the part's name.")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(bits[1].strip("\"'"), nodelist)


class FragmentNode(template.Node):
    def __init__(self, part: str, nodelist):
        self.part = part
        self.nodelist = nodelist

    def render(self, context):
        parts = context.get("story_parts")
        if parts is None:
            return self.nodelist.render(context)
        html = parts.get(self.part)
        if html is None:
            html = self.nodelist.render(context)
            parts.rendered(self.part, html)
        return html
