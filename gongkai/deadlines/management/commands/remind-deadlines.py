"""`gongkai remind-deadlines`: the daily reminder, for installations that run cron instead of a
Celery worker (the Celery beat schedule runs the same function). Running it twice a day, or
beside beat, sends nobody a second digest."""

from django.core.management.base import BaseCommand, CommandError

from gongkai.core.errors import DomainError
from gongkai.deadlines.compute import parse_date
from gongkai.deadlines.reminders import send_reminders
from gongkai.deadlines.reminders.send import channels_of, mail_text


class Command(BaseCommand):
    help = "向承办人、审核人和负责人发送期限提醒：已逾期、临近到期、暂时无法计算的期限和待确认收到的申请，每人每天一份汇总。"

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="只列出将要发送的提醒，不发送也不记录"
        )
        parser.add_argument("--today", help="按这一天计算（YYYY-MM-DD），默认今天")

    def handle(self, *args, **options):
        try:
            today = parse_date(options["today"], what="日期") if options["today"] else None
        except DomainError as error:
            raise CommandError(str(error)) from None
        run = send_reminders(today=today, dry_run=options["dry_run"])
        if options["dry_run"]:
            for digest in run.digests:
                person = digest.recipient
                ways = "、".join({"sms": "短信", "email": "邮件"}[c] for c in channels_of(person))
                self.stdout.write(f"→ {person.get_username()}（{ways}）")
                self.stdout.write(mail_text(digest) + "\n")
            self.stdout.write(
                f"试运行：将发送 {len(run.digests)} 份提醒（未发送）；"
                f"今日已提醒 {run.skipped} 人，无联系方式 {run.unreachable} 人。"
            )
            return
        self.stdout.write(
            f"已发送 {run.sent} 份提醒；失败 {run.failed} 份；"
            f"今日已提醒 {run.skipped} 人；无联系方式 {run.unreachable} 人。"
        )
        if run.failed:
            # Cron mails the output of a failing command: someone learns that reminders failed.
            raise CommandError(f"{run.failed} 份提醒未能发送，详见日志；再次运行将重试。")
