"""Checking many published reports at once: each file parsed, then the reports of the same
agency in consecutive years checked against each other (the carry-overs and 历年累计)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..document import ReportData
from .extract import Extracted, Unreadable, extract
from .parse import Parsed, parse_text


@dataclass
class Result:
    file: str
    parsed: Parsed | None = None
    error: str = ""  # why the file could not be read (exit status 2)
    extracted: Extracted | None = None


def same_agency(a: str, b: str) -> bool:
    """平潭综合实验区 and 平潭综合实验区管委会 are one agency; the title may shorten the name."""
    return bool(a and b) and (a == b or a.startswith(b) or b.startswith(a))


def _parse(result: Result, last: ReportData | None) -> Parsed:
    extracted = result.extracted
    return parse_text(extracted.text, file=result.file, last=last, note=extracted.source_note)


def check_files(
    files: list[tuple[str, bytes | None]],
    *,
    known_last: Callable[[str, int], ReportData | None] | None = None,
    progress=None,
) -> list[Result]:
    """`files`: (name or path, content or None to read the path). `known_last(agency, year)`
    gives an earlier report kept elsewhere (imported ones) when the batch has none."""
    results = []
    for name, data in files:
        result = Result(file=name)
        try:
            result.extracted = extract(Path(name), data)
            result.parsed = _parse(result, None)
            if result.parsed.report is None and result.parsed.year is None:
                raise Unreadable("文件中找不到政府信息公开工作年度报告的内容（没有年度和统计表）。")
        except Unreadable as error:
            result.error, result.parsed = str(error), None
        results.append(result)
        if progress is not None:
            progress.update(1)
    parsed = [r for r in results if r.parsed is not None and r.parsed.report is not None]
    for result in parsed:
        this = result.parsed
        if not this.year:
            continue
        earlier = [
            r.parsed.report
            for r in parsed
            if r is not result
            and r.parsed.year == this.year - 1
            and same_agency(r.parsed.agency, this.agency)
        ]
        last = (
            earlier[0] if earlier else (known_last(this.agency, this.year) if known_last else None)
        )
        if last is not None:
            result.parsed = _parse(result, last)
    return results
