"""The desk's story list pages by number, but never counts more than it must."""

from django.core.paginator import Paginator
from django.utils.functional import cached_property


class CappedCountPaginator(Paginator):
    """For the desk's story list: counts at most ``cap`` + 1 rows, in a bounded subquery.

    Counting every story to print "98,213 stories" read a whole index of the stories table on
    each changelist view. Past ``cap`` the count stops, the list says "more than 10,000" and its
    page links reach the first ``cap`` stories; filters and search narrow it from there.
    """

    cap = 10_000

    @cached_property
    def count(self):
        # Only the ids, in no order: the rows are counted, not shown.
        return self.object_list.order_by().values("pk")[: self.cap + 1].count()

    @property
    def capped(self) -> bool:
        return self.count > self.cap

    @property
    def cap_display(self) -> str:
        return f"{self.cap:,}"
