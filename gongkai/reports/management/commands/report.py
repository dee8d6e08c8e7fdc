"""`gongkai report build`: an annual report from the records, written as JSON, XLSX, DOCX, PDF or
HTML (the file's extension decides). Exit status 2 with a message for bad input."""

from __future__ import annotations

import sys
from pathlib import Path

from django.core.management.base import BaseCommand

from gongkai.agencies.models import Agency
from gongkai.core.errors import DomainError
from gongkai.reports.compute import build
from gongkai.reports.formats import OFFICIAL, UnknownFormat, format_for_year, get_format
from gongkai.reports.models import AnnualReport
from gongkai.reports.narrative import prefill
from gongkai.reports.presentation import export_input


class Usage(Exception):
    """Bad input: printed and exit status 2."""


def find_agency(text: str) -> Agency:
    text = (text or "").strip()
    agency = Agency.objects.filter(code=text).first() or Agency.objects.filter(name=text).first()
    if agency is None:
        raise Usage(f"找不到机关“{text}”：请用机关代码（如 411400-gxw）或机关全称。")
    return agency


def has_data(data) -> bool:
    return any(
        value not in (None, 0)
        for rows in data.values.values()
        for cells in rows.values()
        for value in cells.values()
    )


class Command(BaseCommand):
    help = "政府信息公开工作年度报告：build 按记录生成年报并导出（.json/.xlsx/.docx/.pdf/.html）。"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        b = sub.add_parser("build", help="按记录生成年度报告")
        b.add_argument("--agency", required=True, help="机关代码或机关全称")
        b.add_argument("--year", required=True, type=int, help="报告年度，如 2017")
        b.add_argument(
            "--format", default="", help=f"年报格式：{'、'.join(OFFICIAL)}（默认按年度）"
        )
        b.add_argument("--subtree", action="store_true", help="汇总本机关及全部下级机关")
        b.add_argument("--out", required=True, help="输出文件，扩展名决定格式")
        c = sub.add_parser("check", help="检查已发布的年度报告（.txt/.html/.docx/.pdf/.xlsx）")
        c.add_argument("files", nargs="+", metavar="FILE")
        c.add_argument("--json", action="store_true", help="以JSON输出（每个文件一个对象）")
        i = sub.add_parser("import", help="把已发布的年度报告导入为本机关的历史年报")
        i.add_argument("files", nargs="+", metavar="FILE")
        i.add_argument("--agency", required=True, help="机关代码或机关全称")
        i.add_argument("--yes", action="store_true", help="该年度已有年报时不再询问，直接替换")

    def handle(self, *args, action, **options):
        try:
            status = getattr(self, f"do_{action}")(**options)
        except (Usage, UnknownFormat, DomainError) as error:
            self.stderr.write(f"错误：{error}")
            sys.exit(2)
        if status:
            sys.exit(status)

    def do_check(self, *, files, json, **options):
        from gongkai.reports.importers.report_cli import check_command

        return check_command(self, files, as_json=json)

    def do_import(self, *, files, agency, yes, **options):
        from gongkai.reports.importers.report_cli import import_command

        return import_command(self, files, find_agency(agency), assume_yes=yes)

    def do_build(self, *, agency, year, format, subtree, out, **options):
        from gongkai.reports.exporters import EXTENSIONS, export

        path = Path(out)
        kind = EXTENSIONS.get(path.suffix.lower())
        if kind is None:
            raise Usage(f"不支持的输出格式“{path.suffix}”：可用 {'、'.join(EXTENSIONS)}。")
        agency = find_agency(agency)
        if not 1990 <= year <= 2100:
            raise Usage(f"年度“{year}”无效。")
        fmt = get_format(format) if format else format_for_year(year)
        if not fmt.official:
            raise Usage(f"“{fmt.id}”是地方样式，只用于检查已发布的年报（gongkai report check）。")
        saved = (
            AnnualReport.objects.filter(agency=agency, year=year, subtree=subtree, format=fmt.id)
            .order_by("-version")
            .first()
        )
        data = build(fmt, agency, year, subtree=subtree, entered=saved.entered if saved else {})
        if not has_data(data):
            raise Usage(f"{agency}{year}年度没有任何记录，无法生成年报。")
        from gongkai.reports.check import check

        data.problems = check(data)
        text = saved.narratives.first().sections if saved and saved.narratives.exists() else None
        narrative = text or prefill(data, agency=agency)
        if not path.parent.exists():
            raise Usage(f"输出目录“{path.parent}”不存在。")
        path.write_bytes(export(export_input(data, agency, narrative), kind))
        errors = [p for p in data.problems if p.severity == "error"]
        self.stdout.write(
            f"已生成 {path}（{fmt.name}，{agency} {year}年度"
            + ("，含下级机关" if subtree else "")
            + (f"；{len(errors)}项数字关系不成立" if errors else "")
            + "）"
        )
