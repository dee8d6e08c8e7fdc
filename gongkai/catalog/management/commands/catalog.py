"""`gongkai catalog import FILE --agency CODE --user USERNAME [--history] [--attachments DIR]
[--dry-run]` and `gongkai catalog publish-due` (publish scheduled items whose 保密审查 approved
them; for cron where no Celery beat runs).

An import is made as a named member of staff (`--user`): the items are theirs, so they cannot
review them, and nothing is public until a reviewer approves it (docs/catalog.md)."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError
from django.http import Http404
from tqdm import tqdm

from gongkai.agencies.models import Agency
from gongkai.catalog import services as s
from gongkai.catalog.services.importer import folder_source, read_rows
from gongkai.core.errors import DomainError


class Command(BaseCommand):
    help = "主动公开目录：import 批量导入；publish-due 发布到时的定时条目。"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import", help="从CSV或JSON导入目录（全部无误才导入）")
        imp.add_argument("file", type=Path)
        imp.add_argument("--agency", required=True, help="机关代码")
        imp.add_argument(
            "--user", required=True, help="导入人的用户名（须在该机关有导入的岗位；不能审查本批）"
        )
        imp.add_argument(
            "--history",
            action="store_true",
            help="历史迁移：原系统已发布的行保留发布日期，经保密审查通过后按原日期公开（限管理员）",
        )
        imp.add_argument("--attachments", type=Path, help="附件所在文件夹")
        imp.add_argument("--dry-run", action="store_true", help="只检查，不导入")
        sub.add_parser("publish-due", help="发布定时时间已到的条目")

    def handle(self, *args, **options):
        if options["action"] == "publish-due":
            done = s.publish_due()
            self.stdout.write(f"已发布 {len(done)} 条。")
            return
        agency = Agency.objects.filter(code=options["agency"]).first()
        if agency is None:
            raise CommandError(f"没有代码为“{options['agency']}”的机关。")
        user = get_user_model().objects.filter(username=options["user"], is_active=True).first()
        if user is None:
            raise CommandError(f"没有用户名为“{options['user']}”的在用账号。")
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"找不到文件 {path}")
        folder = options["attachments"]
        if folder is not None and not folder.is_dir():
            raise CommandError(f"附件文件夹 {folder} 不存在。")
        try:
            rows = read_rows(path.read_bytes(), path.name)
            with tqdm(total=len(rows), unit="行", desc="导入", disable=options["dry_run"]) as bar:
                items = s.catalog_import(
                    actor=user,
                    agency=agency,
                    rows=rows,
                    source_name=path.name,
                    history=options["history"],
                    read_attachment=folder_source(folder),
                    dry_run=options["dry_run"],
                    progress=lambda: bar.update(1),
                )
        except s.ImportFailed as failure:
            for error in failure.errors:
                self.stderr.write(str(error))
            raise CommandError(failure.message) from None
        except DomainError as error:
            raise CommandError(error.message) from None
        except (PermissionDenied, Http404):
            raise CommandError(
                f"用户“{user.get_username()}”不能向“{agency.name}”导入"
                + ("历史迁移（须为本机关管理员）。" if options["history"] else "目录。")
            ) from None
        if options["dry_run"]:
            self.stdout.write(self.style.SUCCESS(f"检查通过：{len(rows)} 行均可导入。"))
        else:
            batch = items[0].import_batch
            self.stdout.write(
                self.style.SUCCESS(
                    f"已导入 {len(items)} 条（导入批次 {batch.pk}），均未公开："
                    f"请审核人在 {batch.get_absolute_url()} 进行保密审查。"
                )
            )
