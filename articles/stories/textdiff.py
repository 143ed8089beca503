"""Readable word-level diffs of story text for the desk: history, restore and edit conflicts.

Everything is escaped before it is wrapped in <ins>/<del>, so a diff of any text is safe HTML.
"""

import difflib
import html
import re

import nh3
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from articles import richtext

_TOKENS = re.compile(r"\s+|[^\s]+")
_LINE_ENDS = re.compile(r"</li>|<br\s*/?>", re.IGNORECASE)


def body_text(body_html: str) -> str:
    """A story body as plain text: one paragraph, subheading or list per line, blank line between."""
    blocks = richtext.split_blocks(body_html or "")
    texts = (html.unescape(nh3.clean(_LINE_ENDS.sub("\n", block), tags=set())).strip() for block in blocks)
    return "\n\n".join(text for text in texts if text)


def inline_diff(old: str, new: str) -> SafeString:
    """`new` with what was removed from `old` in <del> and what was added in <ins>, word by word."""
    before, after = _TOKENS.findall(old or ""), _TOKENS.findall(new or "")
    parts = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for operation, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        removed, added = "".join(before[a_start:a_end]), "".join(after[b_start:b_end])
        if operation == "equal":
            parts.append(escape(added))
            continue
        if removed:
            parts.append(f"<del>{escape(removed)}</del>")
        if added:
            parts.append(f"<ins>{escape(added)}</ins>")
    return mark_safe("".join(parts))


def paragraphs_diff(old: str, new: str) -> SafeString:
    """Like inline_diff, for text in paragraphs (blank-line separated), showing only the paragraphs
    that changed; a run of unchanged ones is shown as "…"."""
    before, after = (old or "").split("\n\n"), (new or "").split("\n\n")
    parts = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for operation, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        if operation == "equal":
            parts.append(escape("…"))
            continue
        removed, added = before[a_start:a_end], after[b_start:b_end]
        paired = min(len(removed), len(added)) if operation == "replace" else 0
        parts.extend(inline_diff(removed[i], added[i]) for i in range(paired))
        parts.extend(mark_safe(f"<del>{escape(text)}</del>") for text in removed[paired:])
        parts.extend(mark_safe(f"<ins>{escape(text)}</ins>") for text in added[paired:])
    return mark_safe("\n\n".join(parts))


def story_text_diffs(old: dict, new: dict) -> list[dict]:
    """Diffs of headline, standfirst and body between two {"headline", "standfirst", "body"} dicts.

    Only the parts that differ are listed, each as {"label", "diff"}.
    """
    diffs = []
    for key, label in (("headline", "Headline"), ("standfirst", "Standfirst"), ("body", "Body")):
        before, after = old.get(key) or "", new.get(key) or ""
        if key == "body":
            before, after = body_text(before), body_text(after)
            if before != after:
                diffs.append({"label": label, "diff": paragraphs_diff(before, after)})
        elif before != after:
            diffs.append({"label": label, "diff": inline_diff(before, after)})
    return diffs
