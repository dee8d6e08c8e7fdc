"""Numbered pages of a list, written once for the staff queues and the public lists.

`paginate` reads one page of a queryset: its rows, the number of rows in all, and the page
count. A page number past the last page is the last page (and below 1 the first), so a link
kept while the list shrank still shows rows; the parsing of the number (a form's
IntegerField, min 1) refuses what is not a number. The template `includes/pager.html` draws
首页 上一页 1 … 4 5 6 … 20 下一页 尾页 and a box to jump to a page.

`fetch=` reads the page in two steps: the primary keys at the offset (from an index alone
when the order and the filters are indexed), then `fetch(keys)`, the rows of those keys with
what the page shows of them (joins, annotations), looked up by key alone. Skipping 50,000
keys of an index costs a few milliseconds where skipping 50,000 whole rows costs a hundred
(docs/catalog.md: the public catalogue at 50,000 items).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from django.db.models import QuerySet


@dataclass
class NumberedPage:
    items: list
    count: int  # rows in all the pages
    number: int  # 1-based
    pages: int  # at least 1 (an empty list has one, empty, page)
    size: int

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.pages

    @property
    def previous_number(self) -> int:
        return max(1, self.number - 1)

    @property
    def next_number(self) -> int:
        return min(self.pages, self.number + 1)

    @property
    def start_index(self) -> int:
        """The 1-based position of the page's first row (0 on an empty list)."""
        return (self.number - 1) * self.size + 1 if self.count else 0

    @property
    def end_index(self) -> int:
        return self.start_index + len(self.items) - 1 if self.items else 0

    def window(self, around: int = 2) -> list[int | None]:
        """The page numbers to link: the first, the last, and `around` on each side of the
        current page; None where numbers are left out (drawn as …)."""
        shown = {1, self.pages, *range(self.number - around, self.number + around + 1)}
        numbers = sorted(n for n in shown if 1 <= n <= self.pages)
        out: list[int | None] = []
        for n in numbers:
            if out and n - out[-1] > 1:
                # A gap of one number is shown as the number itself, not as "…".
                out.append(n - 1 if n - out[-1] == 2 else None)
            out.append(n)
        return out


def page_count(count: int, size: int, *, max_pages: int | None = None) -> int:
    pages = max(1, math.ceil(count / size))
    return min(pages, max_pages) if max_pages else pages


def clamp(number: int | None, pages: int) -> int:
    """A requested page number within 1…pages (past the end: the last page)."""
    return min(max(1, number or 1), pages)


def paginate(
    rows: QuerySet | Sequence,
    number: int | None,
    *,
    size: int,
    count: int | None = None,
    fetch: Callable[[list], Iterable] | None = None,
) -> NumberedPage:
    """Page `number` (1-based; None: the first) of `rows`, an ordered queryset or a list.

    `count` when the caller knows it (a capped search total); `fetch` reads the keys first,
    then the rows (see the module's docstring)."""
    if count is None:
        count = rows.count() if isinstance(rows, QuerySet) else len(rows)
    pages = page_count(count, size)
    number = clamp(number, pages)
    start = (number - 1) * size
    if fetch is not None and isinstance(rows, QuerySet):
        keys = list(rows.values_list("pk", flat=True)[start : start + size])
        fetched = {row.pk: row for row in fetch(keys)} if keys else {}
        items = [fetched[key] for key in keys if key in fetched]
    else:
        items = list(rows[start : start + size])
    return NumberedPage(items, count, number, pages, size)
