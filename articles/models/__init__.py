from articles.models.desk import Correction, CorrectionKind, EditPresence, ShareLink, ShareLinkUse
from articles.models.people import Author, Section
from articles.models.photo import Photo
from articles.models.story import Byline, Placement, Story, StoryQuerySet, StoryStatus, TaggedStory

__all__ = [
    "Author",
    "Byline",
    "Correction",
    "CorrectionKind",
    "EditPresence",
    "Photo",
    "Placement",
    "Section",
    "ShareLink",
    "ShareLinkUse",
    "Story",
    "StoryQuerySet",
    "StoryStatus",
    "TaggedStory",
]
