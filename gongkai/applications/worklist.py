"""What the disclosure office's 工作台 lists of applications: the clerk's deadlines and waiting
cases, the reviewer's drafts to approve, the head's extensions to decide."""

import datetime as dt

from django.db.models import Min
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from gongkai.agencies.roles import Capability
from gongkai.core.worklist import DUE, INFO, URGENT, WAITING, Counter, register
from gongkai.core.worklist_counts import per_agency
from gongkai.deadlines.counting import counting
from gongkai.deadlines.models import Deadline
from gongkai.workdays.calendar import YearNotLoaded
from gongkai.workdays.selectors import provisional_calendar

from .models import Application, Consultation, ExtensionRequest
from .states import Status


def _queue(**params):
    def url(agency_id=None) -> str:
        query = dict(params, **({"agency": agency_id} if agency_id else {}))
        return (
            reverse("applications_office:queue")
            + "?"
            + "&".join(f"{key}={value}" for key, value in query.items())
        )

    return url


def _in_status(status: str, *, exclude_own: str | None = None):
    def count(agency_ids, *, today, user=None):
        rows = Application.objects.filter(status=status)
        if exclude_own and user is not None:
            rows = rows.exclude(**{exclude_own: user.pk})
        return per_agency(rows, agency_ids)

    return count


def _unconfirmed_since(agency_ids, *, today: dt.date, user=None) -> str | None:
    """Art. 31(3): an online application counts as received only once confirmed; say how long
    the oldest has waited."""
    oldest = Application.objects.filter(
        status=Status.SUBMITTED, agency_id__in=agency_ids
    ).aggregate(first=Min("submitted_on"))["first"]
    if oldest is None:
        return None
    try:
        waited = provisional_calendar().workdays_between(oldest, today)
    except YearNotLoaded:  # a year no holiday rule covers: say the date only
        return _("最早于%(d)s提交。") % {"d": oldest.isoformat()}
    return _("最早于%(d)s提交，已等待%(n)s个工作日。") % {"d": oldest.isoformat(), "n": waited}


def _extensions_pending(agency_ids, *, today, user=None):
    rows = ExtensionRequest.objects.filter(approved__isnull=True)
    return per_agency(rows, agency_ids, field="application__agency_id")


HANDLE, REVIEW = Capability.HANDLE, Capability.REVIEW
for counter in (
    Counter(
        "applications.overdue",
        _l("答复已逾期的申请"),
        HANDLE,
        counting(Application, Deadline.Kind.REPLY, "overdue"),
        _queue(urgency="overdue"),
        severity=URGENT,
        order=10,
    ),
    Counter(
        "applications.due_today",
        _l("今日到期的申请"),
        HANDLE,
        counting(Application, Deadline.Kind.REPLY, "today"),
        _queue(urgency="today"),
        severity=URGENT,
        order=11,
    ),
    Counter(
        "applications.due_soon",
        _l("提醒期内到期的申请"),
        HANDLE,
        counting(Application, Deadline.Kind.REPLY, "soon"),
        _queue(urgency="soon"),
        severity=DUE,
        order=12,
    ),
    Counter(
        "applications.unconfirmed",
        _l("待确认收到的申请"),
        HANDLE,
        _in_status(Status.SUBMITTED),
        _queue(status=Status.SUBMITTED, sort="received"),
        severity=DUE,
        order=13,
        detail=_unconfirmed_since,
    ),
    Counter(
        "applications.correction_notice",
        _l("告知补正的期限将届满"),
        HANDLE,
        # Art. 30: after the limit 补正 can no longer be asked, so only a limit still ahead.
        counting(Application, Deadline.Kind.CORRECTION_NOTICE, "attention"),
        _queue(waiting=Deadline.Kind.CORRECTION_NOTICE),
        severity=DUE,
        order=14,
    ),
    Counter(
        "applications.consultation",
        _l("征求意见的答复期限将届满"),
        HANDLE,
        # The answer period is the consultation's own deadline (Arts. 32, 34).
        counting(Consultation, Deadline.Kind.CONSULTATION, "attention"),
        _queue(waiting=Deadline.Kind.CONSULTATION),
        severity=DUE,
        order=15,
    ),
    Counter(
        "applications.fee",
        _l("等待申请人缴纳信息处理费"),
        HANDLE,
        _in_status(Status.AWAITING_FEE),
        _queue(status=Status.AWAITING_FEE),
        severity=WAITING,
        order=16,
    ),
    Counter(
        "applications.awaiting_approval",
        _l("答复待审核"),
        REVIEW,
        # A reviewer never approves a reply they drafted (services.decisions).
        _in_status(Status.DECISION_DRAFTED, exclude_own="decided_by_id"),
        _queue(status=Status.DECISION_DRAFTED),
        severity=WAITING,
        order=20,
    ),
    Counter(
        "applications.extension",
        _l("延期申请待负责人审批"),
        Capability.APPROVE_EXTENSION,
        _extensions_pending,
        _queue(waiting="extension"),
        severity=WAITING,
        order=21,
    ),
    Counter(
        "applications.provisional",
        _l("答复期限暂定的申请"),
        HANDLE,
        counting(Application, Deadline.Kind.REPLY, "provisional"),
        _queue(urgency="provisional"),
        severity=INFO,
        order=30,
    ),
    Counter(
        "applications.pending_deadline",
        _l("答复期限暂时无法计算的申请"),
        HANDLE,
        counting(Application, Deadline.Kind.REPLY, "pending"),
        _queue(urgency="pending"),
        severity=INFO,
        order=31,
    ),
):
    register(counter)
