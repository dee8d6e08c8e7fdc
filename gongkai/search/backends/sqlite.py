"""SQLite FTS5: the embedded default. Phrase queries over the bigram terms are exact, so no
recheck is needed. The FTS5 rowid is the sort key, so newest-first is an index walk."""

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
    doc_id_of,
    facet_term,
    facet_terms,
    sort_key,
)

TABLE = "search_fts"
CREATE_SQL = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
    "title, body, facets, tokenize='unicode61 remove_diacritics 0')"
)
# Title matches weigh more; filter terms never count towards relevance.
BM25 = f"bm25({TABLE}, 4.0, 1.0, 0.0)"


def _phrase_expr(phrase: tokens.Phrase) -> str:
    quoted = '"' + " ".join(phrase.terms) + '"'
    return f"{quoted} *" if phrase.last_is_prefix else quoted


def match_expression(query: SearchQuery) -> str | None:
    phrases = query.phrases
    if not phrases:
        return None
    parts = ["{title body} : (" + " AND ".join(_phrase_expr(p) for p in phrases) + ")"]
    for key, values in query.facets.items():
        if values:
            parts.append("facets : (" + " OR ".join(facet_term(key, v) for v in values) + ")")
    return " AND ".join(parts)


class SQLiteFTS5Backend(SearchBackend):
    name = "sqlite-fts5"

    def index(self, docs: Iterable[IndexDoc]) -> int:
        rows, bookkeeping = [], []
        for doc in docs:
            key = sort_key(doc.published, doc.doc_id)
            rows.append(
                (
                    key,
                    " ".join(tokens.index_terms(doc.title)),
                    " ".join(tokens.index_terms(doc.body)),
                    " ".join(facet_terms(doc.facets)),
                )
            )
            bookkeeping.append(SearchDocument(doc_id=doc.doc_id, sort_key=key))
        if not rows:
            return 0
        self.remove(d.doc_id for d in bookkeeping)
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {TABLE} (rowid, title, body, facets) VALUES (%s, %s, %s, %s)", rows
            )
        SearchDocument.objects.bulk_create(bookkeeping, batch_size=500)
        return len(rows)

    def remove(self, doc_ids: Iterable[int]) -> None:
        ids = list(doc_ids)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            existing = SearchDocument.objects.filter(doc_id__in=chunk)
            keys = list(existing.values_list("sort_key", flat=True))
            if keys:
                marks = ",".join(["%s"] * len(keys))
                with connection.cursor() as cursor:
                    cursor.execute(f"DELETE FROM {TABLE} WHERE rowid IN ({marks})", keys)
                existing.delete()

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE}")
        SearchDocument.objects.all().delete()

    def search(self, query: SearchQuery) -> SearchPage:
        expression = match_expression(query)
        if expression is None:
            return SearchPage([], 0, False)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT count(*) FROM (SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s LIMIT %s)",
                [expression, COUNT_CAP + 1],
            )
            total = cursor.fetchone()[0]
            if query.order == "date" or total == 0:
                cursor.execute(
                    f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s "
                    "ORDER BY rowid DESC LIMIT %s OFFSET %s",
                    [expression, query.limit, query.offset],
                )
            else:
                floor = 0
                if total > RELEVANCE_WINDOW:
                    cursor.execute(
                        f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s "
                        "ORDER BY rowid DESC LIMIT 1 OFFSET %s",
                        [expression, RELEVANCE_WINDOW - 1],
                    )
                    floor = cursor.fetchone()[0]
                cursor.execute(
                    f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s AND rowid >= %s "
                    f"ORDER BY {BM25}, rowid DESC LIMIT %s OFFSET %s",
                    [expression, floor, query.limit, query.offset],
                )
            ids = [doc_id_of(row[0]) for row in cursor.fetchall()]
        return SearchPage(ids, min(total, COUNT_CAP), total > COUNT_CAP)

    def size_bytes(self) -> int | None:
        with connection.cursor() as cursor:
            try:
                cursor.execute("SELECT sum(pgsize) FROM dbstat WHERE name LIKE %s", [f"{TABLE}%"])
            except Exception:  # dbstat is a compile-time option
                return None
            return cursor.fetchone()[0]
