"""The public catalogue's pages, newest first: numbered pages for people (首页 上一页 1 2 3 …
尾页) and keyset pages for programs (the API's `cursor`) and for links kept from before.

Measured at 50,000 published items of one agency (docs/performance.md): the exact count and
any numbered page read the (agency, status, published_at, id) index alone and then the page's
20 rows, so the last page costs about what the first does; keyset pages cost the same at any
depth and stay where a client walks the whole catalogue.
"""

import base64
import datetime
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone

from gongkai.agencies.models import Agency
from gongkai.core.paging import NumberedPage, paginate

from .models import Category, Item
from .selectors import PAGE_SIZE, public_items

COUNT_CAP = 10_000


@dataclass
class Page:
    items: list
    next_cursor: str | None
    total: int
    total_capped: bool


@dataclass
class CataloguePage(NumberedPage):
    """A numbered page that also says where a keyset walk would go on from it."""

    @property
    def total(self) -> int:
        return self.count

    @property
    def total_capped(self) -> bool:
        return False

    @property
    def next_cursor(self) -> str | None:
        return encode_cursor(self.items[-1]) if self.has_next and self.items else None


def encode_cursor(item: Item) -> str:
    raw = f"{item.published_at.isoformat()}|{item.pk}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime.datetime, int] | None:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        when, pk = raw.split("|")
        return datetime.datetime.fromisoformat(when), int(pk)
    except (ValueError, UnicodeDecodeError):
        return None


def _catalogue(
    *,
    agency: Agency | None,
    subtree: bool = False,
    category: Category | None = None,
    year: int | None = None,
    validity: str = "",
) -> QuerySet[Item]:
    queryset = public_items()
    if agency is not None:
        queryset = (
            queryset.filter(agency__path__startswith=agency.path)
            if subtree
            else queryset.filter(agency=agency)
        )
    if category is not None:
        queryset = queryset.filter(categories=category)
    if year:
        start = timezone.make_aware(datetime.datetime(year, 1, 1))
        queryset = queryset.filter(
            published_at__gte=start, published_at__lt=start.replace(year=year + 1)
        )
    if validity:
        queryset = queryset.filter(validity=validity)
    return queryset.select_related("agency").order_by("-published_at", "-pk")


def _rows(keys) -> QuerySet[Item]:
    # By key alone: with the list's filters too, SQLite would walk the index they match.
    return Item.objects.filter(pk__in=keys).select_related("agency")


def _after(queryset: QuerySet[Item], position) -> QuerySet[Item]:
    when, pk = position
    return queryset.filter(Q(published_at__lt=when) | Q(published_at=when, pk__lt=pk))


def catalogue_page(
    *,
    agency: Agency | None = None,
    subtree: bool = False,
    category: Category | None = None,
    year: int | None = None,
    validity: str = "",
    cursor: str = "",
    size: int = PAGE_SIZE,
) -> Page:
    """Newest first, by keyset on (published_at, id): page 5,000 costs what page 1 costs."""
    queryset = _catalogue(
        agency=agency, subtree=subtree, category=category, year=year, validity=validity
    )
    total = queryset.values("pk")[: COUNT_CAP + 1].count()
    position = decode_cursor(cursor) if cursor else None
    if position is not None:
        queryset = _after(queryset, position)
    rows = list(queryset[: size + 1])
    next_cursor = encode_cursor(rows[size - 1]) if len(rows) > size else None
    return Page(rows[:size], next_cursor, min(total, COUNT_CAP), total > COUNT_CAP)


def catalogue_numbered(
    *,
    agency: Agency,
    category: Category | None = None,
    year: int | None = None,
    validity: str = "",
    number: int | None = None,
    cursor: str = "",
    size: int = PAGE_SIZE,
) -> CataloguePage:
    """Page `number` of the agency's catalogue with the exact count; or, for a link that
    carries a keyset `cursor`, the page that follows it (a garbled cursor: the first page)."""
    queryset = _catalogue(agency=agency, category=category, year=year, validity=validity)
    position = decode_cursor(cursor) if cursor else None
    if position is not None:
        # The rows before the cursor, counted from the index, give the page's number.
        shown = queryset.count() - _after(queryset, position).count()
        number = shown // size + 1
    page = paginate(queryset, number, size=size, fetch=_rows)
    return CataloguePage(page.items, page.count, page.number, page.pages, page.size)
