"""Pages of long lists of stories without counting all of them.

A section, tag or author can hold tens of thousands of live stories, and counting them all is
the dearest query of their pages (an index join over every one of them, several milliseconds on
PostgreSQL) only to print "of 312". Readers page through news by "newer" and "older", so the
public lists (UncountedPaginator) fetch one story more than they show to know whether an older
page exists, and count nothing. A page number past the end is empty, and answers 404 like any
other page that does not exist. (The desk's story list counts, but stops: articles/admin/pagination.py.)
"""

from django.core.paginator import EmptyPage, Page, PageNotAnInteger

# A billion pages of stories: no list is that long, and the offset still fits a 64-bit integer.
MAX_PAGE = 10**9


class UncountedPaginator:
    """Pages of a list, each knowing only whether a next one exists.

    It takes the arguments Django's Paginator takes, so ListView can build it, but it has no count,
    num_pages or page_range: nothing here could answer them without counting.
    """

    def __init__(self, object_list, per_page, orphans=0, allow_empty_first_page=True):
        self.object_list = object_list
        self.per_page = int(per_page)
        self.allow_empty_first_page = allow_empty_first_page

    def validate_number(self, number):
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger("That page number is not an integer.") from None
        if number < 1:
            raise EmptyPage("That page number is less than 1.")
        if number > MAX_PAGE:
            # Far past any list, and an offset the database could not hold.
            raise EmptyPage("That page contains no results.")
        return number

    def page(self, number):
        number = self.validate_number(number)
        start = (number - 1) * self.per_page
        # One more than a page: its presence says there is an older page.
        items = list(self.object_list[start : start + self.per_page + 1])
        has_next = len(items) > self.per_page
        items = items[: self.per_page]
        if not items and (number > 1 or not self.allow_empty_first_page):
            raise EmptyPage("That page contains no results.")
        return UncountedPage(items, number, self, has_next=has_next)


class UncountedPage(Page):
    def __init__(self, object_list, number, paginator, *, has_next: bool):
        super().__init__(object_list, number, paginator)
        self._has_next = has_next

    def __repr__(self):
        return f"<Page {self.number}>"

    def has_next(self):
        return self._has_next

    def next_page_number(self):
        if not self._has_next:
            raise EmptyPage("That page contains no results.")
        return self.number + 1

    def start_index(self):
        return (self.number - 1) * self.paginator.per_page + 1 if self.object_list else 0

    def end_index(self):
        return (self.number - 1) * self.paginator.per_page + len(self.object_list)
