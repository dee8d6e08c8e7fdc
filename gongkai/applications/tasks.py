"""Background tasks (Celery). Each is a thin wrapper around a plain function, which the
`gongkai remind-deadlines` command also calls, so the work is testable without a broker."""

import datetime as dt

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone

from gongkai.accounts.phones import looks_like_phone, normalize_phone
from gongkai.accounts.sms import send_sms
from gongkai.agencies.models import Membership
from gongkai.agencies.roles import Role
from gongkai.deadlines.selectors import reminder_horizon

from .models import Application
from .selectors import with_reply_due
from .states import TERMINAL


def cases_needing_attention(*, today: dt.date) -> list[Application]:
    """Open cases whose reply is overdue or due within the reminder window (working days)."""
    horizon = reminder_horizon(today)
    cases = with_reply_due(
        Application.objects.exclude(status__in=TERMINAL).select_related("agency", "assigned_to")
    )
    return [c for c in cases if c.reply_due is not None and c.reply_due <= horizon]


def send_deadline_reminders(*, today: dt.date | None = None) -> int:
    """One message per responsible clerk listing their urgent cases. Returns messages sent."""
    today = today or timezone.localdate()
    by_person: dict = {}
    for case in cases_needing_attention(today=today):
        people = (
            [case.assigned_to]
            if case.assigned_to
            else [
                m.user
                for m in Membership.objects.filter(
                    agency=case.agency, role=Role.CLERK
                ).select_related("user")
            ]
        )
        for person in people:
            by_person.setdefault(person, []).append(case)
    sent = 0
    for person, cases in by_person.items():
        lines = [
            f"{c.number}（{c.info_title[:20]}）答复期限{c.reply_due.isoformat()}"
            + ("，已逾期" if c.reply_due < today else "")
            for c in sorted(cases, key=lambda c: c.reply_due)
        ]
        text = (
            f"【{settings.GONGKAI_SITE_NAME}】您有{len(cases)}件申请临近或超过答复期限："
            + "；".join(lines)
        )
        if person.phone and looks_like_phone(person.phone):
            send_sms(normalize_phone(person.phone), text)
            sent += 1
        if person.email:
            send_mail("政府信息公开申请期限提醒", text, None, [person.email])
            sent += 1
    return sent


@shared_task
def remind_deadlines() -> int:
    return send_deadline_reminders()
