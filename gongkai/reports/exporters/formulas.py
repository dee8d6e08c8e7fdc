"""Which cells of a table are totals the format defines, for the XLSX export to write them as
formulas: edit a term in Excel and the total follows, as in the paper forms' own arithmetic.

Only hard "sum" identities count (severity "error"): a warning such as gb2008's refusal
reasons (one refusal may cite several reasons) is not arithmetic the table must obey. A total
is written as a formula only where the formula gives the value stored in the report; a report
that breaks its own arithmetic (an imported one, say) keeps its printed figure, with a note.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from openpyxl.utils import get_column_letter

from ..document import ReportData
from ..formats.base import Identity, Table


@dataclass(frozen=True)
class SumInstance:
    """One application of a sum identity: the target cell and its term cells (row, column)."""

    identity: Identity
    target: tuple[str, str]
    terms: tuple[tuple[str, str], ...]


@dataclass
class TotalCell:
    holds: list[SumInstance] = field(default_factory=list)
    broken: list[tuple[SumInstance, object, object]] = field(
        default_factory=list
    )  # (_, expected, found)


def _local(cell: str) -> bool:
    """Terms naming another table ("table:row.column") cannot become a formula on this sheet."""
    return ":" not in cell


def instances(table: Table, identity: Identity) -> list[SumInstance]:
    if not all(_local(t) for t in (identity.target, *identity.terms)):
        return []
    if identity.per_row:
        return [
            SumInstance(
                identity,
                (row.key, identity.target),
                tuple((row.key, column) for column in identity.terms),
            )
            for row in table.cell_rows
        ]
    # Neither per row nor per column: the single-column gb2008 form, terms are rows of "value".
    columns = table.column_keys if identity.per_column else table.column_keys[:1]
    return [
        SumInstance(
            identity,
            (identity.target, column),
            tuple((row, column) for row in identity.terms),
        )
        for column in columns
    ]


def _number(report: ReportData, table: str, cell: tuple[str, str]):
    value = report.value(table, *cell)
    return 0 if value is None else value


def total_cells(report: ReportData, table: Table) -> dict[tuple[str, str], TotalCell]:
    """(row, column) → the sum identities that define it, split into holding and broken.

    A blank total is neither: the formula would print 0 where the report prints nothing, and
    check.py treats blank as 0, so the identity is not broken either.
    """
    totals: dict[tuple[str, str], TotalCell] = {}
    for identity in report.format.identities:
        if identity.table != table.key or identity.kind != "sum" or identity.severity != "error":
            continue
        for instance in instances(table, identity):
            found = report.value(table.key, *instance.target)
            if found is None:
                continue
            expected = sum(
                (_number(report, table.key, term) for term in instance.terms), Decimal(0)
            )
            total = totals.setdefault(instance.target, TotalCell())
            if expected == found:
                total.holds.append(instance)
            else:
                total.broken.append((instance, expected, found))
    return totals


def sum_formula(cells: list[tuple[int, int]], blank_rows: set[int]) -> str:
    """The Excel formula adding `cells` (sheet row, column; 1-based): =SUM(C5:C9,C12) where
    terms run in blocks (a block may pass over heading rows, whose cells are blank), else
    =C5+C7+C9. Addition does not care about order, so cells are taken in sheet order."""
    ordered = sorted(set(cells))
    runs: list[list[tuple[int, int]]] = []
    for cell in ordered:
        if runs and _continues(runs[-1][-1], cell, blank_rows):
            runs[-1].append(cell)
        else:
            runs.append([cell])
    if all(len(run) == 1 for run in runs):
        return "=" + "+".join(_reference(cell) for cell in ordered)
    parts = [
        _reference(run[0]) if len(run) == 1 else f"{_reference(run[0])}:{_reference(run[-1])}"
        for run in runs
    ]
    return f"=SUM({','.join(parts)})"


def _continues(last: tuple[int, int], cell: tuple[int, int], blank_rows: set[int]) -> bool:
    (last_row, last_column), (row, column) = last, cell
    if row == last_row:
        return column == last_column + 1
    if column == last_column:
        return all(between in blank_rows for between in range(last_row + 1, row))
    return False


def _reference(cell: tuple[int, int]) -> str:
    return f"{get_column_letter(cell[1])}{cell[0]}"
