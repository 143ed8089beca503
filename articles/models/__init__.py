from articles.models.desk import Correction, CorrectionKind, EditPresence, ShareLink, ShareLinkUse
from articles.models.invalidation import PendingPurge
from articles.models.people import Author, AuthorKind, Section
from articles.models.photo import DigitalSourceType, Photo
from articles.models.story import Byline, Placement, Story, StoryQuerySet, StoryStatus, TaggedStory
from articles.models.tokens import ApiToken
from articles.models.wire import WireEntry, WireEntryVersion, WireRejection, WireSource, WireStoryLink

__all__ = [
    "ApiToken",
    "Author",
    "AuthorKind",
    "Byline",
    "Correction",
    "CorrectionKind",
    "DigitalSourceType",
    "EditPresence",
    "PendingPurge",
    "Photo",
    "Placement",
    "Section",
    "ShareLink",
    "ShareLinkUse",
    "Story",
    "StoryQuerySet",
    "StoryStatus",
    "TaggedStory",
    "WireEntry",
    "WireEntryVersion",
    "WireRejection",
    "WireSource",
    "WireStoryLink",
]
