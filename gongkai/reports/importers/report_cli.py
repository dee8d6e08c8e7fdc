"""`gongkai report check` and `gongkai report import`: output and exit status."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tqdm import tqdm

from gongkai.core.errors import DomainError

from ..document import ReportData
from ..states import STANDING
from .batch import check_files, same_agency

SEVERITY = {"error": "不一致", "warning": "注意", "info": "说明"}


def known_last(agency_name: str, year: int) -> ReportData | None:
    """An earlier report kept here (imported or final) of the agency the text names."""
    from gongkai.agencies.models import Agency

    from ..models import AnnualReport
    from ..selectors import report_data

    for agency in Agency.objects.filter(name__contains=agency_name[:4] if agency_name else "-"):
        if not same_agency(agency.name, agency_name):
            continue
        report = (
            AnnualReport.objects.filter(
                agency=agency, year=year - 1, subtree=False, status__in=STANDING
            )
            .exclude(snapshot=None)
            .order_by("-version")
            .first()
        )
        if report is not None:
            return report_data(report)
    return None


def _results(files: list[str], command):
    bar = tqdm(
        total=len(files), desc="读取年报", unit="份", disable=len(files) < 3, file=sys.stderr
    )
    with bar:
        return check_files([(f, None) for f in files], known_last=known_last, progress=bar)


def status_of(results) -> int:
    if any(r.error for r in results):
        return 2
    if any(not r.parsed.consistent for r in results):
        return 1
    return 0


def check_command(command, files: list[str], *, as_json: bool) -> int:
    results = _results(files, command)
    if as_json:
        out = [
            r.parsed.to_json() if r.parsed else {"file": r.file, "error": r.error, "problems": []}
            for r in results
        ]
        command.stdout.write(json.dumps(out, ensure_ascii=False, indent=2, default=str))
        return status_of(results)
    for result in results:
        name = Path(result.file).name
        if result.error:
            command.stdout.write(f"{name}：无法读取：{result.error}")
            continue
        parsed = result.parsed
        what = parsed.format_id or "没有统计表"
        errors = [p for p in parsed.problems if p.severity == "error"]
        verdict = f"{len(errors)}处不一致" if errors else "未发现不一致"
        command.stdout.write(
            f"{name}：{parsed.agency or '（机关不详）'} {parsed.year or '（年度不详）'}年度，"
            f"格式 {what}，可信度 {parsed.confidence:.2f}，{verdict}"
        )
        for problem in parsed.problems:
            command.stdout.write(f"  [{SEVERITY[problem.severity]}] {problem.message}")
    return status_of(results)


def import_command(command, files: list[str], agency, *, assume_yes: bool) -> int:
    from ..services import report_import

    results = _results(files, command)
    status = status_of(results)
    for result in results:
        name = Path(result.file).name
        if result.error or result.parsed.report is None:
            command.stderr.write(f"{name}：不能导入：{result.error or '文件中没有统计表'}")
            status = 2
            continue
        content = Path(result.file).read_bytes()
        try:
            report = report_import(
                actor=None, agency=agency, parsed=result.parsed, filename=name, content=content
            )
        except DomainError as error:
            if error.code != "report_exists":
                raise
            if not (assume_yes or _ask(command, f"{error.message}替换为{name}？[y/N] ")):
                command.stdout.write(f"{name}：未导入（保留原有年报）。")
                continue
            report = report_import(
                actor=None,
                agency=agency,
                parsed=result.parsed,
                filename=name,
                content=content,
                replace=True,
            )
        errors = sum(1 for p in result.parsed.problems if p.severity == "error")
        command.stdout.write(
            f"{name}：已导入为{agency}{report.year}年度年报（第{report.version}版，格式 "
            f"{report.format}）" + (f"，有{errors}处不一致" if errors else "")
        )
    return status


def _ask(command, question: str) -> bool:
    if not sys.stdin or not sys.stdin.isatty():
        command.stderr.write(question + "（没有可交互的终端：请加 --yes 确认替换）")
        return False
    return input(question).strip().lower() in {"y", "yes", "是"}
