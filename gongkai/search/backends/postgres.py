"""PostgreSQL: a `tsvector` of the same bigram terms with a GIN index finds candidates; a LIKE
on the stored canonical text makes the answer exact.

Why not rely on tsvector phrase search (<->) alone: PostgreSQL keeps at most 256 positions per
lexeme and none beyond 16,383, so in a long attachment the later occurrences of a frequent
bigram lose their positions and phrase queries miss them. The lexemes themselves are never
lost, so "all the query's terms are present" (GIN) followed by the LIKE recheck is exact at any
length. The vector is built in Python and cast, not parsed: PostgreSQL's parser drops CJK
characters under the C locale.
"""

from collections import defaultdict
from collections.abc import Iterable

from django.db import connection

from .. import tokens
from ..models import SearchDocument
from .base import (
    COUNT_CAP,
    RELEVANCE_WINDOW,
    IndexDoc,
    SearchBackend,
    SearchPage,
    SearchQuery,
    facet_term,
    facet_terms,
    sort_key,
)

TABLE = SearchDocument._meta.db_table
MAX_POSITION = 16383
MAX_POSITIONS_PER_LEXEME = 255


def _lexeme(term: str) -> str:
    # Terms hold only letters, digits and CJK (tokens.py), but quote defensively.
    return "'" + term.replace("'", "''").replace("\\", "\\\\") + "'"


def tsvector_literal(title_terms: list[str], body_terms: list[str], facets: list[str]) -> str:
    """Title terms weighted A, body terms unweighted (D), filter terms as bare lexemes."""
    positions: dict[str, list[str]] = defaultdict(list)
    position = 0
    for weight, terms in (("A", title_terms), ("", body_terms)):
        for term in terms:
            position = min(position + 1, MAX_POSITION)
            slots = positions[term]
            if len(slots) < MAX_POSITIONS_PER_LEXEME:
                slots.append(f"{position}{weight}")
        position = min(position + 1, MAX_POSITION)  # no phrase runs from title into body
    parts = [f"{_lexeme(term)}:{','.join(slots)}" for term, slots in positions.items()]
    parts.extend(_lexeme("#" + term) for term in facets)
    return " ".join(parts)


def tsquery_literal(query: SearchQuery) -> str | None:
    phrases = query.phrases
    if not phrases:
        return None
    parts = []
    for phrase in phrases:
        for position, term in enumerate(phrase.terms):
            prefix = phrase.last_is_prefix and position == len(phrase.terms) - 1
            parts.append(_lexeme(term) + (":*" if prefix else ""))
    for key, values in query.facets.items():
        if values:
            alternatives = " | ".join(_lexeme("#" + facet_term(key, v)) for v in values)
            parts.append(f"({alternatives})")
    return " & ".join(dict.fromkeys(parts))


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
                )
            )
        if not rows:
            return 0
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {TABLE} (doc_id, sort_key, canonical_text, tsv, indexed_at) "
                "VALUES (%s, %s, %s, %s::tsvector, now()) ON CONFLICT (doc_id) DO UPDATE SET "
                "sort_key = EXCLUDED.sort_key, canonical_text = EXCLUDED.canonical_text, "
                "tsv = EXCLUDED.tsv, indexed_at = EXCLUDED.indexed_at",
                rows,
            )
        return len(rows)

    def remove(self, doc_ids: Iterable[int]) -> None:
        SearchDocument.objects.filter(doc_id__in=list(doc_ids)).delete()

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {TABLE}")

    def _where(self, query: SearchQuery):
        tsquery = tsquery_literal(query)
        if tsquery is None:
            return None, []
        clauses = ["tsv @@ %s::tsquery"]
        params = [tsquery]
        for phrase in query.phrases:
            clauses.append("canonical_text LIKE %s")
            params.append(tokens.like_pattern(phrase))
        return " AND ".join(clauses), params

    def search(self, query: SearchQuery) -> SearchPage:
        where, params = self._where(query)
        if where is None:
            return SearchPage([], 0, False)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT count(*) FROM (SELECT 1 FROM {TABLE} WHERE {where} LIMIT %s) AS hits",
                [*params, COUNT_CAP + 1],
            )
            total = cursor.fetchone()[0]
            if query.order == "date" or total == 0:
                cursor.execute(
                    f"SELECT doc_id FROM {TABLE} WHERE {where} "
                    "ORDER BY sort_key DESC LIMIT %s OFFSET %s",
                    [*params, query.limit, query.offset],
                )
            else:
                cursor.execute(
                    f"SELECT doc_id FROM (SELECT doc_id, sort_key, tsv FROM {TABLE} "
                    f"WHERE {where} ORDER BY sort_key DESC LIMIT %s) AS candidates "
                    "ORDER BY ts_rank(tsv, %s::tsquery) DESC, sort_key DESC LIMIT %s OFFSET %s",
                    [*params, RELEVANCE_WINDOW, params[0], query.limit, query.offset],
                )
            ids = [row[0] for row in cursor.fetchall()]
        return SearchPage(ids, min(total, COUNT_CAP), total > COUNT_CAP)

    def size_bytes(self) -> int | None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_total_relation_size(%s)", [TABLE])
            return cursor.fetchone()[0]
