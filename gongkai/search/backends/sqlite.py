"""SQLite FTS5: the embedded default. Phrase queries over the bigram terms are exact, so no
recheck is needed. The FTS5 rowid is the sort key negated, so newest-first is FTS5's natural
ascending walk of the doclists and a search reads only the newest matches it needs.

Why negated: SQLite 3.40's FTS5 with a prefix index lost rows from phrase queries read with
ORDER BY rowid DESC once the index had many segments (reproduced: 3,814 of 3,922 matches);
the ascending walk returned all of them. The benchmark's recall check found it.
"""

from collections.abc import Iterable

from django.db import connection

from .. import tokens
from ..models import SearchDocument
from .base import (
    IndexDoc,
    SearchBackend,
    SearchPage,
    SearchQuery,
    doc_id_of,
    facet_term,
    facet_terms,
    page_of,
    sort_key,
    window_size,
)

TABLE = "search_fts"
# prefix='1': a one-character prefix index, so a query's lone last character (号 in
# 商工信〔2017〕12号) is one lookup instead of a merge of every term that starts with it.
CREATE_SQL = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
    "title, body, facets, tokenize='unicode61 remove_diacritics 0', prefix='1')"
)


def _phrase_expr(phrase: tokens.Phrase) -> str:
    quoted = '"' + " ".join(phrase.terms) + '"'
    return f"{quoted} *" if phrase.last_is_prefix else quoted


def match_expression(query: SearchQuery, columns: str = "title body", phrases=None) -> str | None:
    phrases = query.phrases if phrases is None else phrases
    if not phrases:
        return None
    parts = ["{" + columns + "} : (" + " AND ".join(_phrase_expr(p) for p in phrases) + ")"]
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
                    -key,
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
            keys = [-key for key in existing.values_list("sort_key", flat=True)]
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
        window = window_size(query)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s ORDER BY rowid LIMIT %s",
                [expression, window + 1],
            )
            rowids = [row[0] for row in cursor.fetchall()]
            score = dict.fromkeys(rowids[:window], 0)
            if query.order != "date" and rowids:
                self._score_titles(cursor, query, score, rowids[0], rowids[:window][-1])
        rows = [(doc_id_of(-rowid), score.get(rowid, 0)) for rowid in rowids]
        return page_of(rows, query, window)

    def _score_titles(self, cursor, query, score, first, last):
        """Relevance: one point per query term found in the title, read with one lookup per
        term over the window's rowid range (BM25 over 1,000 rows costs ten times more)."""
        for phrase in query.phrases:
            expression = match_expression(query, columns="title", phrases=[phrase])
            cursor.execute(
                f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s AND rowid BETWEEN %s AND %s",
                [expression, first, last],
            )
            for (rowid,) in cursor.fetchall():
                if rowid in score:
                    score[rowid] += 1

    def size_bytes(self) -> int | None:
        with connection.cursor() as cursor:
            try:
                cursor.execute("SELECT sum(pgsize) FROM dbstat WHERE name LIKE %s", [f"{TABLE}%"])
            except Exception:  # dbstat is a compile-time option
                return None
            return cursor.fetchone()[0]

    def optimize(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {TABLE}({TABLE}) VALUES ('optimize')")
