import time

from django.core.management.base import BaseCommand, CommandError
from django.db import reset_queries

from articles.search import index


class Command(BaseCommand):
    help = (
        "Rebuild the full-text search index from every story, in batches. Search keeps working while it "
        "runs; safe to run again at any time."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch-size",
            type=int,
            default=1000,
            help="Stories read and written per transaction (default 1000).",
        )

    def handle(self, *args, batch_size, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be 1 or more.")
        started = time.monotonic()
        interactive = self.stdout.isatty()
        next_report = [0.0]

        def progress(done: int, total: int) -> None:
            # With DEBUG on, Django keeps every query it ran; a rebuild's would fill memory.
            reset_queries()
            share = done / total
            line = f"Indexed {done:,} of {total:,} stories ({share:.0%})"
            if interactive:
                # One line, rewritten in place.
                self.stdout.write(f"\r{line}", ending="")
                self.stdout.flush()
            elif share >= next_report[0] or done == total:
                # Logs get a line per tenth instead.
                self.stdout.write(line)
                next_report[0] = share + 0.1

        indexed, removed = index.rebuild_index(batch_size=batch_size, progress=progress)
        if interactive and indexed:
            self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(
                f"Search index rebuilt: {indexed:,} stories in {time.monotonic() - started:.1f}s"
                f"{f', {removed:,} stale entries removed' if removed else ''}."
            )
        )
