"""PostgreSQL: a `tsvector` of the same bigram terms with a GIN index finds candidates; a LIKE
on the stored canonical text makes the answer exact.

Why not rely on tsvector phrase search (<->) alone: PostgreSQL keeps at most 256 positions per
lexeme and none beyond 16,383, so in a long attachment the later occurrences of a frequent
bigram lose their positions and phrase queries miss them. The lexemes themselves are never
lost, so "all the query's terms are present" (GIN) followed by the LIKE recheck is exact at any
length. The vector is built in Python and cast, not parsed: PostgreSQL's parser drops CJK
characters under the C locale.

A search needs the newest window + 1 matches. GIN returns matches in no useful order, and
every match it returns costs a read of its row (the LIKE, the sort key), so the plans below
make sure few rows are read beyond the ones kept:

* the walk: read the newest documents in sort-key order and recheck each; right when most
  documents match (工作), bounded when the estimate was wrong;
* one read of every match, when even an upper bound of the estimate says the query is rare;
* time slices otherwise: ask GIN only for the matches published in a period
  (time_slices.py), newest period first, sized from the estimate and then from the matches
  actually found, until the window is full.

A year filter bounds both to the period of that year, so 安全生产 in 2017 walks 2017's newest
documents instead of reading all 40,000 matches of that year.
"""

import math
from collections.abc import Iterable

from django.db import connection

from .. import tokens
from ..models import SearchDocument
from .base import (
    IndexDoc,
    SearchBackend,
    SearchPage,
    SearchQuery,
    facet_terms,
    page_of,
    sort_key,
    window_size,
)
from .postgres_estimates import (
    TermStatistics,
    estimated_share,
    forget_statistics,
    share_bound,
    term_statistics,
)
from .postgres_terms import (
    any_of_tsquery,
    candidates_tsquery,
    facet_tsquery,
    text_tsquery,
    tsvector_literal,
)
from .time_slices import (
    GRID,
    YEAR_ELSEWHERE,
    align_down,
    align_up,
    block_lexemes,
    coarse_level,
    cover,
    grid_ceil,
    grid_floor,
    key_at,
    seconds_of,
    year_is_consistent,
    year_period,
)

TABLE = SearchDocument._meta.db_table
KEY_LIMIT = (1 << 63) - 1  # above every sort key (a PostgreSQL bigint)
# Walk when at least this share of the documents is expected to match: the walk then reads
# about window / share rows, a time slice reads about the window plus its GIN work.
WALK_SHARE = 0.5
WALK_ROWS = 10_000  # a walk reads at most this many documents, then slices take over
# Periods are sized to hold this many times the matches still needed: the first from the
# estimate (an upper bound for a single phrase), the next ones from the matches found so far.
FIRST_SLICE_MARGIN = 1.1
NEXT_SLICE_MARGIN = 1.25
MAX_SLICES = 6  # the last slice takes the whole remaining period
# A query expected, at most, to match this many times the window is read in one step.
RARE_MATCHES = 3
FEW_FOUND = 100  # matches found, below which the last slice reads without time blocks


def _score_sql(query: SearchQuery) -> tuple[str, list]:
    """Relevance: one point per query term found in the title (the canonical text starts with
    the title, ended by two spaces), newest first among equals."""
    if query.order == "date":
        return "0", []
    parts, params = [], []
    for phrase in query.phrases:
        parts.append("(strpos(split_part(canonical_text, '  ', 1), %s) > 0)::int")
        params.append(tokens.like_pattern(phrase).strip("%"))
    return " + ".join(parts), params


def time_lexemes(doc: IndexDoc, key: int) -> list[str]:
    """The document's time blocks, and the mark of a year filter value that is not its
    publication year (see time_slices.YEAR_ELSEWHERE)."""
    lexemes = block_lexemes(seconds_of(key))
    if not all(year_is_consistent(key, str(year)) for year in doc.facets.get("year", ())):
        lexemes.append(YEAR_ELSEWHERE)
    return lexemes


class _Reader:
    """The statements of one search: rows come back as (doc_id, score, sort_key)."""

    def __init__(self, cursor, query: SearchQuery, stats: TermStatistics):
        self.cursor = cursor
        self.likes = [tokens.like_pattern(phrase) for phrase in query.phrases]
        self.like_sql = " AND ".join(["canonical_text LIKE %s"] * len(self.likes))
        self.score, self.score_params = _score_sql(query)
        self.candidates = candidates_tsquery(query, stats.share)
        self.facets = facet_tsquery(query)

    def walk(self, below: int, lowest: int, rows: int, limit: int) -> list[tuple]:
        """The matches among the newest `rows` documents with lowest <= sort key < below."""
        facet_sql, facet_params = (
            ("AND facet_tsv @@ %s::tsquery", [self.facets]) if self.facets else ("", [])
        )
        self.cursor.execute(
            f"SELECT doc_id, {self.score}, sort_key FROM (SELECT doc_id, sort_key, "
            f"canonical_text, facet_tsv FROM {TABLE} WHERE sort_key < %s AND sort_key >= %s "
            f"ORDER BY sort_key DESC LIMIT %s) AS newest WHERE {self.like_sql} {facet_sql} "
            "ORDER BY sort_key DESC LIMIT %s",
            [*self.score_params, below, lowest, rows, *self.likes, *facet_params, limit],
        )
        return self.cursor.fetchall()

    def slice(self, lexemes: list[str], below: int, limit: int, lowest: int = 0) -> list[tuple]:
        """The newest `limit` matches with lowest <= sort key < below, holding any of the time
        lexemes (none: the whole range). Terms and time are two conditions, so GIN skips
        through each with the other."""
        time_sql, time_params = (
            ("AND tsv @@ %s::tsquery", [any_of_tsquery(lexemes)]) if lexemes else ("", [])
        )
        self.cursor.execute(
            f"SELECT doc_id, {self.score}, sort_key FROM {TABLE} "
            f"WHERE tsv @@ %s::tsquery {time_sql} AND sort_key < %s AND sort_key >= %s "
            f"AND {self.like_sql} ORDER BY sort_key DESC LIMIT %s",
            [
                *self.score_params,
                self.candidates,
                *time_params,
                below,
                lowest,
                *self.likes,
                limit,
            ],
        )
        return self.cursor.fetchall()


def _slices(
    reader: _Reader, below: int, start: int, need: int, rate: float, nothing_above: bool
) -> list[tuple]:
    """The newest `need` matches with sort key < below, published from `start` (on the grid)
    on, read period by period, newest first. `rate`: expected matches per second;
    `nothing_above`: no document newer than `below` can match (the top of the index or of a
    year's period), so the first period may reach beyond it."""
    rows: list[tuple] = []
    end = grid_ceil(seconds_of(below - 1) + 1)
    span = need / rate * FIRST_SLICE_MARGIN if rate > 0 else end - start
    slices = 0
    while len(rows) < need and end > start:
        slices += 1
        # Periods end on a coarse boundary: GIN steps through every block of the OR for each
        # candidate, so fewer blocks are worth a slightly longer period.
        level = coarse_level(span)
        first = start if slices >= MAX_SLICES else max(start, align_down(end - int(span), level))
        first = min(first, end - GRID)
        if first == start and len(rows) < FEW_FOUND:
            # The rest of the range, for a query found rare so far: GIN over the terms alone,
            # rather than also stepping through some twenty time blocks for each candidate;
            # the few matches above `below` are read again and dropped by the key bound.
            got = reader.slice([], below, need - len(rows), key_at(start))
        else:
            # Nothing below `start` matches (the bottom of the index, or of a year's period,
            # whose value each row must hold), nor above `below` at first: blocks may reach
            # past them.
            low = align_down(first, level) if first == start else first
            high = align_up(end, level) if nothing_above else end
            got = reader.slice(cover(low, high), below, need - len(rows))
        rows.extend(got)
        still = need - len(rows)
        read = end - first
        # Nothing found where the estimate expected a window's worth: the query is rare, and
        # one read of the rest costs less than more slices (each one is a GIN scan).
        span = still * read / len(got) * NEXT_SLICE_MARGIN if got else end - start
        end, below, nothing_above = first, key_at(first), False
    return rows


def _newest_matches(
    reader: _Reader, query: SearchQuery, stats: TermStatistics, need: int
) -> list[tuple]:
    """The newest `need` matches: walk or slices over the period the index (and a year
    filter) spans."""
    reader.cursor.execute(f"SELECT min(sort_key), max(sort_key) FROM {TABLE}")
    lowest, highest = reader.cursor.fetchone()
    if highest is None:
        return []
    start = grid_floor(seconds_of(lowest))
    end = grid_ceil(seconds_of(highest) + 1)
    density = stats.documents / (end - start)  # documents per second
    period_facets = frozenset()
    period = year_period(query.facets.get("year") or [])
    if period is not None:
        start, end = max(start, period[0]), min(end, period[1])
        period_facets = frozenset({"year"})
    rows: list[tuple] = []
    if start < end:
        share = estimated_share(query, stats, period_facets)
        below = key_at(end)
        if share >= WALK_SHARE:
            walk_rows = min(WALK_ROWS, math.ceil(need / share * 2))
            rows = reader.walk(below, key_at(start), walk_rows, need)
            if rows:
                below = rows[-1][2]
        if len(rows) < need:
            at_most = share_bound(query, stats, period_facets) * density * (end - start)
            if at_most <= RARE_MATCHES * need:
                # Rare even by the upper bound: read every match at once, no slices.
                rows += reader.slice([], below, need - len(rows), key_at(start))
            else:
                rate = share * density
                rows += _slices(reader, below, start, need - len(rows), rate, not rows)
    if period is not None:
        # Documents whose year value lies outside their period (none, from the catalogue):
        # one lookup of a lexeme that is normally absent.
        elsewhere = reader.slice([YEAR_ELSEWHERE], KEY_LIMIT, need)
        if elsewhere:
            merged = {row[0]: row for row in rows + elsewhere}.values()
            rows = sorted(merged, key=lambda row: -row[2])[:need]
    return rows


class PostgresBackend(SearchBackend):
    name = "postgresql-gin"

    def index(self, docs: Iterable[IndexDoc]) -> int:
        rows = []
        for doc in docs:
            key = sort_key(doc.published, doc.doc_id)
            facets = facet_terms(doc.facets)
            rows.append(
                (
                    doc.doc_id,
                    key,
                    f" {tokens.canonical(doc.title)}  {tokens.canonical(doc.body)} ",
                    tsvector_literal(
                        tokens.index_terms(doc.title),
                        tokens.index_terms(doc.body),
                        facets,
                        time_lexemes(doc, key),
                    ),
                    tsvector_literal([], [], facets),
                )
            )
        if not rows:
            return 0
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {TABLE} (doc_id, sort_key, canonical_text, tsv, facet_tsv, "
                "indexed_at) VALUES (%s, %s, %s, %s::tsvector, %s::tsvector, now()) "
                "ON CONFLICT (doc_id) DO UPDATE SET sort_key = EXCLUDED.sort_key, "
                "canonical_text = EXCLUDED.canonical_text, tsv = EXCLUDED.tsv, "
                "facet_tsv = EXCLUDED.facet_tsv, indexed_at = EXCLUDED.indexed_at",
                rows,
            )
        return len(rows)

    def remove(self, doc_ids: Iterable[int]) -> None:
        SearchDocument.objects.filter(doc_id__in=list(doc_ids)).delete()

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {TABLE}")

    def search(self, query: SearchQuery) -> SearchPage:
        if text_tsquery(query) is None:
            return SearchPage([], 0, False)
        window = window_size(query)
        with connection.cursor() as cursor:
            stats = term_statistics()
            reader = _Reader(cursor, query, stats)
            rows = _newest_matches(reader, query, stats, window + 1)
        return page_of([(doc_id, score) for doc_id, score, _key in rows], query, window)

    def size_bytes(self) -> int | None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_total_relation_size(%s)", [TABLE])
            return cursor.fetchone()[0]

    def optimize(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {TABLE}")
        forget_statistics()
