"""Every report Gongkai exports is read back by the importer to the same cells.

A report is made by hand for each official format (no database): every cell holds its own
number, the leaves distinct, the totals computed from them so that every identity of the format
holds, as a built report's do. It is exported as DOCX, PDF, HTML and XLSX, the file is parsed
back, and every cell, the format, the year and the agency must come back with no error-level
problem (a wrong cell would break an identity or differ here).
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from itertools import count

import pytest

from gongkai.reports.check import check
from gongkai.reports.document import ReportData
from gongkai.reports.exporters import ExportInput, export
from gongkai.reports.formats import get_format
from gongkai.reports.formats.base import Format
from gongkai.reports.importers.parse import parse_file

AGENCY = "测试市测试局"
YEARS = {"gb2008": 2017, "gb2019": 2019, "gb2021": 2023}
KINDS = ["docx", "pdf", "html", "xlsx"]


def _amount(table, row, column) -> bool:
    """万元 cells: gb2008's s7 and s8_budget, gb2019's 采购总金额, gb2021's 本年收费金额."""
    if column not in table.amount_columns:
        return False
    return len(table.column_keys) > 1 or row.unit == "万元"


def _apply_sums(fmt: Format, values: dict) -> None:
    """Every sum (and soft_eq) identity made to hold, row totals before column totals, repeated
    until nothing changes (gb2008's 不同意公开 is both a total and a term)."""
    for _ in range(len(fmt.identities)):
        changed = False
        for identity in fmt.identities:
            if identity.kind not in {"sum", "soft_eq"}:
                continue
            table = fmt.table(identity.table)
            rows = values[table.key]
            if identity.per_row:
                targets = [(r.key, identity.target, [(r.key, t) for t in identity.terms])
                           for r in table.cell_rows]  # fmt: skip
            else:
                columns = table.column_keys if identity.per_column else table.column_keys[:1]
                targets = [(identity.target, c, [(t, c) for t in identity.terms])
                           for c in columns]  # fmt: skip
            for row, column, terms in targets:
                total = sum(rows[r][c] for r, c in terms)
                if rows[row][column] != total:
                    rows[row][column] = total
                    changed = True
        if not changed:
            return


@cache
def filled_report(format_id: str) -> ReportData:
    """Distinct plausible numbers in every cell (gb2019's typed-in "entered" cells too, one 本年
    增/减 negative), then the totals: t3's 第一项 computed from 第三项 + 第四项 − 第二项 so that
    the table's own rule holds; gb2008's 其中 rows kept below their totals."""
    fmt = get_format(format_id)
    numbers = count(10)
    values: dict = {}
    for table in fmt.tables:
        values[table.key] = {}
        for row in table.cell_rows:
            values[table.key][row.key] = {}
            for column in table.column_keys:
                n = next(numbers)
                values[table.key][row.key][column] = (
                    Decimal(f"{n}.25") if _amount(table, row, column) else n
                )
    if format_id == "gb2008":
        t = values["tongjibiao"]
        t["s1_pub_normative"]["value"] = 3  # 其中 ≤ 主动公开
        t["s2_pressconf_head"]["value"] = 1
        t["s2_interview_head"]["value"] = 2
    if format_id == "gb2019":
        values["t2_art20_5"]["licensing"]["change"] = -4  # 本年增/减 may be negative
    _apply_sums(fmt, values)
    if "t3" in values:
        t3 = values["t3"]
        for column in fmt.table("t3").column_keys:
            t3["new_received"][column] = (
                t3["results_total"][column]
                + t3["carried_forward"][column]
                - t3["carried_over"][column]
            )
    report = ReportData(format=fmt, agency=AGENCY, year=YEARS[format_id], values=values)
    assert check(report) == [], "the report made here must itself be consistent"
    return report


def export_input(report: ReportData) -> ExportInput:
    narrative = {s.key: f"{s.heading}的正文（不含数字）。" for s in report.format.sections}
    return ExportInput(
        report=report,
        title=f"{AGENCY}{report.year}年政府信息公开工作年度报告",
        narrative=narrative,
    )


CASES = [pytest.param(f, k, id=f"{f}-{k}") for f in YEARS for k in KINDS]


def every_cell(report: ReportData) -> dict:
    return {
        (table.key, row.key, column): report.value(table.key, row.key, column)
        for table in report.format.tables
        for row in table.cell_rows
        for column in table.column_keys
    }


@pytest.mark.parametrize(("format_id", "kind"), CASES)
def test_exported_report_reads_back_to_the_same_cells(format_id, kind, tmp_path):
    """Parsed back from the exported file: the same format, year and agency, every cell equal
    (ints as ints, 万元 amounts as the same Decimals, the negative 增/减 with its sign), and no
    error-level problem."""
    made = filled_report(format_id)
    path = tmp_path / f"report.{kind}"
    path.write_bytes(export(export_input(made), kind))
    parsed = parse_file(path)
    assert parsed.report is not None
    assert (parsed.format_id, parsed.year, parsed.agency) == (
        made.format.id,
        made.year,
        AGENCY,
    )
    expected, got = every_cell(made), every_cell(parsed.report)
    assert {k: v for k, v in got.items() if v != expected[k]} == {}
    assert len(got) == len(expected)
    assert [p for p in parsed.problems if p.severity == "error"] == []
    assert parsed.consistent


def test_filled_reports_use_distinct_leaves():
    """The made-up reports would hide a cell printed in another's place if two leaves were
    equal: the cells no identity computes are all different."""
    for format_id in YEARS:
        report = filled_report(format_id)
        fmt = report.format
        computed = {
            (i.table, i.target)
            for i in fmt.identities
            if i.kind in {"sum", "soft_eq"} and not i.per_row
        }
        leaves = [
            value
            for table in fmt.tables
            for row in table.cell_rows
            if (table.key, row.key) not in computed and row.key != "new_received"
            for column, value in report.values[table.key][row.key].items()
            if column != "total" and not column.endswith("_total")
        ]
        assert len(leaves) == len(set(leaves)), format_id
