"""Tables laid out for templates: header rows with colspan/rowspan, body rows with indented
labels, and (for staff) each number linked to the records it counts."""

from __future__ import annotations

from django.urls import reverse

from ..exporters.layout import HeaderCell, header_cells
from ..formats.base import Table


def header_rows(table: Table) -> list[list[HeaderCell]]:
    """The data columns' header cells by header row (merged cells as in the exports)."""
    depth = max(h.depth for h in table.headers)
    rows: list[list[HeaderCell]] = [[] for _ in range(depth)]
    for cell in header_cells(table.headers, depth, 0):
        rows[cell.row].append(cell)
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
