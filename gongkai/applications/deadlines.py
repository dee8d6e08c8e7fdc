"""The dates a case must keep, as its pages list them: every open deadline of the case and of
its consultations (the reply, the office's 补正 notice, a consulted party's answer, the fee
payment window), and the applicant's own 补正 date while a correction is awaited. Each row has
its official name, the date, the urgency today (deadlines.urgency: the one wording of every
page, 暂定 included) and its legal basis. A fixed number of queries, however many rows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.deadlines.display import DeadlineShown, cite, deadlines_shown
from gongkai.deadlines.models import Deadline
from gongkai.deadlines.selectors import open_deadlines_of, reminder_horizon
from gongkai.deadlines.urgency import urgency_of
from gongkai.workdays.selectors import provisional_calendar

from .models import Application
from .states import Status

# The applicant's 补正 date is set in the notice (2019 regime: the notice says by when), not
# counted: it has no Deadline row of its own.
APPLICANT_CORRECTION = "applicant_correction"


@dataclass(frozen=True)
class CaseDeadline:
    label: str  # the kind's official name, with the consulted party where there is one
    shown: DeadlineShown  # the date, 暂定, the urgency today, 期限待定 and why, the basis
    note: str = ""  # 已延期, 延期申请待审批


@dataclass(frozen=True)
class _Today:
    """Today, the reminder horizon and the calendar, read once for all the rows."""

    day: dt.date
    horizon: dt.date
    calendar: object

    @classmethod
    def of(cls, today: dt.date | None) -> _Today:
        day = today or timezone.localdate()
        return cls(day, reminder_horizon(day), provisional_calendar())


def case_deadlines(application: Application, *, today: dt.date | None = None) -> list:
    """Every open deadline of the case and its consultations, soonest first, and the
    applicant's 补正 date while awaited: for the staff case page."""
    now = _Today.of(today)
    consultations = list(application.consultations.all())
    parties = {str(c.pk): c.party_name for c in consultations}
    pending_extension = application.extension_requests.filter(approved__isnull=True).exists()
    rows = []
    for deadline, shown in _shown(open_deadlines_of([application, *consultations]), now):
        label, note = shown.label, ""
        if shown.kind == Deadline.Kind.CONSULTATION:
            party = parties.get(deadline.object_id, "")
            label = _("%(kind)s（%(party)s）") % {"kind": shown.label, "party": party}
        elif shown.kind == Deadline.Kind.REPLY:
            if shown.extended:
                note = _("已延期")
            elif pending_extension:
                note = _("延期申请待审批")
        rows.append(CaseDeadline(label, shown, note))
    return _with_applicant_correction(application, rows, now, label=_("申请人补正期限"))


def applicant_deadlines(application: Application, *, today: dt.date | None = None) -> list:
    """The dates the applicant must keep besides the reply date (shown on its own): the 补正
    date while a correction is awaited and the window to pay the fee."""
    now = _Today.of(today)
    fees = [d for d in open_deadlines_of([application]) if d.kind == Deadline.Kind.FEE_PAYMENT]
    rows = [CaseDeadline(shown.label, shown) for _deadline, shown in _shown(fees, now)]
    return _with_applicant_correction(application, rows, now, label=_("补正期限"))


def _shown(deadlines, now: _Today):
    return deadlines_shown(deadlines, today=now.day, horizon=now.horizon, calendar=now.calendar)


def _with_applicant_correction(application, rows, now: _Today, *, label) -> list:
    """`rows` and, while a correction is awaited, the applicant's 补正 date, soonest first."""
    due = application.correction_due_on
    if application.status != Status.AWAITING_CORRECTION or due is None:
        return rows
    regime = application.regime_obj
    shown = DeadlineShown(
        label=label,
        due=due,
        provisional=False,
        urgency=urgency_of(due=due, today=now.day, horizon=now.horizon, calendar=now.calendar),
        kind=APPLICANT_CORRECTION,
        basis=cite(regime, regime.correction_notice) if regime else "",
    )
    rows = [*rows, CaseDeadline(label, shown)]
    return sorted(rows, key=lambda row: (row.shown.due is None, row.shown.due or now.day))
