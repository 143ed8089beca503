from django.db import models


class PendingPurge(models.Model):
    """Surrogate keys whose cached pages must go: the outbox of articles/reader/invalidation.py.

    Written in the transaction that changes what readers see, so it commits or rolls back with the
    change; deleted once every cache copy (the app's page cache and each edge node) has purged them.
    While a row is here, pages carrying any of its keys are not served from the app's cache.
    """

    keys = models.TextField(help_text="Space-separated surrogate keys, e.g. 'story-12 section-3 home'.")
    created = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.keys
