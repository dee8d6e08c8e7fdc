"""The one interface every search engine behind Gongkai implements.

A backend indexes `IndexDoc`s and answers `SearchQuery`s with doc ids. The semantics are fixed
by `gongkai.search.tokens` (overlapping CJK bigrams, whole words, AND of terms); a backend that
returns anything else is wrong, and tests/search checks each one against `tokens.matches`.
Filters ("facets") are exact values, OR within a facet and AND across facets.
"""

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils import timezone

from .. import tokens

DOC_ID_BITS = 31
MAX_DOC_ID = (1 << DOC_ID_BITS) - 1
# One number bounds every search: a query reads the newest WINDOW matches (plus one, to know
# whether there are more), counts them, and ranks them by relevance. Ranking every one of
# 500,000 hits of a two-character query costs seconds and changes nothing on page one; the
# portal offers 50 pages of 20. Totals above it are shown as "more than 1,000".
RELEVANCE_WINDOW = 1000
COUNT_CAP = RELEVANCE_WINDOW


@dataclass(frozen=True)
class IndexDoc:
    doc_id: int
    published: datetime.datetime
    title: str
    body: str
    facets: dict[str, list[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class SearchQuery:
    text: str
    facets: dict[str, list[str]] = field(default_factory=dict)
    order: str = "relevance"  # or "date"
    offset: int = 0
    limit: int = 20

    @property
    def phrases(self) -> list[tokens.Phrase]:
        return tokens.parse_query(self.text)


@dataclass(frozen=True)
class SearchPage:
    doc_ids: list[int]
    total: int  # the matches read: all of them, or the window when total_capped
    total_capped: bool  # True: there are more than `total`


def sort_key(published: datetime.datetime, doc_id: int) -> int:
    if not 0 < doc_id <= MAX_DOC_ID:
        raise ValueError(f"doc_id out of range: {doc_id}")
    if timezone.is_naive(published):
        published = timezone.make_aware(published, datetime.UTC)
    seconds = max(0, int(published.timestamp()))
    return (seconds << DOC_ID_BITS) | doc_id


def doc_id_of(key: int) -> int:
    return key & MAX_DOC_ID


class SearchBackend:
    """Subclasses implement the four methods; all run in the caller's transaction."""

    name = "abstract"

    def index(self, docs: Iterable[IndexDoc]) -> int:
        """Add or replace documents; returns how many were written."""
        raise NotImplementedError

    def remove(self, doc_ids: Iterable[int]) -> None:
        raise NotImplementedError

    def clear(self) -> None:
        raise NotImplementedError

    def search(self, query: SearchQuery) -> SearchPage:
        raise NotImplementedError

    def size_bytes(self) -> int | None:
        """Disk used by the index, where the database can tell."""
        return None

    def optimize(self) -> None:
        """After a bulk load: merge segments, refresh planner statistics."""


def window_size(query: SearchQuery) -> int:
    """How many of the newest matches a query reads: the window, or further for a deep page."""
    return max(RELEVANCE_WINDOW, query.offset + query.limit)


def page_of(rows: list[tuple[int, float]], query: SearchQuery, window: int) -> SearchPage:
    """rows: (doc_id, score) newest first, at most window + 1 of them. Relevance sorts by
    score (higher is better), newest first among equals; date keeps the order."""
    capped = len(rows) > window
    rows = rows[:window]
    if query.order != "date":
        rows = sorted(rows, key=lambda row: -row[1])  # stable: newest first among equals
    ids = [doc_id for doc_id, _score in rows[query.offset : query.offset + query.limit]]
    return SearchPage(ids, len(rows), capped)


_FACET_KEY = re.compile(r"^[a-wyz]+$")  # no "x": it separates key from value
_FACET_VALUE = re.compile(r"^[0-9a-z]+$")


def facet_term(key: str, value) -> str:
    """One filter value as a single index term, e.g. ("agency", 12) -> "agencyx12"."""
    value = str(value).lower()
    if not _FACET_KEY.match(key) or not _FACET_VALUE.match(value):
        raise ValueError(f"bad facet {key}={value}")
    return f"{key}x{value}"


def facet_terms(facets: dict[str, list]) -> list[str]:
    return [facet_term(key, value) for key, values in facets.items() for value in values]
