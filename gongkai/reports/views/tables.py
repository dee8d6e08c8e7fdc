"""Tables laid out for templates: header rows with colspan/rowspan, body rows with indented
labels, and (for staff) each number linked to the records it counts."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from ..formats.base import Header, Table


@dataclass
class HeaderCell:
    label: str
    colspan: int
    rowspan: int


def _width(header: Header) -> int:
    return max(1, sum(_width(c) for c in header.children))


def header_rows(table: Table) -> list[list[HeaderCell]]:
    depth = max(h.depth for h in table.headers)
    rows: list[list[HeaderCell]] = [[] for _ in range(depth)]

    def place(header: Header, level: int):
        if header.children:
            rows[level].append(HeaderCell(header.label, _width(header), 1))
            for child in header.children:
                place(child, level + 1)
        else:
            rows[level].append(HeaderCell(header.label, 1, depth - level))

    for header in table.headers:
        place(header, 0)
    return rows


def table_views(data, *, link_cells: bool = False, report=None) -> list[dict]:
    views = []
    for table in data.format.tables:
        body = []
        for row in table.rows:
            cells = []
            for column in table.column_keys:
                value = data.value(table.key, row.key, column) if row.has_cell else None
                url = ""
                if link_cells and row.has_cell and (row.key, column) in table.bindings:
                    url = reverse(
                        "reports_office:cell", args=[report.pk, f"{table.key}:{row.key}.{column}"]
                    )
                cells.append({"value": value, "url": url, "has_cell": row.has_cell})
            body.append({"row": row, "cells": cells})
        views.append(
            {
                "table": table,
                "header_rows": header_rows(table),
                "depth": max(h.depth for h in table.headers),
                "body": body,
            }
        )
    return views
