"""Read a published report: format, year, agency, every table cell, and every inconsistency.

`parse_text` does the work on text; `parse_file` extracts the text first (extract.py). The result
is a ReportData in the same JSON shape the exporters write, plus the file, a confidence and the
problems (docs/report_import.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..check import check_cross_year, check_identities
from ..document import Problem, ReportData
from ..formats.base import Format, Table
from . import narrative
from .detect import detect_agency, detect_format, detect_year
from .extract import Unreadable, extract
from .locate import CJK, NUMBERS, canon, find_rows, payload_chunks
from .normalize import normalize
from .solve import solve, to_number
from .split import row_candidates


@dataclass
class Parsed:
    file: str
    report: ReportData | None
    problems: list[Problem] = field(default_factory=list)
    confidence: float = 0.0
    text: str = ""
    format_id: str = ""
    year: int | None = None
    agency: str = ""

    def to_json(self) -> dict:
        if self.report is not None:
            data = self.report.to_json()
        else:
            data = {"format": None, "agency": self.agency, "year": self.year, "tables": []}
        data["problems"] = [p.as_json() for p in self.problems]
        return {"file": self.file, **data, "confidence": round(self.confidence, 2)}

    @property
    def consistent(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)


def _region(text: str, fmt: Format, table: Table) -> tuple[int, int]:
    """Where to look for a table: after the last mention of the 统计表 for the old forms (their
    labels also occur in the text), the whole text for the others (their labels do not)."""
    if fmt.id in {"gb2008", "fj2008"}:
        start = text.rfind("统计表")
        return (start if start >= 0 else 0), len(text)
    if table.key.startswith("t2_"):
        heading = canon(normalize(table.title))
        start = text.find(heading)
        if start < 0:
            return 0, 0
        following = [text.find(t, start + 1) for t in ("第二十条第", "三、收到和处理")]
        ends = [e for e in following if e > start]
        return start, min(ends) if ends else len(text)
    return 0, len(text)


def _t4_reading(text: str, n: int) -> list[tuple] | None:
    """Table 四 has one unlabelled row under its header: the first line of numbers after the
    header (files with lines), or the numbers after the last header label (flattened text)."""
    header = text.rfind("复议后起诉")
    if header < 0:
        return None
    after = text[header:]
    for line in after.split("\n")[1:]:
        # A PDF may run the next heading (or the table's caption) onto the numbers' line.
        line = CJK.split(line, 1)[0]
        if len(NUMBERS.findall(line)) < 3:
            continue
        if "\t" in line:
            fields = [f.strip() for f in line.split("\t")]
            while fields and fields[0] == "":
                fields.pop(0)
            cells = tuple(f or None for f in fields[:n])
            return [cells + (None,) * (n - len(cells))]
        return row_candidates(NUMBERS.findall(line), n)
    chunks, _ = payload_chunks(after.split("尚未审结总计", 3)[-1])
    return row_candidates(chunks, n)


def _read_rows(fmt: Format, text: str) -> tuple[dict, list[Problem], dict]:
    readings, problems, positions = {}, [], {}
    for table in fmt.tables:
        n = len(table.column_keys)
        if table.key == "t4":
            reading = _t4_reading(text, n)
            if reading and any(c is not None for c in reading[0]):
                readings[(table.key, "count")] = reading
            else:
                problems.append(_unread_table(table))
            continue
        start, stop = _region(text, fmt, table)
        found = find_rows(fmt, table, text, start, stop)
        for index, item in enumerate(found):
            positions[(table.key, item.row)] = item.start
            end = found[index + 1].start if index + 1 < len(found) else stop
            chunks, structured = payload_chunks(text[item.end : end])
            if structured:
                cells = tuple((c or None) for c in chunks[:n]) + (None,) * (n - len(chunks))
                readings[(table.key, item.row)] = [cells]
            else:
                readings[(table.key, item.row)] = row_candidates(chunks, n) or [(None,) * n]
        missing = [r for r in table.cell_rows if (table.key, r.key) not in readings]
        if missing and fmt.official:
            problems.append(
                Problem(
                    kind="unrecovered",
                    where=f"{table.key}",
                    expected=[r.label for r in missing],
                    found=None,
                    message=f"{table.title}：找不到这些行：{'、'.join(r.label for r in missing)}",
                    severity="warning",
                )
            )
    return readings, problems, positions


def _unread_table(table: Table) -> Problem:
    return Problem(
        kind="unrecovered",
        where=table.key,
        expected=table.column_keys,
        found=None,
        message=f"{table.title}：找不到这张表的数字，各格未填入",
        severity="warning",
    )


def parse_text(
    text: str, *, file: str = "", last: ReportData | None = None, note: str = ""
) -> Parsed:
    """`note`: where the copy came from (a corpus file's first line), used for the year and the
    agency only when the text itself does not state them."""
    text = canon(normalize(text))
    note = canon(normalize(note))
    fmt, _ = detect_format(text)
    year = detect_year(text) or detect_year(note)
    agency = detect_agency(text) or detect_agency(note)
    parsed = Parsed(file=file, report=None, text=text, year=year, agency=agency)
    claims = narrative.claims(text, fmt)
    first_published = next((c.value for c in claims if c.kind == "published"), None)
    if fmt is None:
        parsed.problems = narrative.self_checks(text, first_published)
        parsed.confidence = 0.5 if claims else 0.0
        return parsed
    readings, problems, positions = _read_rows(fmt, text)
    stated = {c.value for c in claims}
    solution = solve(fmt, readings, last=last, stated=stated)
    values = {t.key: {r.key: dict.fromkeys(t.column_keys) for r in t.cell_rows} for t in fmt.tables}
    for table_key, rows in solution.values.items():
        for row, cells in rows.items():
            values[table_key][row].update(cells)
    report = ReportData(format=fmt, agency=agency, year=year or 0, values=values)
    for (table_key, row), options in solution.ambiguous.items():
        table = fmt.table(table_key)
        label = table.row(row).short_label or table.row(row).label
        listed = "；".join("|".join(c if c is not None else "空" for c in o) for o in options[:6])
        problems.append(
            Problem(
                kind="unrecovered",
                where=f"{table_key}:{row}",
                expected=[list(o) for o in options],
                found=None,
                message=f"{label}：数字连在一起，有{len(options)}种拆法都说得通（{listed}），"
                "无法确定，未填入",
                severity="warning",
            )
        )
    for table_key, row in sorted(solution.hinted):
        table = fmt.table(table_key)
        problems.append(
            Problem(
                kind="split",
                where=f"{table_key}:{row}",
                expected=None,
                found=[report.value(table_key, row, c) for c in table.column_keys],
                message=f"{table.row(row).label}：数字连在一起，表中关系不能确定拆法，"
                "按正文中写明的数字拆分",
                severity="info",
            )
        )
    problems += check_identities(report)
    problems += check_cross_year(report, last)
    problems += narrative.compare(claims, report)
    published_cell = {
        "fj2008": ("fj_tongjibiao", "pub", "year"),
        "gb2008": ("tongjibiao", "s1_pub", "value"),
    }
    cell = published_cell.get(fmt.id)
    if first_published is None and cell:
        first_published = report.value(*cell)
    problems += narrative.self_checks(text, first_published)
    for problem in problems:  # a table's problem points at its row in the document
        if problem.at is None and ":" in problem.where:
            table_key, _, rest = problem.where.partition(":")
            problem.at = positions.get((table_key, rest.partition(".")[0]))
    report.problems = problems
    report.provenance = {"source": "imported", "file": file}
    parsed.report, parsed.problems, parsed.format_id = report, problems, fmt.id
    cells = sum(len(t.cell_rows) * len(t.column_keys) for t in fmt.tables)
    unknown = sum(len(o[0]) for o in solution.ambiguous.values())
    parsed.confidence = max(0.0, 1 - unknown / max(cells, 1) - 0.05 * len(solution.hinted))
    return parsed


def parse_file(path: Path | str, *, last: ReportData | None = None, data: bytes | None = None):
    """Raises Unreadable with the reason when the file cannot be read as a report."""
    extracted = extract(path, data)
    parsed = parse_text(extracted.text, file=str(path), last=last, note=extracted.source_note)
    if parsed.report is None and not parsed.problems and parsed.year is None:
        raise Unreadable(
            "文件中找不到政府信息公开工作年度报告的内容（没有年度、统计表或相关数字）。"
        )
    return parsed


__all__ = ["Parsed", "Unreadable", "parse_file", "parse_text", "to_number"]
