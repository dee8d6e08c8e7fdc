"""`gongkai workdays`: the holiday table.

gongkai workdays list                      loaded years and their sources
gongkai workdays load-notice FILE [--year YYYY] [--yes] [--source TEXT]
gongkai workdays load-bundled              years from the chinese-calendar package (also at migrate)
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gongkai.core.errors import DomainError
from gongkai.workdays.loaders import load_bundled_years
from gongkai.workdays.notice import parse_notice
from gongkai.workdays.selectors import loaded_years
from gongkai.workdays.services import calendar_year_load


class Command(BaseCommand):
    help = "管理节假日安排：列出已载入年份、载入国务院办公厅节假日安排通知。"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("list", help="列出已载入的年份")
        notice = sub.add_parser("load-notice", help="从通知原文载入某年的节假日安排")
        notice.add_argument("file", help="通知原文（UTF-8 文本文件），- 表示标准输入")
        notice.add_argument("--year", type=int, help="年份（通知文本没有标题时需要）")
        notice.add_argument("--source", help="来源说明，缺省为通知标题和文号")
        notice.add_argument("--yes", action="store_true", help="不询问，直接保存")
        sub.add_parser("load-bundled", help="载入 chinese-calendar 软件包中尚未载入的年份")

    def handle(self, *args, action, **options):
        if action == "list":
            for year in loaded_years():
                self.stdout.write(f"{year.year}  {year.day_count:>3} 天  {year.source}")
        elif action == "load-bundled":
            years = load_bundled_years()
            self.stdout.write(f"载入了 {len(years)} 个年份：{', '.join(map(str, years)) or '无'}")
        else:
            self.load_notice(**options)

    def load_notice(self, *, file, year, source, yes, **options):
        try:
            text = self.stdin_text() if file == "-" else Path(file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"无法读取 {file}：{error}", returncode=2) from None
        try:
            parsed = parse_notice(text, year=year)
        except DomainError as error:
            raise CommandError(error.message, returncode=2) from None
        self.stdout.write(parsed.summary())
        if not yes:
            answer = input(f"保存为{parsed.year}年的节假日安排，替换该年已有的安排？[y/N] ")
            if answer.strip().lower() not in {"y", "yes", "是"}:
                self.stdout.write("未保存。")
                return
        label = source or " ".join(filter(None, [parsed.title, parsed.document_number]))
        calendar_year_load(
            year=parsed.year,
            days=parsed.days,
            source=label or f"{parsed.year}年节假日安排通知",
            notice_text=text,
            actor=None,
        )
        self.stdout.write(
            self.style.SUCCESS(f"已保存{parsed.year}年节假日安排，未结期限已重新计算。")
        )

    def stdin_text(self) -> str:
        import sys

        return sys.stdin.read()
