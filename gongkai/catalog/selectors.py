"""Reads of the catalogue: the public column, keyset pages, search with snippets, the office's
work lists, the Art. 26 flag and the counts the annual report needs."""

import base64
import datetime
import html
import re
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.safestring import mark_safe

from gongkai.agencies.models import Agency
from gongkai.agencies.permissions import agency_ids_with
from gongkai.agencies.roles import Capability
from gongkai.core.errors import DomainError
from gongkai.regimes import REGIMES, regime_for
from gongkai.search.backends import SearchQuery, get_backend
from gongkai.workdays.calendar import YearNotLoaded
from gongkai.workdays.selectors import work_calendar

from .models import Category, ChannelRecord, Item
from .states import ItemStatus
from .text import plain_text

PAGE_SIZE = 20
COUNT_CAP = 10_000


def public_items():
    return Item.objects.filter(status=ItemStatus.PUBLISHED, disclosure=Item.Disclosure.ACTIVE)


def public_item(agency_code: str, public_id) -> Item | None:
    """The item behind a public URL: published, or withdrawn (shown as a notice)."""
    return (
        Item.objects.filter(
            agency__code=agency_code,
            public_id=public_id,
            status__in=[ItemStatus.PUBLISHED, ItemStatus.WITHDRAWN],
        )
        .select_related("agency", "issuer", "interprets", "replaced_by", "normative")
        .first()
    )


# Keyset pages ---------------------------------------------------------------------------------


@dataclass
class Page:
    items: list
    next_cursor: str | None
    total: int
    total_capped: bool


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
    total = queryset.values("pk")[: COUNT_CAP + 1].count()
    position = decode_cursor(cursor) if cursor else None
    if position is not None:
        when, pk = position
        queryset = queryset.filter(Q(published_at__lt=when) | Q(published_at=when, pk__lt=pk))
    rows = list(queryset.select_related("agency").order_by("-published_at", "-pk")[: size + 1])
    next_cursor = encode_cursor(rows[size - 1]) if len(rows) > size else None
    return Page(rows[:size], next_cursor, min(total, COUNT_CAP), total > COUNT_CAP)


def years_with_items(agency: Agency) -> list[int]:
    dates = public_items().filter(agency=agency).dates("published_at", "year", order="DESC")
    return [d.year for d in dates]


def categories_for(agency: Agency | None, facet: str | None = None):
    queryset = Category.objects.filter(is_active=True)
    queryset = (
        queryset.filter(Q(agency__isnull=True) | Q(agency=agency))
        if agency
        else queryset.filter(agency__isnull=True)
    )
    return queryset.filter(facet=facet) if facet else queryset


def statutory_sections(agency: Agency) -> list[tuple[Category, int]]:
    """The 法定主动公开内容 sub-columns with how many items each holds."""
    counts = dict(
        public_items()
        .filter(agency=agency)
        .values_list("categories")
        .annotate(n=Count("pk", distinct=True))
    )
    return [(c, counts.get(c.pk, 0)) for c in categories_for(agency, Category.Facet.STATUTORY)]


# Search ---------------------------------------------------------------------------------------


@dataclass
class Hit:
    item: Item
    title: str  # HTML with <mark>
    snippet: str  # HTML with <mark>


@dataclass
class SearchResult:
    hits: list[Hit]
    total: int
    total_capped: bool
    phrases: list


def _highlighter(phrases) -> re.Pattern | None:
    """A regex that finds the query terms in original text (case, width and punctuation
    between segments as the search treats them)."""
    alternatives = []
    for phrase in phrases:
        parts = []
        for chars in phrase.text.split(" "):
            parts.append("".join(_char_class(c) for c in chars))
        alternatives.append(r"[\W_]*".join(parts))
    return re.compile("|".join(alternatives), re.IGNORECASE) if alternatives else None


def _char_class(char: str) -> str:
    if char.isascii() and char.isalnum():
        wide = chr(ord(char) + 0xFEE0)
        return f"[{re.escape(char)}{re.escape(wide)}{re.escape(char.upper())}{chr(ord(char.upper()) + 0xFEE0)}]"
    return re.escape(char)


def highlight(text: str, pattern: re.Pattern | None, *, around: int | None = None) -> str:
    """Escaped `text` with matches in <mark>; with `around`, a window around the first match."""
    text = text or ""
    if around is not None:
        match = pattern.search(text) if pattern else None
        start = max(0, (match.start() if match else 0) - around)
        end = min(len(text), start + 2 * around + (match.end() - match.start() if match else 0))
        text = ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
    if pattern is None:
        return mark_safe(html.escape(text))
    out, last = [], 0
    for match in pattern.finditer(text):
        out.append(html.escape(text[last : match.start()]))
        out.append(f"<mark>{html.escape(match.group(0))}</mark>")
        last = match.end()
    out.append(html.escape(text[last:]))
    return mark_safe("".join(out))


def search(
    *,
    text: str,
    agency: Agency | None = None,
    subtree: bool = True,
    category: Category | None = None,
    year: int | None = None,
    validity: str = "",
    order: str = "relevance",
    offset: int = 0,
    limit: int = PAGE_SIZE,
) -> SearchResult:
    facets = {}
    if agency is not None:
        facets["agency" if subtree else "owner"] = [str(agency.pk)]
    if category is not None:
        facets["category"] = [str(category.pk)]
    if year:
        facets["year"] = [str(year)]
    if validity:
        facets["validity"] = [validity]
    query = SearchQuery(text=text, facets=facets, order=order, offset=offset, limit=limit)
    page = get_backend().search(query)
    items = public_items().filter(pk__in=page.doc_ids).select_related("agency")
    by_id = {item.pk: item for item in items.prefetch_related("attachments")}
    pattern = _highlighter(query.phrases)
    hits = []
    for doc_id in page.doc_ids:
        item = by_id.get(doc_id)
        if item is None:  # withdrawn between the index read and this one
            continue
        body = " ".join(
            p
            for p in (
                item.summary,
                plain_text(item.body),
                *(a.text for a in item.attachments.all()),
            )
            if p
        )
        hits.append(Hit(item, highlight(item.title, pattern), highlight(body, pattern, around=60)))
    return SearchResult(hits, page.total, page.total_capped, query.phrases)


# The office -----------------------------------------------------------------------------------


def office_items(user, *, status: str = "", agency_id: int | None = None, text: str = ""):
    queryset = Item.objects.visible_to(user).select_related("agency", "author")
    if status:
        queryset = queryset.filter(status=status)
    if agency_id:
        queryset = queryset.filter(agency_id=agency_id)
    if text:
        queryset = queryset.filter(
            Q(title__contains=text) | Q(index_number__contains=text) | Q(doc_number__contains=text)
        )
    return queryset.order_by("-updated_at", "-pk")


def review_queue(user):
    """Submissions this user may review: their agencies' items, not their own."""
    agencies = agency_ids_with(user, Capability.REVIEW)
    return (
        Item.objects.filter(status=ItemStatus.SUBMITTED, agency_id__in=agencies)
        .exclude(author=user)
        .select_related("agency", "author")
        .order_by("updated_at", "pk")
    )


def publication_due(item: Item) -> datetime.date | None:
    """The last day to publish: the regime's proactive-publication limit (2019 Art. 26, 2008
    Art. 18) from the 生成日期. None when the calendar lacks the year."""
    try:
        limit = regime_for(item.created_on).proactive_publication
        return work_calendar().add_workdays(item.created_on, limit.workdays)
    except (YearNotLoaded, DomainError):  # no calendar for the year, or before any regime
        return None


def min_publication_workdays() -> int:
    return min(r.proactive_publication.workdays for r in REGIMES.values())


def overdue_unpublished(
    user=None, *, today: datetime.date | None = None, agency_ids=None
) -> list[tuple[Item, datetime.date]]:
    """主动公开 items not yet published more than 20 working days after their 生成日期."""
    today = today or timezone.localdate()
    queryset = Item.objects.filter(
        disclosure=Item.Disclosure.ACTIVE,
        status__in=[ItemStatus.DRAFT, ItemStatus.SUBMITTED, ItemStatus.APPROVED],
        # A cheap bound first: no limit is shorter than this many calendar days.
        created_on__lt=today - datetime.timedelta(days=min_publication_workdays()),
    ).select_related("agency")
    if user is not None:
        queryset = queryset.filter(agency_id__in=agency_ids_with(user, Capability.VIEW))
    if agency_ids is not None:
        queryset = queryset.filter(agency_id__in=agency_ids)
    flagged = []
    for item in queryset.order_by("created_on", "pk"):
        due = publication_due(item)
        if due is not None and due < today:
            flagged.append((item, due))
    return flagged


# Counts for the annual report -----------------------------------------------------------------


def _in_year(queryset, field: str, year: int):
    start = timezone.make_aware(datetime.datetime(year, 1, 1))
    return queryset.filter(**{f"{field}__gte": start, f"{field}__lt": start.replace(year=year + 1)})


def published_items_in_year(agency_ids, year: int) -> QuerySet[Item]:
    """Items first published in `year` (withdrawn later or not: they were published)."""
    queryset = Item.objects.filter(
        agency_id__in=agency_ids, status__in=[ItemStatus.PUBLISHED, ItemStatus.WITHDRAWN]
    )
    return _in_year(queryset, "published_at", year)


def published_count(agency_ids, year: int) -> int:
    """主动公开 items first published in `year`."""
    return (
        published_items_in_year(agency_ids, year).filter(disclosure=Item.Disclosure.ACTIVE).count()
    )


def channel_counts(agency_ids, year: int) -> dict[str, int]:
    """Items per channel, by the channel's own publication date in `year`."""
    rows = (
        ChannelRecord.objects.filter(item__agency_id__in=agency_ids, published_on__year=year)
        .values_list("channel")
        .annotate(n=Count("item", distinct=True))
    )
    counts = dict.fromkeys(ChannelRecord.Channel.values, 0)
    counts.update(dict(rows))
    return counts


def interpretation_counts(agency_ids, year: int) -> dict[str, int]:
    queryset = _in_year(
        Item.objects.filter(
            agency_id__in=agency_ids,
            interprets__isnull=False,
            status__in=[ItemStatus.PUBLISHED, ItemStatus.WITHDRAWN],
        ),
        "published_at",
        year,
    )
    counts = dict.fromkeys(Item.InterpretationForm.values, 0)
    counts.update(dict(queryset.values_list("interpretation_form").annotate(n=Count("pk"))))
    counts["total"] = sum(v for k, v in counts.items() if k != "total")
    return counts


def normative_counts(agency_ids, year: int) -> dict[str, int]:
    """规范性文件: issued in the year, abolished in the year, in force at the year's end (issued
    by then, not abolished by then, not expired before it), in one query."""
    from .models import NormativeRecord

    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    in_force = (
        Q(issued_on__lte=end)
        & (Q(abolished_on__isnull=True) | Q(abolished_on__gt=end))
        & (Q(expires_on__isnull=True) | Q(expires_on__gte=end))
    )
    return NormativeRecord.objects.filter(item__agency_id__in=agency_ids).aggregate(
        issued=Count("pk", filter=Q(issued_on__gte=start, issued_on__lte=end)),
        abolished=Count("pk", filter=Q(abolished_on__gte=start, abolished_on__lte=end)),
        in_force=Count("pk", filter=in_force),
    )
