"""Reads of the catalogue: the public column, search with snippets, the office's work lists and
the Art. 26 flag (the catalogue's pages are in listing.py, the annual report's counts in
counts.py)."""

import datetime
import html
import re
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    CharField,
    Count,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.safestring import mark_safe

from gongkai.agencies.models import Agency
from gongkai.agencies.permissions import agency_ids_with
from gongkai.agencies.roles import Capability
from gongkai.core.paging import NumberedPage, page_count
from gongkai.deadlines.compute import explain_period
from gongkai.deadlines.display import DeadlineShown, deadline_shown
from gongkai.deadlines.models import Deadline
from gongkai.deadlines.selectors import deadlines_of
from gongkai.deadlines.services import limit_for
from gongkai.regimes import Regime, TimeLimit
from gongkai.search.backends import SearchQuery, get_backend
from gongkai.search.backends.base import RELEVANCE_WINDOW

from .models import Attachment, Category, ChannelRecord, Item
from .states import PUBLIC, UNPUBLISHED, WAS_PUBLISHED, ItemStatus
from .text import plain_text

PAGE_SIZE = 20


def public_items():
    # One status, compared for equality: the pages and their counts read the (agency, status,
    # published_at, id) indexes alone. A published item is always 主动公开 (the check
    # constraint item_published_is_active_and_dated), so the status says it all; asking for the
    # disclosure too made every count and skipped page read the rows (10x slower at 50,000).
    return Item.objects.filter(status=ItemStatus.PUBLISHED)


def public_item(agency_code: str, public_id) -> Item | None:
    """The item behind a public URL: published, or withdrawn (shown as a notice)."""
    return (
        Item.objects.filter(
            agency__code=agency_code,
            public_id=public_id,
            status__in=WAS_PUBLISHED,
        )
        .select_related("agency", "issuer", "interprets", "replaced_by", "normative")
        .first()
    )


def referable_items(agency: Agency | None = None):
    """Items a record may point at (the policy an interpretation explains, the file that
    replaces a revised one, a consultation's final decision): any item of `agency`, whose staff
    see them all, and the published items of every agency. Another agency's draft, 不予公开 or
    withdrawn item is not among them: a reference to it is "not found", whatever 索引号 is
    guessed, and reveals nothing."""
    visible = Q(status__in=sorted(PUBLIC))
    if agency is not None:
        visible |= Q(agency=agency)
    return Item.objects.filter(visible)


def years_with_items(agency: Agency) -> list[int]:
    """The years (in the site's time zone) in which the agency published an item still public,
    newest first: the newest item before each year found, one index seek per year (the
    `item_public` index), rather than truncating the date of every item (1 s at 50,000)."""
    newest_first = (
        public_items()
        .filter(agency=agency, published_at__isnull=False)
        .order_by("-published_at", "-pk")
        .values_list("published_at", flat=True)
    )
    years, before = [], None
    while True:
        rows = newest_first if before is None else newest_first.filter(published_at__lt=before)
        newest = rows.first()
        if newest is None:
            return years
        years.append(timezone.localtime(newest).year)
        before = timezone.make_aware(datetime.datetime(years[-1], 1, 1))


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
    # The snippets quote the files the public may see: never an original's.
    public_files = Prefetch("attachments", queryset=Attachment.objects.public())
    by_id = {item.pk: item for item in items.prefetch_related(public_files)}
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


def search_item_ids(*, text: str, order: str = "relevance", limit: int = PAGE_SIZE) -> list[int]:
    """The ids the index finds for `text`, best first, without reading the items or making
    snippets (a caller that only needs which items match: the already-published check of an
    application). An id may be of an item withdrawn since it was indexed: filter with
    public_items() before showing it."""
    return get_backend().search(SearchQuery(text=text, order=order, limit=limit)).doc_ids


def search_page(*, number: int | None, **criteria) -> tuple[SearchResult, NumberedPage]:
    """Numbered page `number` of a search (`criteria` as for `search`), and its pager. A
    search reads at most RELEVANCE_WINDOW matches, so its pages end there (50 of 20); past the
    last page is the last page."""
    most = RELEVANCE_WINDOW // PAGE_SIZE
    number = min(max(1, number or 1), most)
    result = search(offset=(number - 1) * PAGE_SIZE, **criteria)
    pages = page_count(result.total, PAGE_SIZE, max_pages=most)
    if number > pages:
        number = pages
        result = search(offset=(number - 1) * PAGE_SIZE, **criteria)
    return result, NumberedPage(result.hits, result.total, number, pages, PAGE_SIZE)


# The office -----------------------------------------------------------------------------------


def office_items(
    user,
    *,
    status: str = "",
    agency_id: int | None = None,
    text: str = "",
    category: Category | None = None,
    year: int | None = None,
    channel: str = "",
    overdue: bool = False,
    today: datetime.date | None = None,
):
    """Every item of the user's agencies, last changed first, by the staff list's filters:
    `year` of the 生成日期, `channel` one it was published on, `overdue` past its publication
    period (Art. 26) and still unpublished."""
    queryset = Item.objects.visible_to(user).select_related("agency", "author")
    if status:
        queryset = queryset.filter(status=status)
    if agency_id:
        queryset = queryset.filter(agency_id=agency_id)
    if text:
        queryset = queryset.filter(
            Q(title__contains=text) | Q(index_number__contains=text) | Q(doc_number__contains=text)
        )
    if category is not None:
        queryset = queryset.filter(categories=category)
    if year:
        queryset = queryset.filter(
            created_on__gte=datetime.date(year, 1, 1), created_on__lte=datetime.date(year, 12, 31)
        )
    if channel:
        queryset = queryset.filter(
            Exists(ChannelRecord.objects.filter(item=OuterRef("pk"), channel=channel))
        )
    if overdue:
        late = _publication_deadlines().filter(due__lt=today or timezone.localdate())
        queryset = queryset.filter(
            Exists(late.filter(object_id=Cast(OuterRef("pk"), CharField()))),
            disclosure=Item.Disclosure.ACTIVE,
            status__in=sorted(UNPUBLISHED),
        )
    return queryset.order_by("-updated_at", "-pk")


def office_rows(keys) -> QuerySet[Item]:
    """The office list's rows of these items (a page's keys, from `office_items`), by key: the
    keys of a deep page are read from the `item_office` index alone (core/paging.py)."""
    return Item.objects.filter(pk__in=keys).select_related("agency", "author")


def review_queue(user):
    """Submissions this user may review: their agencies' items, not their own."""
    agencies = agency_ids_with(user, Capability.REVIEW)
    return (
        Item.objects.filter(status=ItemStatus.SUBMITTED, agency_id__in=agencies)
        .exclude(author=user)
        .select_related("agency", "author")
        .order_by("updated_at", "pk")
    )


@dataclass
class PublicationDeadline:
    """An unpublished 主动公开 item's open publication deadline, with its rule and, once its
    date is known, how it was found (day by day, from the stored trace)."""

    deadline: Deadline
    regime: Regime
    limit: TimeLimit
    explanation: list[str]
    shown: DeadlineShown  # date, urgency today, 暂定 (the deadlines' one display)

    @property
    def due(self) -> datetime.date | None:
        return self.deadline.due

    @property
    def pending_reason(self) -> str:
        return self.deadline.pending_reason


def publication_deadline(item: Item) -> PublicationDeadline | None:
    """The item's open publication deadline (2019 Art. 26; 2008 Art. 18 for an item drafted
    before 2019-05-15), or None once it is out or when it is not 主动公开."""
    deadline = deadlines_of(subject=item).filter(kind=Deadline.Kind.PUBLICATION).first()
    if deadline is None:
        return None
    regime, limit = deadline.regime_obj, limit_for(deadline)
    explanation = (
        explain_period(
            regime=regime, limit=limit, start=deadline.start, due=deadline.due, trace=deadline.trace
        )
        if deadline.due is not None
        else []
    )
    shown = deadline_shown(deadline, explanation=explanation)
    return PublicationDeadline(deadline, regime, limit, explanation, shown)


def _publication_deadlines() -> QuerySet[Deadline]:
    return Deadline.objects.filter(
        content_type=ContentType.objects.get_for_model(Item),
        kind=Deadline.Kind.PUBLICATION,
        is_open=True,
    )


def _unpublished_with_deadline(user, agency_ids) -> QuerySet[Item]:
    """Unpublished 主动公开 items annotated with their open publication deadline's due date,
    pending reason and regime (one query)."""
    deadlines = _publication_deadlines().filter(object_id=Cast(OuterRef("pk"), CharField()))
    queryset = Item.objects.filter(disclosure=Item.Disclosure.ACTIVE, status__in=UNPUBLISHED)
    if user is not None:
        queryset = queryset.filter(agency_id__in=agency_ids_with(user, Capability.VIEW))
    if agency_ids is not None:
        queryset = queryset.filter(agency_id__in=agency_ids)
    return queryset.annotate(
        publication_due=Subquery(deadlines.values("due")[:1]),
        publication_pending=Subquery(deadlines.values("pending_reason")[:1]),
        publication_regime=Subquery(deadlines.values("regime")[:1]),
    ).select_related("agency")


def overdue_unpublished(
    user=None, *, today: datetime.date | None = None, agency_ids=None
) -> list[tuple[Item, datetime.date]]:
    """主动公开 items not yet published after their publication period (counted in working days
    from their 生成日期): their open deadline fell before today. Each item carries
    `publication_regime`, the regime whose period it is."""
    today = today or timezone.localdate()
    queryset = _unpublished_with_deadline(user, agency_ids).filter(publication_due__lt=today)
    return [(item, item.publication_due) for item in queryset.order_by("created_on", "pk")]


def publication_pending(user=None, *, agency_ids=None) -> list[tuple[Item, str]]:
    """Unpublished 主动公开 items whose publication deadline cannot be computed yet (the holiday
    arrangement of a year it reaches is not loaded), with the reason."""
    queryset = _unpublished_with_deadline(user, agency_ids).filter(
        publication_due__isnull=True, publication_pending__gt=""
    )
    return [(item, item.publication_pending) for item in queryset.order_by("created_on", "pk")]
