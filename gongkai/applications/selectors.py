"""Reads of applications: scoped lists, the work queue with its filters, the workload per
clerk, lookup by query code."""

import datetime as dt
import hmac
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    BigIntegerField,
    BooleanField,
    Case,
    CharField,
    Count,
    DateField,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Cast
from django.utils import timezone

from gongkai.agencies.permissions import agency_ids_with
from gongkai.agencies.roles import Capability
from gongkai.agencies.selectors import agencies_visible_to
from gongkai.deadlines.display import DeadlineShown, row_urgency
from gongkai.deadlines.models import Deadline
from gongkai.deadlines.selectors import reminder_horizon
from gongkai.workdays.selectors import provisional_calendar

from .listing import reply_deadlines_explained
from .models import Application, ApplicationDocument, Consultation, ExtensionRequest, RequestCheck
from .personal import hidden_document_kinds
from .services.base import hash_query_code
from .similarity import application_digest
from .states import INTERNAL_ACTIONS, NOTE_LABELS, NOTES_FOR_APPLICANT, OPEN, TERMINAL


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


def _reply_deadlines() -> QuerySet[Deadline]:
    return Deadline.objects.filter(
        content_type=ContentType.objects.get_for_model(Application),
        kind=Deadline.Kind.REPLY,
        is_open=True,
    )


def reply_deadlines_of_urgency(urgency: str, *, today: dt.date) -> QuerySet[Deadline]:
    """Open reply deadlines of one urgency (deadlines' one definition: DeadlineQuerySet.urgency:
    `overdue` D < T, `today` D = T, `soon` T < D ≤ the reminder horizon, `pending` no date yet,
    `provisional` a date counted with assumed holidays), for the queue, the API and the
    workload view."""
    return _reply_deadlines().urgency(urgency, today=today, horizon=reminder_horizon(today))


def _waiting_for(kind: str, *, today: dt.date) -> Exists:
    """The case has an open deadline of `kind` due by the reminder horizon (or passed, where
    passing asks for a step): what the 工作台 counts for the same line. A consultation's
    answer period is the consultation's deadline, not the case's."""
    subject = Consultation if kind == Deadline.Kind.CONSULTATION else Application
    deadlines = (
        Deadline.objects.open()
        .filter(content_type=ContentType.objects.get_for_model(subject), kind=kind)
        .needing_attention(today=today, horizon=reminder_horizon(today))
    )
    if subject is Application:
        return _of_case(deadlines)
    ids = deadlines.annotate(subject_id=Cast("object_id", BigIntegerField())).values("subject_id")
    return Exists(Consultation.objects.filter(application=OuterRef("pk"), pk__in=ids))


def _of_case(deadlines: QuerySet[Deadline]) -> Exists:
    return Exists(deadlines.filter(object_id=Cast(OuterRef("pk"), CharField())))


def _matching(text: str) -> Q:
    # Case matters only for the Latin letters of a number (PostgreSQL's case-blind match
    # upper-cases every row: 10x slower over the request texts).
    return (
        Q(number__icontains=text)
        | Q(applicant_name__contains=text)
        | Q(info_title__contains=text)
        | Q(doc_number__contains=text)
        | Q(description__contains=text)
    )


def _with_open_reply_due(cases: QuerySet[Application]) -> QuerySet[Application]:
    """`reply_due`, `reply_provisional`, `reply_pending`: the open reply deadline's date, 暂定
    mark and reason for no date, looked up for open cases only (a concluded case has no open
    deadline: closing, withdrawing and lapsing close them all), so that listing years of
    closed cases does not look up each one."""
    # One open reply deadline per case (a unique constraint): no order to sort by.
    deadline = _reply_deadlines().filter(object_id=Cast(OuterRef("pk"), CharField())).order_by()

    def of_open(field: str, output):
        return Case(
            When(status__in=sorted(OPEN), then=Subquery(deadline.values(field)[:1])),
            default=None,
            output_field=output,
        )

    return cases.annotate(
        reply_due=of_open("due", DateField()),
        reply_provisional=of_open("provisional", BooleanField()),
        reply_pending=of_open("pending_reason", CharField()),
    )


def queue_cases(
    *,
    user,
    status: str = "open",
    assignee: str = "",
    channel: str = "",
    outcome: str = "",
    regime: str = "",
    received_from: dt.date | None = None,
    received_to: dt.date | None = None,
    q: str = "",
    urgency: str = "",
    waiting: str = "",
    agency=None,
    sort: str = "due",
    today: dt.date | None = None,
) -> QuerySet[Application]:
    """The cases of the user's agencies that match the queue's filters (filters.py), with
    their open reply date (`reply_due`), in one query: sorted by that date (undated last),
    by receipt, or newest receipt first. `status` is a status, or a named set: open (not
    concluded), concluded (closed or withdrawn), all."""
    today = today or timezone.localdate()
    cases = applications_visible_to(user=user)
    if status == "open":
        cases = cases.filter(status__in=sorted(OPEN))
    elif status == "concluded":
        cases = cases.filter(status__in=sorted(TERMINAL))
    elif status != "all":
        cases = cases.filter(status=status)
    if assignee == "me":
        cases = cases.filter(assigned_to=user)
    elif assignee == "none":
        cases = cases.filter(assigned_to__isnull=True)
    elif assignee:
        cases = cases.filter(assigned_to_id=int(assignee))
    exact = {"channel": channel, "outcome": outcome, "regime": regime, "agency": agency}
    cases = cases.filter(**{field: value for field, value in exact.items() if value})
    if received_from:
        cases = cases.filter(received_on__gte=received_from)
    if received_to:
        cases = cases.filter(received_on__lte=received_to)
    if q.strip():
        for word in q.split()[:5]:
            cases = cases.filter(_matching(word))
    if urgency:
        cases = cases.filter(_of_case(reply_deadlines_of_urgency(urgency, today=today)))
    if waiting == "extension":
        pending = ExtensionRequest.objects.filter(application=OuterRef("pk"), approved__isnull=True)
        cases = cases.filter(Exists(pending))
    elif waiting:
        cases = cases.filter(_waiting_for(waiting, today=today))
    cases = _with_open_reply_due(cases.select_related("agency", "assigned_to"))
    if sort == "received":
        order = [F("received_on").asc(nulls_last=True), "created_at", "pk"]
    elif sort == "-received":
        order = [F("received_on").desc(nulls_last=True), "-created_at", "-pk"]
    elif status == "closed" or status in TERMINAL:
        # A concluded case has no reply date (_with_open_reply_due): the same order, read
        # from the (agency, created_at) index instead of sorting every closed case.
        order = ["created_at", "pk"]
    else:
        order = [F("reply_due").asc(nulls_last=True), "created_at", "pk"]
    return cases.order_by(*order)


def queue_rows(keys) -> QuerySet[Application]:
    """The queue's rows of these cases (a page's keys, from `queue_cases`), looked up by key."""
    return _with_open_reply_due(
        Application.objects.filter(pk__in=keys).select_related("agency", "assigned_to")
    )


def mark_urgency(cases, *, today: dt.date | None = None):
    """Give each case (of a page) its reply deadline as rows show it (`reply`: date, urgency,
    暂定; deadlines.display.row_urgency) from its annotations, without a query."""
    today = today or timezone.localdate()
    soon, calendar = reminder_horizon(today), provisional_calendar()
    for case in cases:
        pending = getattr(case, "reply_pending", "") or ""
        if case.reply_due is None and not pending:
            # No open reply deadline (concluded, or not yet received): nothing is due, not
            # a date still to be fixed (an open deadline has a date or the reason it has none).
            case.reply, case.overdue, case.due_soon = None, False, False
            continue
        case.reply = row_urgency(
            due=case.reply_due,
            provisional=getattr(case, "reply_provisional", False),
            pending_reason=pending,
            today=today,
            horizon=soon,
            calendar=calendar,
        )
        case.overdue = case.reply.urgency.code == "overdue"
        case.due_soon = case.reply.urgency.code == "soon"
    return cases


def work_queue(*, user, agency=None, today: dt.date | None = None) -> list[Application]:
    """Open cases of the user's agencies, earliest reply date first, each marked overdue or
    due within the reminder window (GONGKAI_REMINDER_WORKDAYS)."""
    cases = list(queue_cases(user=user, agency=agency, today=today))
    return mark_urgency(cases, today=today)


def workload(*, user, today: dt.date | None = None) -> list[dict]:
    """Per clerk (HANDLE) of each agency the user sees, and for the cases no one handles yet:
    open cases, overdue, due today and due within the reminder window. One aggregate query
    and one for the clerks; each row links to the queue filtered by its agency and assignee."""
    from gongkai.agencies.selectors import memberships_with

    today = today or timezone.localdate()
    cases = applications_visible_to(user=user).filter(status__in=sorted(OPEN))
    counts = {
        (row["agency_id"], row["assigned_to_id"]): row
        for row in cases.order_by()
        .values("agency_id", "assigned_to_id")
        .annotate(
            open=Count("pk"),
            **{
                urgency: Count(
                    "pk",
                    filter=Q(_of_case(reply_deadlines_of_urgency(urgency, today=today))),
                )
                for urgency in ("overdue", "today", "soon")
            },
        )
    }
    agencies = {a.pk: a for a in agencies_visible_to(user=user)}
    rows, seen = [], set()
    for membership in memberships_with(capability=Capability.HANDLE, agency_ids=list(agencies)):
        key = (membership.agency_id, membership.user_id)
        seen.add(key)
        rows.append(_workload_row(membership.agency, membership.user, counts.get(key)))
    # Cases held by someone who no longer handles there, and cases no one handles yet.
    users = {u.pk: u for u in _users({uid for _a, uid in counts} - {None})}
    for (agency_id, user_id), count in counts.items():
        if (agency_id, user_id) not in seen:
            rows.append(_workload_row(agencies[agency_id], users.get(user_id), count))
    rows.sort(key=lambda row: (row["agency"].path, row["user"] is None, str(row["user"] or "")))
    return rows


def _users(ids):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(pk__in=ids) if ids else []


def _workload_row(agency, user, count) -> dict:
    count = count or {}
    return {
        "agency": agency,
        "user": user,
        "assignee": str(user.pk) if user is not None else "none",
        **{key: count.get(key, 0) for key in ("open", "overdue", "today", "soon")},
    }


def reply_deadline_explained(application: Application, *, today=None) -> DeadlineShown | None:
    """The open reply deadline as pages and the API show it (date, 暂定, urgency, the reason
    when there is none), explained by recomputing it with its facts (same code path as the
    calculator); None when the case has no open reply deadline. (listing.py reads it for a
    whole list at once.)"""
    return reply_deadlines_explained([application], today=today)[application.pk]


def timeline(application: Application, *, for_applicant: bool = False):
    """The case's steps, each with the note its reader may see (`shown_note`, named by
    `note_label` in the reader's language). Staff read every note; the applicant's view leaves
    out the office's own organisation and every note but their own reason for withdrawing."""
    changes = application.status_changes.select_related("actor").order_by("at", "id")
    if for_applicant:
        changes = changes.exclude(action__in=sorted(INTERNAL_ACTIONS))
    shown = F("note")
    if for_applicant:
        mine = When(action__in=sorted(NOTES_FOR_APPLICANT), then=F("note"))
        shown = Case(mine, default=Value(""), output_field=TextField())
    labels = [When(action=a, then=Value(str(label))) for a, label in NOTE_LABELS.items()]
    return changes.annotate(
        shown_note=shown, note_label=Case(*labels, default=Value(""), output_field=CharField())
    )


def documents_for(*, user, application: Application):
    documents = application.documents.order_by("uploaded_at", "id")
    is_applicant = user.is_authenticated and application.applicant_id == user.pk
    if is_applicant and not _is_staff_of(user, application):
        documents = documents.filter(visible_to_applicant=True) | documents.filter(uploaded_by=user)
        # An original a released copy was redacted from is never the applicant's to see.
        documents = documents.exclude(kind=ApplicationDocument.Kind.ORIGINAL)
    else:
        # Staff see the identity papers only if they handle the case, an original a released
        # copy was redacted from only if they handle or review it (personal.py).
        documents = documents.exclude(kind__in=hidden_document_kinds(user, application))
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
