"""A draft story from a wire item, in one click, through the same workflow service as every other save.

The draft gets headline, standfirst, body (paragraphs, subheadings, lists, quotes), bylines (agency
contributors as Authors of kind "agency"), dateline, agency credit, the agency's first time, keywords as
tags, a section from the subject rules, the embargo, and the pictures imported at ingest: the first as
the lead photo, the others placed where the agency put them.
"""

from __future__ import annotations

from datetime import datetime

import reversion
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.db import transaction
from django.utils.dateparse import parse_datetime
from django.utils.text import slugify

from articles.models import (
    Author,
    AuthorKind,
    Byline,
    Photo,
    Placement,
    Section,
    Story,
    WireEntry,
    WireEntryVersion,
    WireStoryLink,
)
from articles.stories.textdiff import story_text_diffs
from articles.stories.workflow import story_save

from .record import body_parts, story_text

DRAFT_PERMISSION = "articles.make_draft_from_wire"
# Contributor roles that are not the writers of the story (NewsML-G2 ctrol/crol codes, ninjs rel values).
_NOT_BYLINED = ("editor", "photographer", "translator", "producer", "publisher", "copyeditor")


def user_can_make_draft(user) -> bool:
    return user is not None and user.is_active and user.has_perm(DRAFT_PERMISSION)


def section_rules(raw: str | None = None) -> list[tuple[str, str]]:
    """NEWSROOM_WIRE_SECTION_RULES read into (subject code, section slug) pairs, in order."""
    raw = settings.NEWSROOM_WIRE_SECTION_RULES if raw is None else raw
    rules = []
    for part in raw.split(","):
        if not part.strip():
            continue
        code, sep, slug = part.partition("=")
        if not sep or not code.strip() or not slug.strip():
            raise ImproperlyConfigured(
                f"NEWSROOM_WIRE_SECTION_RULES must look like 'medtop:20000002=culture,subj:15000000=sport' "
                f"(bad item {part.strip()!r})."
            )
        rules.append((code.strip(), slug.strip()))
    return rules


def _code_matches(rule: str, code: str) -> bool:
    """Exact, or for the numeric IPTC Subject Codes a rule for a parent (subj:15000000) covers its children."""
    if rule == code:
        return True
    scheme, _, number = rule.partition(":")
    if scheme == "subj" and number.isdigit() and code.startswith("subj:"):
        stem = number.rstrip("0")
        return bool(stem) and code[len("subj:") :].startswith(stem)
    return False


def choose_section(subject_codes: list[str]) -> Section:
    for rule, slug in section_rules():
        if any(_code_matches(rule, code) for code in subject_codes):
            section = Section.objects.filter(slug=slug).first()
            if section is not None:
                return section
    default = settings.NEWSROOM_WIRE_DEFAULT_SECTION
    section = Section.objects.filter(slug=default).first() if default else None
    section = section or Section.objects.order_by("position", "name").first()
    if section is None:
        raise ValidationError("There is no section yet: add one before making a draft from the wire.")
    return section


def agency_author(name: str, agency: str) -> Author:
    """The agency's reporter as an Author of kind agency, made once and reused by name and agency."""
    found = Author.objects.filter(name=name, kind=AuthorKind.AGENCY, affiliation=agency).order_by("pk").first()
    if found is not None:
        return found
    base = slugify(f"{name} {agency}")[:100].strip("-") or "agency-author"
    slug, number = base, 1
    while Author.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return Author.objects.create(name=name, kind=AuthorKind.AGENCY, affiliation=agency[:200], slug=slug)


def _bylined_names(data: dict) -> list[str]:
    names = []
    for person in data.get("contributors", []):
        role = person.get("role", "").lower().rsplit(":", 1)[-1]
        if person["name"] and not any(word in role for word in _NOT_BYLINED) and person["name"] not in names:
            names.append(person["name"][:120])
    return names or [(data.get("provider") or "Wire")[:120]]


def _time(value: str | None) -> datetime | None:
    return parse_datetime(value) if value else None


def wire_make_draft(*, item: WireEntry, user) -> Story:
    """Make a draft story from the item's current version and link it back; raises PermissionDenied or
    ValidationError (in words for the desk)."""
    if not user_can_make_draft(user):
        raise PermissionDenied("Only reporters and editors can make a draft from the wire.")
    data = item.data
    if item.kind == "picture":
        raise ValidationError("This wire item is a picture with no text: there is no story to make from it.")
    if item.is_kill:
        raise ValidationError("The agency killed this item: it must not be used.")
    text = story_text(data)
    if not text["body"].strip():
        raise ValidationError("This wire item has no body text to make a story from.")
    _, placed = body_parts(data)
    photo_for = {p["id"]: p["photo_id"] for p in item.pictures if p.get("photo_id")}
    photos = {photo.pk: photo for photo in Photo.objects.filter(pk__in=photo_for.values())}
    pictures = [
        (p["id"], photos[photo_for[p["id"]]]) for p in data.get("pictures", []) if photo_for.get(p["id"]) in photos
    ]
    agency = data.get("provider") or data.get("credit") or ""
    with transaction.atomic(), reversion.create_revision():
        story = Story(
            headline=text["headline"][:200],
            standfirst=text["standfirst"][:400],
            body=text["body"],
            section=choose_section([s["code"] for s in data.get("subjects", [])]),
            dateline=(data.get("dateline_place") or data.get("located") or data.get("dateline") or "")[:100],
            credit_line=(data.get("credit") or agency)[:200],
            originally_published_at=_time(data.get("first_created")) or _time(data.get("version_created")),
            embargo_until=_time(data.get("embargoed")),
            lead_photo=pictures[0][1] if pictures else None,
            desk_note=(data.get("editorial_note") or "")[:2000],
        )
        story_save(story=story, user=user)
        for order, name in enumerate(_bylined_names(data)):
            Byline.objects.create(story=story, author=agency_author(name, agency), order=order)
        captions = {p["id"]: p.get("caption", "") for p in data.get("pictures", [])}
        after_block = {picture_id: after for after, picture_id in placed}
        last = len(story.body_blocks)
        for order, (picture_id, photo) in enumerate(pictures[1:], start=1):
            Placement.objects.create(
                story=story,
                photo=photo,
                paragraph=min(after_block.get(picture_id, last), last),
                order=order,
                caption=captions.get(picture_id, ""),
            )
        keywords = [keyword[:100] for keyword in data.get("keywords", []) if keyword.strip()]
        if keywords:
            story.tags.add(*keywords)
        WireStoryLink.objects.create(story=story, entry=item, version=item.version, made_by=user)
    return story


def wire_changes(link: WireStoryLink) -> list[dict]:
    """What the agency changed between the version a story was made from and the item's current one."""
    old = WireEntryVersion.objects.filter(entry=link.entry_id, version=link.version).first()
    before = story_text(old.data) if old else {}
    return story_text_diffs(before, story_text(link.entry.data))
