"""`gongkai remind-deadlines`: the daily reminder, for installations that run cron instead of
a Celery worker (the Celery beat schedule runs the same function)."""

from django.core.management.base import BaseCommand

from gongkai.applications.tasks import send_deadline_reminders


class Command(BaseCommand):
    help = "向承办人发送临近或超过答复期限的申请提醒。"

    def handle(self, *args, **options):
        sent = send_deadline_reminders()
        self.stdout.write(f"已发送 {sent} 条提醒。")
