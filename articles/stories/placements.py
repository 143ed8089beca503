"""The story's photos: one record (Placement rows) kept in step with the figures in its body.

The body is what the reporter edits; the rights gate, the photo desk's "used in", the renditions and
the reader page read Placement. Each save through the workflow rebuilds the rows from the body, in
the save's transaction, so every door (admin, API, wire desk) gets the same record.
"""

from dataclasses import dataclass

from django.db import transaction

from articles import richtext
from articles.models import Placement, Story


@dataclass(frozen=True)
class BodyPhoto:
    """A figure in the body, as a placement row holds it."""

    photo_id: int
    paragraph: int  # text blocks (paragraphs, subheadings, lists, quotes) before it
    order: int  # its place among the body's figures, from 0
    caption: str  # the override from its figcaption ("" keeps the photo's own)


def body_photos(blocks: list[str]) -> list[BodyPhoto]:
    """The figures in a body's blocks (richtext.split_blocks), in reading order."""
    found, text_blocks = [], 0
    for block in blocks:
        figure = richtext.parse_figure(block)
        if figure is None:
            text_blocks += 1
        else:
            found.append(BodyPhoto(figure[0], text_blocks, len(found), figure[1]))
    return found


def place_figures(blocks: list[str], photos: list[tuple[int, int, str]]) -> list[str]:
    """Blocks with a figure for each (after paragraph N, photo id, caption) written in.

    N counts text blocks as Placement.paragraph does (0: before the first; past the end: at the
    end); photos at the same N keep their order in the list. For loaders and generators that know
    where a photo goes by number.
    """
    after: dict[int, list[str]] = {}
    text_count = sum(1 for block in blocks if richtext.parse_figure(block) is None)
    for paragraph, photo_id, caption in photos:
        after.setdefault(min(paragraph, text_count), []).append(richtext.figure_html(photo_id, caption))
    placed, text_blocks = list(after.get(0, [])), 0
    for block in blocks:
        placed.append(block)
        if richtext.parse_figure(block) is None:
            text_blocks += 1
            placed.extend(after.get(text_blocks, []))
    return placed


def placements_sync(*, story: Story) -> bool:
    """Make the story's placements the figures of its saved body; True when anything changed.

    Rows are updated in place where they can be (revisions keep pointing at them), added and
    removed where the body gained or lost figures.
    """
    wanted = body_photos(story.body_blocks)
    with transaction.atomic():
        current = list(Placement.objects.select_for_update().filter(story=story).order_by("paragraph", "order", "pk"))
        changed = False
        for row, photo in zip(current, wanted, strict=False):
            values = {"photo_id": photo.photo_id, "paragraph": photo.paragraph, "order": photo.order}
            values["caption"] = photo.caption
            if any(getattr(row, name) != value for name, value in values.items()):
                for name, value in values.items():
                    setattr(row, name, value)
                row.save()
                changed = True
        if len(current) > len(wanted):
            Placement.objects.filter(pk__in=[row.pk for row in current[len(wanted) :]]).delete()
            changed = True
        if len(wanted) > len(current):
            Placement.objects.bulk_create(
                Placement(story=story, photo_id=p.photo_id, paragraph=p.paragraph, order=p.order, caption=p.caption)
                for p in wanted[len(current) :]
            )
            changed = True
    if changed and hasattr(story, "_prefetched_objects_cache"):
        story._prefetched_objects_cache.pop("placements", None)
    return changed
