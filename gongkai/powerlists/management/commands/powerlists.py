"""`gongkai powerlists import FILE --agency CODE --effective-on YYYY-MM-DD --reason … --document …
[--dry-run]`: publish a whole power list from a CSV or XLSX file (all rows or none)."""

import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gongkai.agencies.models import Agency
from gongkai.core.errors import DomainError
from gongkai.powerlists import services as s


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"“{value}”不是有效日期（应为YYYY-MM-DD）。") from None


class Command(BaseCommand):
    help = "权力清单和责任清单：import 从CSV或XLSX批量公布（全部无误才导入）。"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import", help="批量公布清单")
        imp.add_argument("file", type=Path)
        imp.add_argument("--agency", required=True, help="机关代码")
        imp.add_argument("--effective-on", required=True, type=_date, help="生效日期")
        imp.add_argument("--reason", required=True, help="调整理由")
        imp.add_argument("--document", required=True, help="批准文件名称或文号")
        imp.add_argument("--dry-run", action="store_true", help="只检查，不导入")

    def handle(self, *args, **options):
        agency = Agency.objects.filter(code=options["agency"]).first()
        if agency is None:
            raise CommandError(f"没有代码为“{options['agency']}”的机关。")
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"找不到文件 {path}")
        try:
            rows = s.read_rows(path.read_bytes(), path.name)
            items = s.powerlist_import(
                actor=None,
                agency=agency,
                rows=rows,
                effective_on=options["effective_on"],
                reason=options["reason"],
                document=options["document"],
                source_name=path.name,
                dry_run=options["dry_run"],
            )
        except s.ImportFailed as failure:
            for error in failure.errors:
                self.stderr.write(str(error))
            raise CommandError(failure.message) from None
        except DomainError as error:
            raise CommandError(error.message) from None
        if options["dry_run"]:
            self.stdout.write(self.style.SUCCESS(f"检查通过：{len(rows)} 行均可导入。"))
        else:
            self.stdout.write(self.style.SUCCESS(f"已列入清单 {len(items)} 项。"))
