"""Bring agency copy in: `ingest_wire PATH...` (files, folders, zips) or `ingest_wire --watch` (the inbox folder).

One line per item: outcome, format, GUID, headline (or the reason it was refused). Exit status 1 when any
item or picture was refused. No login: this is the desk's own machine talking.
"""

import signal
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.wire.ingest import IngestOutcome, is_picture_name, wire_inbox, wire_ingest_batch, wire_ingest_path


class Command(BaseCommand):
    help = "Ingest NITF, NewsML-G2 and ninjs files (and the pictures delivered with them) into the wire desk."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", help="Files, folders or zip files.")
        parser.add_argument(
            "--watch", action="store_true", help="Poll NEWSROOM_WIRE_INBOX until stopped (Ctrl-C or SIGTERM)."
        )
        parser.add_argument("--interval", type=float, default=10.0, help="Seconds between polls (default 10).")

    def handle(self, *args, paths, watch, interval, **options):
        if watch:
            return self.watch(interval)
        if not paths:
            raise CommandError("Give one or more files, folders or zip files, or --watch to poll the inbox folder.")
        missing = [path for path in paths if not Path(path).exists()]
        if missing:
            raise CommandError("No such file or folder: " + ", ".join(missing))
        outcomes = []
        for path in paths:
            outcomes.extend(self.report(wire_ingest_path(Path(path), source="command")))
        self.summary(outcomes)
        if any(outcome.rejected for outcome in outcomes):
            raise SystemExit(1)

    def report(self, outcomes: list[IngestOutcome]) -> list[IngestOutcome]:
        for outcome in outcomes:
            style = self.style.ERROR if outcome.outcome == "rejected" else self.style.SUCCESS
            self.stdout.write(style(outcome.line()))
            for picture in outcome.pictures:
                label = picture.get("file") or picture["id"]
                if picture.get("error"):
                    self.stdout.write(self.style.ERROR(f"  picture refused  {label}: {picture['error']}"))
                elif picture.get("remote"):
                    self.stdout.write(f"  picture remote   {picture['remote']} (recorded, not fetched)")
                elif picture.get("missing"):
                    self.stdout.write(self.style.WARNING(f"  picture missing  {picture['missing']}"))
                else:
                    self.stdout.write(f"  picture          {label} → photo no. {picture['photo_id']}")
        return outcomes

    def summary(self, outcomes: list[IngestOutcome]) -> None:
        counts = {}
        for outcome in outcomes:
            counts[outcome.outcome] = counts.get(outcome.outcome, 0) + 1
        self.stdout.write(", ".join(f"{count} {name}" for name, count in counts.items()) or "Nothing to ingest.")

    # --- The inbox ---------------------------------------------------------------------------------------

    def watch(self, interval: float) -> None:
        inbox = wire_inbox()
        if inbox is None:
            raise CommandError(
                "No inbox folder is set. Set NEWSROOM_WIRE_INBOX to the folder agencies deliver to, e.g. "
                "NEWSROOM_WIRE_INBOX=/srv/wire/inbox python manage.py ingest_wire --watch"
            )
        if not inbox.is_dir():
            raise CommandError(f"NEWSROOM_WIRE_INBOX is {inbox}, which is not a folder.")
        self.stopping = False

        def stop(signum, frame):
            self.stopping = True

        previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
        self.stdout.write(f"Watching {inbox} every {interval:g}s; Ctrl-C to stop.")
        try:
            while not self.stopping:
                self.poll(inbox)
                waited = 0.0
                while not self.stopping and waited < interval:
                    time.sleep(min(0.2, interval))
                    waited += 0.2
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        self.stdout.write("Stopped.")

    def poll(self, inbox: Path) -> None:
        """Each wire file in the inbox, with the pictures lying beside it, then moved to processed/ or rejected/."""
        # A file changed in the last second may still be being written: it waits for the next poll.
        settled = time.time() - 1
        files = sorted(
            p for p in inbox.iterdir() if p.is_file() and not p.name.startswith(".") and p.stat().st_mtime < settled
        )
        pictures = {p.name: p for p in files if is_picture_name(p.name)}
        for path in files:
            if self.stopping:
                return
            if path.name in pictures:
                continue
            batch = [(path.name, path.read_bytes())] + [(p.name, p.read_bytes()) for p in pictures.values()]
            outcomes = self.report(wire_ingest_batch(batch, source="inbox"))
            used = {picture.get("file") for outcome in outcomes for picture in outcome.pictures}
            refused = any(outcome.outcome == "rejected" for outcome in outcomes)
            self.move(path, inbox / ("rejected" if refused else "processed"))
            for name in used & set(pictures):
                self.move(pictures.pop(name), inbox / "processed")

    @staticmethod
    def move(path: Path, folder: Path) -> None:
        folder.mkdir(exist_ok=True)
        target = folder / path.name
        stem, number = path.stem, 1
        while target.exists():
            number += 1
            target = folder / f"{stem}-{number}{path.suffix}"
        path.rename(target)
