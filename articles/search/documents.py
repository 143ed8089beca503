"""What is indexed for a story: headline, standfirst, tag and byline names, the body's text."""

import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser

from django.db import DEFAULT_DB_ALIAS

from articles.models import Byline, Story, TaggedStory
from articles.search.query import CJK_CHAR

# --- Documents -----------------------------------------------------------------------------------


class _TextExtractor(HTMLParser):
    """Text of sanitized HTML, with a space wherever a block or line break ended."""

    INLINE = frozenset({"a", "em", "strong", "b", "i", "span", "code", "sub", "sup", "small", "mark"})

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.INLINE:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag not in self.INLINE:
            self.parts.append(" ")

    def handle_data(self, data):
        self.parts.append(data)


def html_to_text(html: str) -> str:
    """Plain text of a story body: tags dropped, entities decoded, whitespace collapsed."""
    if not html:
        return ""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    return " ".join("".join(parser.parts).split())


def tokenizable(text: str) -> str:
    """Text as the index sees it: NFKC-normalised, each CJK character a word of its own."""
    return CJK_CHAR.sub(r" \g<0> ", unicodedata.normalize("NFKC", text or ""))


@dataclass(frozen=True)
class Document:
    """What the index holds for one story, by field (field weights: headline highest, body lowest)."""

    story_id: int
    headline: str
    standfirst: str
    names: str  # tag names and byline author names
    body: str

    def fields(self) -> tuple[str, str, str, str]:
        return tuple(tokenizable(value) for value in (self.headline, self.standfirst, self.names, self.body))


def build_documents(story_ids: Iterable[int], *, using: str = DEFAULT_DB_ALIAS) -> list[Document]:
    """Documents for the stories that exist among story_ids, in three queries."""
    ids = list(story_ids)
    names: defaultdict[int, list[str]] = defaultdict(list)
    for story_id, name in (
        Byline.objects.using(using)
        .filter(story_id__in=ids)
        .order_by("story_id", "order", "pk")
        .values_list("story_id", "author__name")
    ):
        names[story_id].append(name)
    for story_id, name in (
        TaggedStory.objects.using(using)
        .filter(content_object_id__in=ids)
        .order_by("content_object_id", "pk")
        .values_list("content_object_id", "tag__name")
    ):
        names[story_id].append(name)
    stories = (
        Story.objects.using(using).filter(pk__in=ids).order_by("pk").values_list("pk", "headline", "standfirst", "body")
    )
    return [
        Document(
            story_id=pk,
            headline=headline,
            standfirst=standfirst,
            names=" · ".join(names[pk]),
            body=html_to_text(body),
        )
        for pk, headline, standfirst, body in stories
    ]
