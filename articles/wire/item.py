"""The one shape every agency format is read into.

Block and caption text is plain text: inline markup (links, emphasis) is flattened to its words, so
nothing a wire file says can reach a page as markup. The step that turns blocks into a story body
writes the HTML itself. Sequences are tuples so that a read item cannot be changed by accident.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal, NamedTuple

WireFormat = Literal["nitf", "newsml-g2", "ninjs"]
WireKind = Literal["text", "picture", "package"]
PubStatus = Literal["usable", "withheld", "canceled"]


class WireError(ValueError):
    """A wire file that cannot be read; `reason` is a sentence for the person at the desk."""

    def __init__(self, reason: str, *, name: str = "") -> None:
        self.reason = reason
        self.name = name
        super().__init__(f"{name}: {reason}" if name else reason)


class Contributor(NamedTuple):
    name: str
    role: str = ""


class Subject(NamedTuple):
    code: str
    name: str | None = None


class Rendition(NamedTuple):
    href: str
    width: int | None = None
    height: int | None = None
    mime: str = ""
    name: str = ""


class ItemRef(NamedTuple):
    """An item a NewsML-G2 package points to (groupSet/group/itemRef)."""

    guid: str
    kind: str = ""
    title: str = ""
    description: str = ""
    group: str = ""


@dataclass(frozen=True)
class WirePicture:
    id: str
    headline: str = ""
    caption: str = ""
    credit: str = ""
    byline: str = ""
    alt_text: str = ""
    renditions: tuple[Rendition, ...] = ()
    copyright: str = ""
    usage_terms: str = ""
    digital_source_type: str = ""


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Subheading:
    text: str


@dataclass(frozen=True)
class ListBlock:
    items: tuple[str, ...]
    ordered: bool = False


@dataclass(frozen=True)
class Quote:
    text: str
    source: str = ""


@dataclass(frozen=True)
class PictureBlock:
    """A picture placed between paragraphs; the same object is also in `WireItem.pictures`."""

    picture: WirePicture


Block = Paragraph | Subheading | ListBlock | Quote | PictureBlock


@dataclass(frozen=True)
class WireItem:
    guid: str
    version: int
    format: WireFormat
    headline: str
    kind: WireKind = "text"
    provider: str = ""
    subheadline: str = ""
    slugline: str = ""
    standfirst: str = ""
    byline: str = ""
    contributors: tuple[Contributor, ...] = ()
    dateline_place: str = ""
    dateline: str = ""
    located: str = ""
    language: str = ""
    urgency: int | None = None
    pub_status: PubStatus = "usable"
    signals: tuple[str, ...] = ()
    editorial_note: str = ""
    first_created: datetime | None = None
    version_created: datetime | None = None
    embargoed: datetime | None = None
    expires: datetime | None = None
    keywords: tuple[str, ...] = ()
    subjects: tuple[Subject, ...] = ()
    credit: str = ""
    copyright: str = ""
    usage_terms: str = ""
    body: tuple[Block, ...] = ()
    pictures: tuple[WirePicture, ...] = ()
    refs: tuple[ItemRef, ...] = ()

    @property
    def is_kill(self) -> bool:
        return self.pub_status == "canceled"
