"""`gongkai demo`: load the demonstration data (idempotent). Installed with the local and test
settings only, so that a production install has no command that creates known passwords."""

from django.core.management.base import BaseCommand
from tqdm import tqdm

from gongkai.agencies.models import Agency
from gongkai.demo.data.accounts import DEMO_LOGINS, DEMO_PASSWORD
from gongkai.demo.load import load_all
from gongkai.demo.progress import Reporter


class Command(BaseCommand):
    help = "载入演示数据（商丘市人民政府及其部门、各岗位的演示账户、两名公众用户）。可重复运行。"

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="仅当数据库中还没有任何机关时才载入（make run 使用）。",
        )
        parser.add_argument("--quiet-logins", action="store_true", help="不打印演示账户。")
        parser.add_argument(
            "--without-cases",
            action="store_true",
            help="不载入演示申请和目录（只载入机关和账户）。",
        )
        parser.add_argument(
            "--without-catalog", action="store_true", help="不载入演示主动公开目录（约需10秒）。"
        )

    def handle(
        self,
        *args,
        if_empty=False,
        quiet_logins=False,
        without_cases=False,
        without_catalog=False,
        **options,
    ):
        if if_empty and Agency.objects.exists():
            self.stdout.write("数据库中已有机关，跳过演示数据。")
        else:
            loaded = load_all(
                with_cases=not without_cases,
                with_catalog=not without_catalog,
                reporter=self.reporter(options.get("verbosity", 1)),
            )
            self.stdout.write(
                self.style.SUCCESS(
                    f"演示数据已就绪：{len(loaded.agencies)} 个机关，{len(loaded.staff)} 个工作人员账户，"
                    f"{len(loaded.public)} 个公众账户，新载入 {loaded.cases} 件依申请公开申请、"
                    f"{loaded.catalog.get('items', 0)} 条主动公开目录条目、"
                    f"{loaded.engagement.get('consultations', 0)} 项征求意见、"
                    f"{loaded.appeals.get('cases', 0)} 件复议诉讼投诉、"
                    f"{loaded.powerlists.get('items', 0)} 项权责清单事项、"
                    f"{loaded.facts.get('records', 0)} 条年度工作记录、"
                    f"{loaded.reports.get('reports', 0)} 份年度报告。"
                )
            )
        if not quiet_logins:
            self.print_logins()

    def reporter(self, verbosity: int) -> Reporter:
        """Notes on stdout with --verbosity 2 or more; progress bars for the long parts on
        stderr when it is a terminal (tqdm turns itself off otherwise), none with --verbosity 0."""
        # tqdm redraws its line with "\r", so it writes to the stream itself, not through
        # OutputWrapper.write (which would end every redraw with a newline).
        stream = getattr(self.stderr, "_out", self.stderr)

        def steps(iterable, *, desc, total=None):
            disable = None if verbosity > 0 else True
            return tqdm(iterable, desc=desc, total=total, file=stream, leave=False, disable=disable)

        def note(text: str) -> None:
            if verbosity >= 2:
                self.stdout.write(text)

        return Reporter(note=note, steps=steps)

    def print_logins(self):
        self.stdout.write("")
        self.stdout.write(f"演示账户（密码均为 {DEMO_PASSWORD}，可用用户名或手机号码登录）：")
        for username, phone, description in DEMO_LOGINS:
            self.stdout.write(f"  {username:<16} {phone}  {description}")
        self.stdout.write("")
