"""Background tasks (Celery beat runs remind_deadlines once a day; `gongkai remind-deadlines`
does the same from cron where no worker runs)."""

from celery import shared_task

from .reminders import send_reminders


@shared_task
def remind_deadlines() -> dict[str, int]:
    """The daily digests; returns how many were sent, failed, skipped, unreachable."""
    return send_reminders().counts()
