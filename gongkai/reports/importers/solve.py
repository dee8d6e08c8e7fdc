"""Choose, among the readings of each row, the ones that make the table's identities hold.

Every identity instance of the format (a row total, a column total, 第一项+第二项=第三项+第四项 …)
is a constraint. The chosen table satisfies as many of the error-level ones as any reading can
(published tables do break their identities: that is then reported, not hidden); ties are broken
by last year's report (cross-year rules) and then by the figures the report's own text states.
If readings still tie, the cells on which they differ are ambiguous.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from itertools import product

from ..check import check_cross_year, check_identities
from ..document import ReportData
from ..formats.base import Format

MAX_COMBINATIONS = 200_000


def to_number(text: str | None):
    if text is None:
        return None
    if "." in text:
        return Decimal(text)
    return int(text)


@dataclass
class Solution:
    values: dict
    ambiguous: dict = field(default_factory=dict)  # (table, row) → the readings that tie
    hinted: set = field(default_factory=set)  # (table, row) decided by the text's figures
    unsolved: list = field(default_factory=list)  # rows whose combinations were too many


def _errors(data: ReportData, last: ReportData | None) -> tuple[int, int]:
    own = sum(1 for p in check_identities(data) if p.severity == "error")
    cross = sum(1 for p in check_cross_year(data, last) if p.severity == "error") if last else 0
    return own, cross


def solve(
    fmt: Format,
    rows: dict[tuple[str, str], list[tuple]],
    *,
    last: ReportData | None = None,
    stated: set[int | Decimal] = frozenset(),
) -> Solution:
    """`rows`: (table, row) → candidate readings (tuples of strings, one per column). Each table
    is solved on its own: identities never cross tables."""
    solution = Solution(values={})
    for table in fmt.tables:
        part = {key: options for key, options in rows.items() if key[0] == table.key}
        if part:
            found = _solve_table(fmt, part, last=last, stated=stated)
            solution.values.update(found.values)
            solution.ambiguous.update(found.ambiguous)
            solution.hinted |= found.hinted
            solution.unsolved += found.unsolved
    return solution


def _solve_table(fmt, rows, *, last, stated) -> Solution:
    rows = {key: _prefer_own_rule(fmt, key, options) for key, options in rows.items()}
    fixed = {key: options[0] for key, options in rows.items() if len(options) == 1}
    open_rows = [key for key, options in rows.items() if len(options) > 1]
    solution = Solution(values={})

    def table_of(assignment) -> ReportData:
        values: dict = {}
        for (table_key, row), cells in assignment.items():
            columns = fmt.table(table_key).column_keys
            values.setdefault(table_key, {})[row] = {
                c: to_number(v) for c, v in zip(columns, cells, strict=True)
            }
        return ReportData(format=fmt, agency="", year=0, values=values)

    # Rows are decided one identity-group at a time would be faster; tables are small enough to
    # search whole once each row's own identities have thinned its readings.
    options = {key: rows[key] for key in open_rows}
    total = 1
    for key in open_rows:
        total *= len(options[key])
    if total > MAX_COMBINATIONS:
        solution.unsolved = open_rows
        solution.values = table_of(fixed).values
        for key in open_rows:
            solution.ambiguous[key] = options[key]
        return solution
    scored = []
    for combo in product(*(options[key] for key in open_rows)):
        assignment = dict(fixed) | dict(zip(open_rows, combo, strict=True))
        own, cross = _errors(table_of(assignment), last)
        hints = sum(
            1
            for cells in combo
            for cell in cells
            if cell is not None and len(cell.replace(".", "")) >= 3 and to_number(cell) in stated
        )
        scored.append(((own, cross), hints, assignment))
    least = min(score for score, _, _ in scored)
    tied = [(hints, a) for score, hints, a in scored if score == least]
    most = max(hints for hints, _ in tied)
    best = [a for hints, a in tied if hints == most]
    chosen = best[0]
    for key in open_rows:
        if len({tuple(a[key]) for _, a in tied}) > 1:
            if len({tuple(a[key]) for a in best}) > 1:
                solution.ambiguous[key] = sorted({tuple(a[key]) for a in best}, key=str)
                chosen = dict(chosen) | {key: tuple([None] * len(chosen[key]))}
            else:
                solution.hinted.add(key)
    solution.values = table_of(chosen).values
    return solution


def _prefer_own_rule(fmt: Format, key, readings: list) -> list:
    """Keep the readings that satisfy the row's own identities (e.g. 总计 = Σ columns), if any."""
    table_key = key[0]
    per_row = [i for i in fmt.identities if i.table == table_key and i.per_row]
    if not per_row:
        return readings
    columns = fmt.table(table_key).column_keys

    def holds(cells) -> bool:
        values = {c: (to_number(v) or 0) for c, v in zip(columns, cells, strict=True)}
        for identity in per_row:
            if identity.kind == "sum" and values[identity.target] != sum(
                values[t] for t in identity.terms
            ):
                return False
            if identity.kind == "le" and sum(values[t] for t in identity.left) > sum(
                values[t] for t in identity.right
            ):
                return False
        return True

    good = [r for r in readings if holds(r)]
    return good or readings
