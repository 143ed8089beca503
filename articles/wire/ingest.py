"""Agency files into the wire desk: one file, a batch (a folder, an upload of several files), or a zip.

Every way in (the ingest_wire command, its watched inbox, the desk's upload) ends here. Each item is
stored in its own transaction, so a bad file or item is set aside with its reason (a WireRejection,
the bytes kept privately) and the rest of the batch goes on. Pictures delivered beside an item (same
folder, upload or zip; referenced by file name) go through the photo desk's own `photo_create`.
"""

from __future__ import annotations

import io
import logging
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import urlparse

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import get_valid_filename

from articles.models import DigitalSourceType, WireEntry, WireEntryVersion, WireRejection, WireStoryLink
from articles.photos.services import photo_create

from .item import WireError, WireItem, WirePicture
from .read import read_wire_file
from .record import content_hash, item_data

logger = logging.getLogger(__name__)

PICTURE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".gif", ".tif", ".tiff", ".heic"})
ZIP_MAX_MEMBERS = 2000
ZIP_MAX_BYTES = 500 * 1024 * 1024
# A member that unpacks to more than this many times its packed size is treated as a bomb.
ZIP_MAX_RATIO = 200


@dataclass
class IngestOutcome:
    """What became of one item (or of a file that held none we could read)."""

    name: str
    outcome: str  # "ingested", "updated", "duplicate" or "rejected"
    format: str = ""
    guid: str = ""
    headline: str = ""
    reason: str = ""
    entry_id: int | None = None
    pictures: list[dict] = field(default_factory=list)

    @property
    def rejected(self) -> bool:
        return self.outcome == "rejected" or any(picture.get("error") for picture in self.pictures)

    def line(self) -> str:
        """One line for the command's output and the desk's report."""
        if self.outcome == "rejected":
            return f"rejected  {self.name}: {self.reason}"
        text = f"{self.outcome:<9} {self.format:<9} {self.guid}  {self.headline}"
        return f"{text}  ({self.reason})" if self.reason else text


def is_picture_name(name: str) -> bool:
    return PurePosixPath(name).suffix.lower() in PICTURE_SUFFIXES


def reject(*, name: str, reason: str, data: bytes, source: str, entry: WireEntry | None = None) -> WireRejection:
    """Set a file aside with its reason; its bytes go to private storage for a person to look at."""
    with transaction.atomic():
        rejection = WireRejection(name=name[:255], reason=reason, source=source, size_bytes=len(data), entry=entry)
        if data:
            rejection.raw_file.save(
                get_valid_filename(PurePosixPath(name).name) or "file", ContentFile(data), save=False
            )
        rejection.save()
    return rejection


# --- Batches -------------------------------------------------------------------------------------------


def wire_ingest_batch(files: Iterable[tuple[str, bytes]], *, source: str = "command") -> list[IngestOutcome]:
    """Ingest several files delivered together: pictures among them are found by the items' file names."""
    files = list(files)
    pictures = {PurePosixPath(name).name: data for name, data in files if is_picture_name(name)}
    outcomes: list[IngestOutcome] = []
    for name, data in files:
        if is_picture_name(name):
            continue
        if name.lower().endswith(".zip") or data[:4] == b"PK\x03\x04":
            outcomes.extend(wire_ingest_zip(data=data, name=name, source=source))
        else:
            outcomes.extend(wire_ingest_file(data=data, name=name, source=source, siblings=pictures))
    return outcomes


def wire_ingest_path(path: Path, *, source: str = "command") -> list[IngestOutcome]:
    """A file, a zip or a folder (its files, not its subfolders) on disk."""
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
        return wire_ingest_batch(((p.name, p.read_bytes()) for p in files), source=source)
    return wire_ingest_batch([(path.name, path.read_bytes())], source=source)


def _zip_problem(archive: zipfile.ZipFile) -> str:
    members = [info for info in archive.infolist() if not info.is_dir()]
    if len(members) > ZIP_MAX_MEMBERS:
        return f"the zip holds {len(members)} files; at most {ZIP_MAX_MEMBERS} are taken from one zip"
    for info in members:
        parts = PurePosixPath(info.filename.replace("\\", "/")).parts
        if info.filename.startswith(("/", "\\")) or ".." in parts or (parts and ":" in parts[0]):
            return (
                f"the zip holds a file named '{info.filename}', which points outside the zip "
                "(path traversal); the whole zip is refused"
            )
    total = sum(info.file_size for info in members)
    if total > ZIP_MAX_BYTES:
        return (
            f"the zip unpacks to {total / 1024 / 1024:.0f} MB; at most {ZIP_MAX_BYTES // 1024 // 1024} MB "
            "is taken from one zip"
        )
    for info in members:
        if info.file_size > 1024 * 1024 and info.file_size > ZIP_MAX_RATIO * max(info.compress_size, 1):
            return (
                f"'{info.filename}' in the zip unpacks to {info.file_size / 1024 / 1024:.0f} MB from "
                f"{info.compress_size} bytes (a zip bomb); the whole zip is refused"
            )
    return ""


def wire_ingest_zip(*, data: bytes, name: str, source: str = "command") -> list[IngestOutcome]:
    """A zip of wire files and their pictures; refused whole when it is unsafe to unpack."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            problem = _zip_problem(archive)
            files = []
            if not problem:
                for info in archive.infolist():
                    if info.is_dir() or PurePosixPath(info.filename).name.startswith("."):
                        continue
                    with archive.open(info) as member:
                        content = member.read(info.file_size + 1)
                    if len(content) > info.file_size:
                        problem = f"'{info.filename}' in the zip is larger than the zip says; the zip is refused"
                        break
                    files.append((f"{name}/{info.filename}", content))
    # What zipfile raises for a file it cannot read: damaged or truncated (BadZipFile, EOFError), ZIP64
    # it was told not to read (LargeZipFile), a compression method it does not know (NotImplementedError),
    # an encrypted member or a bad header field (ValueError).
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError, ValueError) as error:
        problem = f"the file is not a zip that can be read ({error})"
    if problem:
        reject(name=name, reason=problem, data=data, source=source)
        return [IngestOutcome(name=name, outcome="rejected", reason=problem)]
    # Nested zips are not opened: one level is what agencies send.
    nested = [(member, content) for member, content in files if member.lower().endswith(".zip")]
    outcomes = [
        IngestOutcome(name=member, outcome="rejected", reason="a zip inside a zip is not opened; send it on its own")
        for member, _ in nested
    ]
    for member, content in nested:
        reject(name=member, reason=outcomes[0].reason, data=content, source=source)
    return outcomes + wire_ingest_batch([f for f in files if not f[0].lower().endswith(".zip")], source=source)


# --- One file --------------------------------------------------------------------------------------------


def wire_ingest_file(
    *, data: bytes, name: str, source: str = "command", siblings: dict[str, bytes] | None = None
) -> list[IngestOutcome]:
    """Read one wire file and store each of its items; `siblings` are picture files delivered with it, by name."""
    try:
        items = read_wire_file(data, name=name)
    except WireError as error:
        reject(name=name, reason=error.reason, data=data, source=source)
        return [IngestOutcome(name=name, outcome="rejected", reason=error.reason)]
    outcomes = []
    for item in items:
        try:
            outcomes.append(_ingest_item(item, data=data, name=name, source=source, siblings=siblings or {}))
        except Exception as error:  # a database or storage failure on one item: set aside, go on
            logger.exception("Storing wire item %s from %s failed", item.guid, name)
            reason = f"item {item.guid} could not be stored ({error.__class__.__name__}: {error})"
            reject(name=name, reason=reason, data=data, source=source)
            outcomes.append(
                IngestOutcome(name=name, outcome="rejected", format=item.format, guid=item.guid, reason=reason)
            )
    return outcomes


def _entry_fields(item: WireItem, data: dict) -> dict:
    return {
        "version": item.version,
        "format": item.format,
        "kind": item.kind,
        "provider": item.provider[:200],
        "headline": item.headline[:500],
        "slugline": item.slugline[:200],
        "urgency": item.urgency,
        "pub_status": item.pub_status,
        "first_created": item.first_created,
        "version_created": item.version_created,
        "embargoed": item.embargoed,
        "data": data,
    }


def _ingest_item(item: WireItem, *, data: bytes, name: str, source: str, siblings: dict[str, bytes]) -> IngestOutcome:
    stored = item_data(item)
    digest = content_hash(stored)
    outcome = IngestOutcome(name=name, outcome="ingested", format=item.format, guid=item.guid, headline=item.headline)
    raw_name = get_valid_filename(PurePosixPath(name).name) or "wire"
    with transaction.atomic():
        entry = WireEntry.objects.select_for_update().filter(guid=item.guid).first()
        if entry is not None and item.version <= entry.version:
            outcome.outcome, outcome.entry_id = "duplicate", entry.pk
            outcome.reason = (
                f"already held as version {entry.version}"
                if item.version == entry.version
                else f"version {item.version} is older than version {entry.version} already held"
            )
            return outcome
        if entry is None and WireEntryVersion.objects.filter(content_hash=digest).exists():
            outcome.outcome, outcome.reason = "duplicate", "the same content is already held"
            return outcome
        if entry is None:
            entry = WireEntry(guid=item.guid, content_hash=digest, file_name=name[:255], source=source)
        else:
            outcome.outcome = "updated"
        for key, value in _entry_fields(item, stored).items():
            setattr(entry, key, value)
        entry.content_hash, entry.file_name, entry.source = digest, name[:255], source
        entry.raw_file.save(raw_name, ContentFile(data), save=False)
        earlier = {p["id"]: p for p in entry.pictures if p.get("photo_id")} if entry.pk else {}
        entry.pictures = _import_pictures(item, entry=entry, siblings=siblings, source=source, earlier=earlier)
        entry.save()
        WireEntryVersion.objects.create(
            entry=entry,
            version=item.version,
            pub_status=item.pub_status,
            data=stored,
            content_hash=digest,
            raw_file=entry.raw_file.name,
        )
        if outcome.outcome == "updated":
            links = WireStoryLink.objects.filter(entry=entry)
            links.filter(version__lt=item.version).update(agency_updated=True)
            if item.is_kill:
                links.update(agency_killed=True)
                outcome.reason = "the agency killed this item"
    outcome.entry_id, outcome.pictures = entry.pk, entry.pictures
    return outcome


# --- Pictures --------------------------------------------------------------------------------------------


def _file_names(picture: WirePicture) -> list[str]:
    names = []
    # A picture with no renditions may name its file by its own URI (ninjs associations do).
    hrefs = [rendition.href for rendition in picture.renditions] or [picture.id]
    for href, name in zip(hrefs, [r.name for r in picture.renditions] or [""], strict=False):
        for candidate in (PurePosixPath(urlparse(href).path).name, name):
            if candidate and candidate not in names and (picture.renditions or is_picture_name(candidate)):
                names.append(candidate)
    return names


def _photo_fields(picture: WirePicture, item: WireItem) -> dict:
    credit = picture.credit or picture.byline or item.credit or item.provider
    fields = {
        "caption": picture.caption,
        "headline": picture.headline[:300],
        "alt_text": picture.alt_text[:400],
        "credit": credit[:200],
        "photographer": picture.byline[:200],
        "source": item.provider[:200],
        "copyright": (picture.copyright or item.copyright)[:300],
        "usage_terms": (picture.usage_terms or item.usage_terms)[:300],
    }
    if picture.digital_source_type in DigitalSourceType.values:
        fields["digital_source_type"] = picture.digital_source_type
    return fields


def _import_pictures(
    item: WireItem, *, entry: WireEntry, siblings: dict[str, bytes], source: str, earlier: dict[str, dict]
) -> list[dict]:
    """Each picture of the item: imported (or found already in the library), refused with the photo
    desk's reason, remote only (recorded, not fetched: this server fetches nothing), or missing.

    A later version sent without its pictures keeps the photos an earlier version brought (`earlier`, by id).
    """
    results = []
    for picture in item.pictures:
        names = _file_names(picture)
        result = {"id": picture.id, "caption": picture.caption, "credit": picture.credit, "file": "", "photo_id": None}
        found = next((file_name for file_name in names if file_name in siblings), "")
        if not found and picture.id in earlier:
            result.update(file=earlier[picture.id].get("file", ""), photo_id=earlier[picture.id]["photo_id"])
        elif found:
            result["file"] = found
            upload = photo_create(
                fileobj=io.BytesIO(siblings[found]), name=found, user=None, overrides=_photo_fields(picture, item)
            )
            photo = upload.photo or upload.duplicate_of
            if photo is not None:
                result["photo_id"] = photo.pk
            else:
                result["error"] = upload.error
                if entry.pk is None:
                    entry.save()
                reject(name=found, reason=upload.error, data=siblings[found], source=source, entry=entry)
        else:
            hrefs = [r.href for r in picture.renditions] or [picture.id]
            remote = [href for href in hrefs if href.startswith(("http://", "https://"))]
            if remote:
                result["remote"] = remote[0]
            else:
                result["missing"] = (
                    f"the picture file {names[0] if names else picture.id!r} was not delivered with the item"
                )
        results.append(result)
    return results


def wire_inbox() -> Path | None:
    value = getattr(settings, "NEWSROOM_WIRE_INBOX", "")
    return Path(value) if value else None
