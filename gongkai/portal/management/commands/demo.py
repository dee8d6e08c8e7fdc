"""`gongkai demo`: load the demonstration data (idempotent). Later apps add their records here."""

from django.core.management.base import BaseCommand
from django.db import transaction

from gongkai.accounts.demo import (
    DEMO_PASSWORD,
    load_public_users,
    load_staff_users,
    staff_roles,
)
from gongkai.agencies.demo import load_agencies
from gongkai.agencies.models import Agency
from gongkai.appeals.demo import load_demo as load_appeals
from gongkai.applications.demo import load_applications
from gongkai.catalog.demo import load_catalog
from gongkai.engagement.demo import load_demo as load_engagement
from gongkai.facts.demo import load_demo as load_facts
from gongkai.powerlists.demo import load_demo as load_powerlists
from gongkai.reports.demo import load_demo as load_reports


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
            with transaction.atomic():
                agencies = load_agencies()
                staff = load_staff_users(agencies)
                public = load_public_users()
                cases = 0 if without_cases else load_applications(agencies, staff_roles())
                appeals = {} if without_cases else load_appeals()
                skip_catalog = without_cases or without_catalog
                catalog = {} if skip_catalog else load_catalog(quiet=True)
                engagement = {} if without_cases else load_engagement()
                facts = load_facts()
                powers = load_powerlists()
                reports = {} if skip_catalog else load_reports()
            self.stdout.write(
                self.style.SUCCESS(
                    f"演示数据已就绪：{len(agencies)} 个机关，{len(staff)} 个工作人员账户，"
                    f"{len(public)} 个公众账户，新载入 {cases} 件依申请公开申请、"
                    f"{catalog.get('items', 0)} 条主动公开目录条目、"
                    f"{engagement.get('consultations', 0)} 项征求意见、{appeals.get('cases', 0)} 件复议诉讼投诉、"
                    f"{powers.get('items', 0)} 项权责清单事项、{facts.get('records', 0)} 条年度工作记录、"
                    f"{reports.get('reports', 0)} 份年度报告。"
                )
            )
        if not quiet_logins:
            self.print_logins()

    def print_logins(self):
        from gongkai.accounts.demo import DEMO_LOGINS

        self.stdout.write("")
        self.stdout.write(f"演示账户（密码均为 {DEMO_PASSWORD}，可用用户名或手机号码登录）：")
        for username, phone, description in DEMO_LOGINS:
            self.stdout.write(f"  {username:<16} {phone}  {description}")
        self.stdout.write("")
