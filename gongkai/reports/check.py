"""Check a report's arithmetic: every identity of its format, and the cross-year ones against
last year's report. The same checks run on built and on imported reports.

A problem's `where` names the cell ("t3:results_total.total") or the identity; `expected` is
what the identity computes from the other cells, `found` what the cell holds.
"""

from __future__ import annotations

from functools import partial

from .document import Problem, ReportData, format_number, parse_cell
from .formats.base import CrossYear, Identity, Table


def _cells(table: Table, identity: Identity):
    """(label, [(row, column)…] per side) for each instance of the identity in the table."""
    if identity.per_row:
        for row in table.cell_rows:
            yield row.key, [(row.key, c) for c in identity.terms], (row.key, identity.target)
    elif identity.per_column:
        for column in table.column_keys:
            yield column, [(r, column) for r in identity.terms], (identity.target, column)
    else:
        column = table.column_keys[0]
        yield "", [(r, column) for r in identity.terms], (identity.target, column)


def _label(table: Table, row: str, column: str) -> str:
    row_label = table.row(row).short_label or table.row(row).label
    if len(table.column_keys) == 1:
        return row_label
    column_label = column
    for c in table.columns:
        if c.key == column:  # 申请人情况/法人或其他组织/商业企业 → 法人或其他组织/商业企业
            column_label = "/".join(c.path[1:] or c.path)
    return f"{row_label}（{column_label}）"


def check_identities(report: ReportData) -> list[Problem]:
    problems = []
    for identity in report.format.identities:
        table = report.format.table(identity.table)
        number = partial(report.number, table.key)
        if identity.kind == "constraint":
            problems += _negatives(report, table, identity)
        elif identity.kind in {"sum", "soft_eq"}:
            for _, terms, (row, column) in _cells(table, identity):
                expected = sum(number(r, c) for r, c in terms)
                found = number(row, column)
                if expected == found:
                    continue
                parts = "+".join(format_number(number(r, c)) for r, c in terms)
                if report.value(table.key, row, column) is None:
                    # A total left blank (published tables often do) is an omission, not a
                    # contradiction: said, but not as an inconsistency.
                    problems.append(
                        Problem(
                            kind="blank_total",
                            where=f"{table.key}:{row}.{column}",
                            expected=expected,
                            found=None,
                            message=f"{_label(table, row, column)}未填写，按各项应为"
                            f"{format_number(expected)}（{parts}）",
                            severity="warning",
                            identity=identity.id,
                        )
                    )
                    continue
                problems.append(
                    Problem(
                        kind="identity",
                        where=f"{table.key}:{row}.{column}",
                        expected=expected,
                        found=found,
                        message=f"{_label(table, row, column)}应为{format_number(expected)}"
                        f"（{parts}），表中为{format_number(found)}：{identity.description}",
                        severity=identity.severity,
                        identity=identity.id,
                    )
                )
        elif identity.kind in {"sum_eq", "le"}:
            problems += _compare(report, table, identity)
    return problems


def _compare(report, table, identity) -> list[Problem]:
    problems = []
    columns = table.column_keys if identity.per_column else [table.column_keys[0]]
    if identity.per_row:
        pairs = [(r.key, None) for r in table.cell_rows]
    else:
        pairs = [(None, c) for c in columns]
    for row, column in pairs:

        def side(keys, row=row, column=column):
            if row is not None:  # keys are columns
                return sum(report.number(table.key, row, k) for k in keys)
            return sum(report.number(table.key, k, column) for k in keys)

        left, right = side(identity.left), side(identity.right)
        broken = left != right if identity.kind == "sum_eq" else left > right
        if not broken:
            continue
        keys = (*identity.left, *identity.right)
        cells = [(row, k) for k in keys] if row is not None else [(k, column) for k in keys]
        blank = any(report.value(table.key, r, c) is None for r, c in cells)
        anchor_row = row or identity.right[0]
        anchor_col = column or identity.right[0]
        where = f"{table.key}:{anchor_row}.{anchor_col}"
        relation = "应等于" if identity.kind == "sum_eq" else "不应大于"
        problems.append(
            Problem(
                kind="identity",
                where=where,
                expected=left if identity.kind == "sum_eq" else f"≥{format_number(left)}",
                found=right,
                message=f"{_label(table, anchor_row, anchor_col)}：{format_number(left)}{relation}"
                f"{format_number(right)}。{identity.description}"
                + ("（涉及未填写的单元格）" if blank else ""),
                severity="warning" if blank else identity.severity,
                identity=identity.id,
            )
        )
    return problems


def _negatives(report, table, identity) -> list[Problem]:
    problems = []
    for row in table.cell_rows:
        for column in table.column_keys:
            value = report.value(table.key, row.key, column)
            if value is not None and value < 0 and column not in table.signed_columns:
                problems.append(
                    Problem(
                        kind="identity",
                        where=f"{table.key}:{row.key}.{column}",
                        expected="≥0",
                        found=value,
                        message=f"{_label(table, row.key, column)}为负数（{format_number(value)}）。",
                        severity=identity.severity,
                        identity=identity.id,
                    )
                )
    return problems


def check_cross_year(report: ReportData, last: ReportData | None) -> list[Problem]:
    """This year's carry-over against last year's report (None: nothing to compare)."""
    if last is None:
        return []
    problems = []
    for rule in report.format.cross_year:
        for this, before, plus, minus in _cross_cells(report, last, rule):
            found = report.number(*this)
            expected = (
                last.number(*before)
                + sum(report.number(*cell) for cell in plus)
                - sum(report.number(*cell) for cell in minus)
            )
            if found == expected:
                continue
            table = report.format.table(this[0])
            problems.append(
                Problem(
                    kind="cross_year",
                    where=f"{this[0]}:{this[1]}.{this[2]}",
                    expected=expected,
                    found=found,
                    message=f"{_label(table, this[1], this[2])}：{rule.description}："
                    f"上年为{format_number(last.number(*before))}"
                    + "".join(f"，加本年{format_number(report.number(*c))}" for c in plus)
                    + "".join(f"，减本年{format_number(report.number(*c))}" for c in minus)
                    + (f"，应为{format_number(expected)}" if plus or minus else "")
                    + f"，本年为{format_number(found)}",
                    severity=rule.severity,
                    identity=rule.id,
                )
            )
    return problems


def _cross_cells(report, last, rule: CrossYear):
    """(this cell, last year's cell, plus cells, minus cells) for each instance of the rule."""
    table_key = rule.this.partition(":")[0]
    try:
        table = report.format.table(table_key)
    except KeyError:
        return
    rows = [r.key for r in table.cell_rows] if "{row}" in rule.this else [""]
    columns = table.column_keys if "{column}" in rule.this else [""]
    for row in rows:
        for column in columns:
            fill = partial(str.format, row=row, column=column)
            this = parse_cell(fill(rule.this))
            if report.value(*this) is None:
                continue
            before = None
            last_table = rule.last.partition(":")[0]
            for candidate in fill(rule.last).partition(":")[2].split("|"):
                cell = (last_table, *candidate.split(".", 1))
                if last.value(*cell) is not None:
                    before = cell
                    break
            if before is None:
                continue
            plus = [parse_cell(fill(c)) for c in rule.plus.split(",") if c]
            minus = [parse_cell(fill(c)) for c in rule.minus.split(",") if c]
            yield this, before, plus, minus


def check(report: ReportData, last: ReportData | None = None) -> list[Problem]:
    return check_identities(report) + check_cross_year(report, last)


def problem_key(problem: Problem) -> str:
    """Stable name of a problem, for overrides: the identity and the cell."""
    return f"{problem.identity}@{problem.where}"
