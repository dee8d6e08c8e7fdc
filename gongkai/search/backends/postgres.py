"""PostgreSQL: a `tsvector` of the same bigram terms with a GIN index finds candidates; a LIKE
on the stored canonical text makes the answer exact.

Why not rely on tsvector phrase search (<->) alone: PostgreSQL keeps at most 256 positions per
lexeme and none beyond 16,383, so in a long attachment the later occurrences of a frequent
bigram lose their positions and phrase queries miss them. The lexemes themselves are never
lost, so "all the query's terms are present" (GIN) followed by the LIKE recheck is exact at any
length. The vector is built in Python and cast, not parsed: PostgreSQL's parser drops CJK
characters under the C locale.
"""

import time
from collections.abc import Iterable

from django.db import connection

from .. import tokens
from ..models import SearchDocument
from .base import (
    IndexDoc,
    SearchBackend,
    SearchPage,
    SearchQuery,
    facet_term,
    facet_terms,
    page_of,
    sort_key,
    window_size,
)

TABLE = SearchDocument._meta.db_table
# Plan choice (see search()): when the query's rarest term is in at least this share of the
# documents, read the newest documents in order and recheck them, at most WALK_ROWS of them.
WALK_THRESHOLD = 0.05
WALK_ROWS = 20_000
STATS_TTL = 300  # seconds between reads of the planner statistics


def _lexeme(term: str) -> str:
    # Terms hold only letters, digits and CJK (tokens.py), but quote defensively.
    return "'" + term.replace("'", "''").replace("\\", "\\\\") + "'"


def tsvector_literal(title_terms: list[str], body_terms: list[str], facets: list[str]) -> str:
    """The distinct terms and filter values, without positions: the GIN index needs only the
    lexemes, exactness comes from the recheck, and a vector without positions is a third of
    the size."""
    lexemes = dict.fromkeys([*title_terms, *body_terms])
    parts = [_lexeme(term) for term in lexemes]
    parts.extend(_lexeme("#" + term) for term in facets)
    return " ".join(parts)


def _facet_lexemes(query: SearchQuery) -> list[list[str]]:
    return [
        ["#" + facet_term(key, v) for v in values] for key, values in query.facets.items() if values
    ]


def tsquery_literal(query: SearchQuery) -> str | None:
    phrases = query.phrases
    if not phrases:
        return None
    parts = []
    for phrase in phrases:
        for position, term in enumerate(phrase.terms):
            prefix = phrase.last_is_prefix and position == len(phrase.terms) - 1
            parts.append(_lexeme(term) + (":*" if prefix else ""))
    for alternatives in _facet_lexemes(query):
        parts.append("(" + " | ".join(_lexeme(v) for v in alternatives) + ")")
    return " & ".join(dict.fromkeys(parts))


def facet_tsquery(query: SearchQuery) -> str | None:
    groups = _facet_lexemes(query)
    if not groups:
        return None
    return " & ".join("(" + " | ".join(_lexeme(v) for v in group) + ")" for group in groups)


_stats: dict = {"at": 0.0, "freq": {}}


def lexeme_frequencies() -> dict[str, float]:
    """The share of documents holding each common lexeme, from PostgreSQL's own statistics
    (pg_stats.most_common_elems, refreshed by ANALYZE); cached for a few minutes."""
    if time.monotonic() - _stats["at"] < STATS_TTL:
        return _stats["freq"]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats "
            "WHERE tablename = %s AND attname = 'tsv'",
            [TABLE],
        )
        row = cursor.fetchone()
    freq = dict(zip(row[0], row[1], strict=False)) if row and row[0] else {}
    _stats.update(at=time.monotonic(), freq=freq)
    return freq


def estimated_share(query: SearchQuery, freq: dict[str, float]) -> float:
    """An upper bound of the share of documents matching: the rarest term of any phrase (a
    lexeme missing from the statistics is rarer than every listed one), or of any filter."""
    share = 1.0
    for phrase in query.phrases:
        exact = phrase.terms[:-1] if phrase.last_is_prefix else phrase.terms
        if exact:
            share = min(share, *(freq.get(term, 0.0) for term in exact))
    for group in _facet_lexemes(query):
        share = min(share, sum(freq.get(value, 0.0) for value in group))
    return share


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


class PostgresBackend(SearchBackend):
    name = "postgresql-gin"

    def index(self, docs: Iterable[IndexDoc]) -> int:
        rows = []
        for doc in docs:
            title_terms = tokens.index_terms(doc.title)
            body_terms = tokens.index_terms(doc.body)
            rows.append(
                (
                    doc.doc_id,
                    sort_key(doc.published, doc.doc_id),
                    f" {tokens.canonical(doc.title)}  {tokens.canonical(doc.body)} ",
                    tsvector_literal(title_terms, body_terms, facet_terms(doc.facets)),
                    tsvector_literal([], [], facet_terms(doc.facets)),
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
        """Two plans, chosen from PostgreSQL's own term statistics. A query whose every term is
        common (工作, 发展) walks the newest documents in order and rechecks each, stopping as
        soon as it has a window's worth. Otherwise the GIN index finds the candidates. The walk
        gives up after WALK_ROWS documents and falls back to the index, so a rare phrase made
        of common bigrams costs one bounded extra step, never a scan of the table."""
        tsquery = tsquery_literal(query)
        if tsquery is None:
            return SearchPage([], 0, False)
        window = window_size(query)
        likes = [tokens.like_pattern(phrase) for phrase in query.phrases]
        like_sql = " AND ".join(["canonical_text LIKE %s"] * len(likes))
        score, score_params = _score_sql(query)
        rows = None
        if estimated_share(query, lexeme_frequencies()) >= WALK_THRESHOLD:
            rows = self._walk(query, window, like_sql, likes, score, score_params)
        if rows is None:
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT doc_id, {score} FROM {TABLE} WHERE tsv @@ %s::tsquery AND {like_sql} "
                    "ORDER BY sort_key DESC LIMIT %s",
                    [*score_params, tsquery, *likes, window + 1],
                )
                rows = cursor.fetchall()
        return page_of(rows, query, window)

    def _walk(self, query, window, like_sql, likes, score, score_params):
        facets = facet_tsquery(query)
        facet_sql, facet_params = ("AND facet_tsv @@ %s::tsquery", [facets]) if facets else ("", [])
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT doc_id, {score} FROM (SELECT doc_id, sort_key, canonical_text, facet_tsv "
                f"FROM {TABLE} ORDER BY sort_key DESC LIMIT %s) AS newest "
                f"WHERE {like_sql} {facet_sql} ORDER BY sort_key DESC LIMIT %s",
                [*score_params, WALK_ROWS, *likes, *facet_params, window + 1],
            )
            rows = cursor.fetchall()
        return rows if len(rows) > window else None

    def size_bytes(self) -> int | None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_total_relation_size(%s)", [TABLE])
            return cursor.fetchone()[0]

    def optimize(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {TABLE}")
        _stats["at"] = 0.0
