"""Reads of applications: scoped lists, the work queue, lookup by query code."""

import datetime as dt
import hmac
from contextlib import suppress
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Cast
from django.utils import timezone

from gongkai.agencies.permissions import agency_ids_with
from gongkai.agencies.roles import Capability
from gongkai.core.errors import DomainError
from gongkai.deadlines.display import DeadlineShown, deadline_shown, row_urgency
from gongkai.deadlines.models import Deadline
from gongkai.deadlines.selectors import reminder_horizon
from gongkai.workdays.selectors import provisional_calendar

from .models import Application, RequestCheck
from .services.base import hash_query_code
from .similarity import application_digest
from .states import TERMINAL


def applications_visible_to(*, user) -> QuerySet[Application]:
    return Application.objects.filter(agency_id__in=agency_ids_with(user, Capability.VIEW))


def applications_of(*, applicant) -> QuerySet[Application]:
    return Application.objects.filter(applicant=applicant).select_related("agency")


def application_by_query_code(*, number: str, code: str) -> Application | None:
    """The application with this 受理编号 if the query code matches (constant-time)."""
    application = Application.objects.filter(number=(number or "").strip()).first()
    if application is None:
        hash_query_code("-", code or "")  # same work either way
        return None
    if hmac.compare_digest(
        application.query_code_hash, hash_query_code(application.number, code or "")
    ):
        return application
    return None


def with_reply_due(queryset: QuerySet[Application]) -> QuerySet[Application]:
    deadlines = Deadline.objects.filter(
        content_type=ContentType.objects.get_for_model(Application),
        object_id=Cast(OuterRef("pk"), CharField()),
        kind=Deadline.Kind.REPLY,
        is_open=True,
    )
    return queryset.annotate(
        reply_due=Subquery(deadlines.values("due")[:1]),
        reply_provisional=Subquery(deadlines.values("provisional")[:1]),
        reply_pending=Subquery(deadlines.values("pending_reason")[:1]),
    )


def work_queue(*, user, agency=None, today: dt.date | None = None) -> list[Application]:
    """Open cases of the user's agencies, earliest reply date first, each with its reply
    deadline as rows show it (`reply`: date, urgency, 暂定; deadlines.display.row_urgency)."""
    today = today or timezone.localdate()
    cases = applications_visible_to(user=user).exclude(status__in=TERMINAL)
    if agency is not None:
        cases = cases.filter(agency=agency)
    cases = list(with_reply_due(cases.select_related("agency", "assigned_to")))
    soon, calendar = reminder_horizon(today), provisional_calendar()
    for case in cases:
        case.reply = row_urgency(
            due=case.reply_due,
            provisional=case.reply_provisional,
            pending_reason=case.reply_pending,
            today=today,
            horizon=soon,
            calendar=calendar,
        )
        case.overdue = case.reply.urgency.code == "overdue"
        case.due_soon = case.reply.urgency.code == "soon"
    cases.sort(key=lambda c: (c.reply_due is None, c.reply_due or dt.date.max, c.created_at))
    return cases


def reply_deadline_explained(application: Application, *, today=None) -> DeadlineShown | None:
    """The open reply deadline as pages and the API show it (date, 暂定, urgency, the reason
    when there is none), explained by recomputing it with its facts (same code path as the
    calculator); None when the case has no open reply deadline."""
    from gongkai.deadlines.compute import Pause, reply_deadline

    deadline = Deadline.objects.filter(
        content_type=ContentType.objects.get_for_model(Application),
        object_id=str(application.pk),
        kind=Deadline.Kind.REPLY,
        is_open=True,
    ).first()
    if deadline is None:
        return None
    explanation = None  # from the stored trace, unless recomputed below
    if deadline.due is not None:
        restart = deadline.start if deadline.start != application.received_on else None
        # A date kept when the count could not be made (deadline_update) is not recomputed.
        with suppress(DomainError):
            explanation = reply_deadline(
                calendar=provisional_calendar(),
                received=application.received_on,
                regime=application.regime_obj,
                extended=deadline.extended,
                pauses=[
                    Pause(dt.date.fromisoformat(p[0]), dt.date.fromisoformat(p[1]), *p[2:3])
                    for p in deadline.pauses
                ],
                restart=restart,
            ).explanation
    return deadline_shown(deadline, today=today, explanation=explanation)


def timeline(application: Application):
    return application.status_changes.select_related("actor").order_by("at", "id")


def documents_for(*, user, application: Application):
    documents = application.documents.order_by("uploaded_at", "id")
    is_applicant = user.is_authenticated and application.applicant_id == user.pk
    if is_applicant and not _is_staff_of(user, application):
        documents = documents.filter(visible_to_applicant=True) | documents.filter(uploaded_by=user)
    return documents


def _is_staff_of(user, application) -> bool:
    from gongkai.agencies.permissions import can

    return can(user, Capability.VIEW, application.agency_id)


@dataclass(frozen=True)
class RequestChecks:
    similar: list  # [(score, earlier application, same applicant?)]
    published: list  # [(matched words, catalogue item)]
    checked_at: dt.datetime


def request_checks(application: Application) -> RequestChecks:
    """The stored similar-request and already-published checks with their records read (two
    queries). A case with no stored check, or whose request text changed since, is checked
    now and the result stored (services/checks.py): once, not on every view."""
    from gongkai.catalog.selectors import public_items

    check = RequestCheck.objects.filter(application=application).first()
    if check is None or check.digest != application_digest(application):
        from .services.checks import application_check_request

        check = application_check_request(application=application)
    others = Application.objects.in_bulk([entry["id"] for entry in check.similar])
    # A published item withdrawn since the check is no longer suggested.
    items = public_items().select_related("agency").in_bulk([e["id"] for e in check.published])
    return RequestChecks(
        similar=[
            (entry["score"], others[entry["id"]], entry["same"])
            for entry in check.similar
            if entry["id"] in others
        ],
        published=[
            (entry["words"], items[entry["id"]])
            for entry in check.published
            if entry["id"] in items
        ],
        checked_at=check.checked_at,
    )
