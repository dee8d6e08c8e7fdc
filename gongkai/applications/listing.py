"""What a list of cases shows of each case, read for the whole list at once: the open reply
deadline explained as the case page explains it, and the case's files as the reader may see
them. A page of the API's lists costs the same statements whether it shows 5 cases or 30
(tests/applications/test_queue_queries.py); selectors.reply_deadline_explained and
documents_for are the same reads for one case."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from contextlib import suppress

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from gongkai.agencies.permissions import can
from gongkai.agencies.roles import Capability
from gongkai.core.errors import DomainError
from gongkai.deadlines.display import DeadlineShown, deadline_shown
from gongkai.deadlines.models import Deadline
from gongkai.deadlines.selectors import reminder_horizon
from gongkai.workdays.selectors import provisional_calendar

from .models import Application, ApplicationDocument
from .personal import hidden_document_kinds


def reply_deadlines_explained(
    applications: Sequence[Application], *, today: dt.date | None = None
) -> dict[int, DeadlineShown | None]:
    """{case: its open reply deadline as pages and the API show it, or None} in one query."""
    if not applications:
        return {}
    today = today or timezone.localdate()
    deadlines = {
        deadline.object_id: deadline
        for deadline in Deadline.objects.filter(
            content_type=ContentType.objects.get_for_model(Application),
            object_id__in=[str(application.pk) for application in applications],
            kind=Deadline.Kind.REPLY,
            is_open=True,
        )
    }
    if not deadlines:  # concluded cases: no calendar to read
        return {application.pk: None for application in applications}
    calendar, horizon = provisional_calendar(), reminder_horizon(today)
    return {
        application.pk: _explained(
            application,
            deadlines.get(str(application.pk)),
            today=today,
            calendar=calendar,
            horizon=horizon,
        )
        for application in applications
    }


def _explained(application, deadline, *, today, calendar, horizon) -> DeadlineShown | None:
    """The deadline explained by recomputing it with its facts (the calculator's code path)."""
    from gongkai.deadlines.compute import Pause, reply_deadline

    if deadline is None:
        return None
    explanation = None  # from the stored trace, unless recomputed below
    if deadline.due is not None:
        restart = deadline.start if deadline.start != application.received_on else None
        # A date kept when the count could not be made (deadline_update) is not recomputed.
        with suppress(DomainError):
            explanation = reply_deadline(
                calendar=calendar,
                received=application.received_on,
                regime=application.regime_obj,
                extended=deadline.extended,
                pauses=[
                    Pause(dt.date.fromisoformat(p[0]), dt.date.fromisoformat(p[1]), *p[2:3])
                    for p in deadline.pauses
                ],
                restart=restart,
            ).explanation
    return deadline_shown(
        deadline, today=today, horizon=horizon, calendar=calendar, explanation=explanation
    )


def documents_by_case(
    *, user, applications: Sequence[Application]
) -> dict[int, list[ApplicationDocument]]:
    """{case: its files in upload order}, in one query, as documents_for lists them: for staff
    all but those personal.hidden_document_kinds keeps from them, for the applicant those made
    visible to them and those they uploaded (never an original)."""
    files: dict[int, list[ApplicationDocument]] = {a.pk: [] for a in applications}
    if not files:
        return files
    for document in ApplicationDocument.objects.filter(application__in=list(files)).order_by(
        "uploaded_at", "id"
    ):
        files[document.application_id].append(document)
    for application in applications:
        is_applicant = user.is_authenticated and application.applicant_id == user.pk
        if is_applicant and not can(user, Capability.VIEW, application.agency_id):
            files[application.pk] = [
                d
                for d in files[application.pk]
                if (d.visible_to_applicant or d.uploaded_by_id == user.pk)
                and d.kind != ApplicationDocument.Kind.ORIGINAL
            ]
        else:
            hidden = hidden_document_kinds(user, application)
            files[application.pk] = [d for d in files[application.pk] if d.kind not in hidden]
    return files
