from articles.models.people import Author, Section
from articles.models.photo import Photo
from articles.models.story import Byline, Placement, Story, StoryQuerySet, StoryStatus, TaggedStory

__all__ = [
    "Author",
    "Byline",
    "Photo",
    "Placement",
    "Section",
    "Story",
    "StoryQuerySet",
    "StoryStatus",
    "TaggedStory",
]
