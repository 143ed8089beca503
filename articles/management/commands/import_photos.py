import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.photos import services as photo_services


class Command(BaseCommand):
    help = (
        "Import photos from files or folders (searched recursively), with exactly the checks and "
        "metadata rules of the admin upload. Prints one line per file and exits with status 1 "
        "when any file was rejected."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Files or folders to import.")
        parser.add_argument("--credit", default="", help="Credit for files that carry none.")
        parser.add_argument("--source", default="", help="Agency or publication for files that name none.")
        parser.add_argument("--usage-terms", default="", help="Usage terms for every imported photo.")

    def handle(self, *args, paths, credit, source, usage_terms, **options):
        files = self._collect(paths)
        if not files:
            raise CommandError("No files found in " + ", ".join(paths) + ".")
        overrides = {"usage_terms": usage_terms}
        counts = {"imported": 0, "duplicate": 0, "rejected": 0}
        show_progress = len(files) > 20
        for number, path in enumerate(files, start=1):
            result = self._import(path, overrides, credit, source)
            counts[result.outcome] += 1
            prefix = f"[{number}/{len(files)}] " if show_progress else ""
            if result.outcome == "imported":
                self.stdout.write(f"{prefix}imported  {path}  → photo {result.photo.pk}")
            elif result.outcome == "duplicate":
                self.stdout.write(f"{prefix}duplicate {path}  → already photo {result.duplicate_of.pk}")
            else:
                self.stdout.write(self.style.ERROR(f"{prefix}rejected  {path}  {result.error}"))
        self.stdout.write(
            f"{counts['imported']} imported, {counts['duplicate']} duplicates, {counts['rejected']} rejected."
        )
        if counts["rejected"]:
            sys.exit(1)

    def _collect(self, paths) -> list[Path]:
        found = []
        for raw in paths:
            path = Path(raw)
            if path.is_dir():
                found.extend(sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")))
            elif path.is_file():
                found.append(path)
            else:
                raise CommandError(f"{raw}: no such file or folder.")
        return found

    def _import(self, path: Path, overrides, credit, source):
        try:
            handle = path.open("rb")
        except OSError as error:
            return photo_services.UploadResult(name=str(path), error=f"“{path}” cannot be read: {error.strerror}.")
        with handle:
            result = photo_services.photo_create(fileobj=handle, name=path.name, overrides=overrides)
        if result.photo is not None and (credit or source):
            changed = []
            if credit and not result.photo.credit:
                result.photo.credit = credit
                changed.append("credit")
            if source and not result.photo.source:
                result.photo.source = source
                changed.append("source")
            if changed:
                result.photo.save(update_fields=changed)
        return result
