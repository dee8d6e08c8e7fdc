"""Background tasks (Celery beat runs publish_scheduled every minute). The command
`gongkai catalog publish-due` does the same from cron where no worker runs."""

from celery import shared_task

from .services import publish_due


@shared_task
def publish_scheduled() -> int:
    return len(publish_due())
