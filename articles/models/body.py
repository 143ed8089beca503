"""The story body's photos: which figures name library photos, and where each placement stands."""

from articles import richtext


def photos_in_library(ids: set[int]) -> set[int]:
    """Which of these photo ids the library holds: one query (richtext.sanitize's lookup on save)."""
    from articles.models.photo import Photo

    return set(Photo.objects.filter(pk__in=ids).values_list("pk", flat=True))


def photos_in_place(blocks: list[str], placements: list) -> list[tuple[str, object]]:
    """("html", block) and ("photo", Placement) items in reading order.

    A figure in the body shows its placement (the first of the same photo not yet shown, in the
    placements' order, which is the body's). A placement no figure names (a story written before
    photos lived in the text) stands after its paragraph number, as it always did.
    """
    unmatched = list(placements)
    items = []
    for block in blocks:
        figure = richtext.parse_figure(block)
        if figure is None:
            items.append(("html", block))
            continue
        placement = next((p for p in unmatched if p.photo_id == figure[0]), None)
        if placement is not None:
            unmatched.remove(placement)
            items.append(("photo", placement))
    return _place_by_paragraph(items, unmatched) if unmatched else items


def _place_by_paragraph(items: list, placements: list) -> list:
    """Put placements after their paragraph number, counting the text blocks in `items` (0: before the first)."""
    after = {}
    for placement in placements:
        after.setdefault(placement.paragraph, []).append(placement)
    placed = [("photo", p) for p in after.pop(0, [])]
    text_blocks = 0
    for item in items:
        placed.append(item)
        if item[0] == "html":
            text_blocks += 1
            placed.extend(("photo", p) for p in after.pop(text_blocks, []))
    for paragraph in sorted(after):
        placed.extend(("photo", p) for p in after[paragraph])
    return placed
