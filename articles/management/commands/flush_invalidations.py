"""Purge what the invalidation outbox holds (articles/reader/invalidation.py): once, or with --watch
every few seconds until stopped. Readers' requests also replay it; this is for when there are none."""

import time

from django.core.management.base import BaseCommand

from articles.models import PendingPurge
from articles.reader import invalidation


class Command(BaseCommand):
    help = "Purge the page cache and the edge nodes of the keys waiting in the invalidation outbox."

    def add_arguments(self, parser):
        parser.add_argument("--watch", action="store_true", help="Keep flushing until stopped (Ctrl-C).")
        parser.add_argument("--interval", type=float, default=2.0, help="Seconds between flushes with --watch.")

    def handle(self, *args, watch: bool = False, interval: float = 2.0, **options):
        while True:
            waiting = PendingPurge.objects.count()
            if invalidation.flush():
                if waiting or not watch:
                    self.stdout.write(f"Purged {waiting} pending invalidation(s).")
            else:
                left = PendingPurge.objects.first()
                self.stderr.write(f"Purge failed, {PendingPurge.objects.count()} kept for a retry: {left.last_error}")
                if not watch:
                    raise SystemExit(1)
            if not watch:
                return
            try:
                time.sleep(interval)
            except KeyboardInterrupt:
                return
