"""Photos move into the body: each story's placements become figures in its text.

Before, a placement stood "after paragraph N" of the body, N counting its top-level blocks
(paragraphs, subheadings, lists, quotes: the old split_blocks) from 1, 0 meaning before the first,
and a number past the end meaning at the end, in the placements' order (paragraph, order, pk).
This writes <figure data-photo="ID"><figcaption>override</figcaption></figure> at that spot, and
numbers the placements the way stories.placements now keeps them (text blocks before the figure;
order among the figures), so the first save through the editor changes nothing.

Reverse: the figures leave the body again; the placements stay, and their paragraph numbers still
say where each photo stood.
"""

import re
from html import escape

from django.db import migrations

_FIGURE = re.compile(r"<figure\b[^>]*>.*?</figure>", re.DOTALL)


def _figure(photo_id, caption):
    caption = (caption or "").strip()
    inner = f"<figcaption>{escape(caption, quote=False)}</figcaption>" if caption else ""
    return f'<figure data-photo="{int(photo_id)}">{inner}</figure>'


def _split_blocks(html):
    # The stored blocks are what the old renderer counted; a story saved without them (raw SQL) is
    # split as richtext splits, which is unchanged for text blocks.
    from articles.richtext import split_blocks  # noqa: PLC0415

    return split_blocks(html)


def figures_into_bodies(apps, schema_editor):
    Story, Placement = apps.get_model("articles", "Story"), apps.get_model("articles", "Placement")
    story_ids = Placement.objects.values_list("story_id", flat=True).distinct().order_by("story_id")
    for story in Story.objects.filter(pk__in=list(story_ids)).only("pk", "body", "body_blocks").iterator():
        blocks = [b for b in (story.body_blocks or _split_blocks(story.body or "")) if not b.startswith("<figure")]
        placements = list(Placement.objects.filter(story_id=story.pk).order_by("paragraph", "order", "pk"))
        after = {}
        for placement in placements:
            after.setdefault(min(placement.paragraph, len(blocks)), []).append(placement)
        out, order = [], 0
        for index in range(len(blocks) + 1):
            if index:
                out.append(blocks[index - 1])
            for placement in after.get(index, []):
                out.append(_figure(placement.photo_id, placement.caption))
                placement.paragraph, placement.order = index, order
                order += 1
        Placement.objects.bulk_update(placements, ["paragraph", "order"])
        Story.objects.filter(pk=story.pk).update(body="".join(out), body_blocks=out)


def figures_out_of_bodies(apps, schema_editor):
    Story = apps.get_model("articles", "Story")
    for story in Story.objects.filter(body__contains="<figure").only("pk", "body", "body_blocks").iterator():
        blocks = [b for b in (story.body_blocks or []) if not b.startswith("<figure")]
        Story.objects.filter(pk=story.pk).update(body=_FIGURE.sub("", story.body), body_blocks=blocks)


class Migration(migrations.Migration):
    dependencies = [("articles", "0010_story_desk_fields_photo_provenance_and_edit_versions")]

    operations = [migrations.RunPython(figures_into_bodies, figures_out_of_bodies, elidable=True)]
