"""How urgent an open deadline is today: the one place that decides it, for every page (case
page, queue rows, applicant pages, the catalogue's publication deadline) and the API.

For a due date D, today T and the reminder horizon H (selectors.reminder_horizon: the last day
of the reminder window of working days after T):
  overdue   D < T        已逾期N个工作日 (N ≥ 1: the working days after D up to T; the day
                         after D counts as the first even when it is a rest day)
  today     D == T       今日到期
  soon      T < D <= H   N个工作日内到期 (N: the working days from T to D)
  later     D > H        (no flag)
  pending   no date      期限待定, with the reason (a year no holiday rule covers)
and, whatever the code, `provisional` when D was counted with assumed holidays (暂定).
The same cut-offs filter querysets (models.DeadlineQuerySet).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

from gongkai.workdays.calendar import WorkCalendar, YearNotLoaded

from .models import LATER, OVERDUE, PENDING, SOON, TODAY


@dataclass(frozen=True)
class Urgency:
    code: str  # overdue / today / soon / later / pending
    workdays: int | None  # working days overdue (overdue) or left (soon)
    provisional: bool
    pending_reason: str = ""

    @property
    def label(self) -> str:
        if self.code == OVERDUE:
            return _("已逾期%(n)s个工作日") % {"n": self.workdays}
        if self.code == TODAY:
            return _("今日到期")
        if self.code == SOON:
            if self.workdays is None:  # a year no holiday rule covers: the count is unknown
                return _("即将到期")
            return _("%(n)s个工作日内到期") % {"n": self.workdays}
        if self.code == PENDING:
            return _("期限待定")
        return ""

    @property
    def css(self) -> str:
        """The class a row or a flag takes (the queue's colours)."""
        return {OVERDUE: "overdue", TODAY: "due-today", SOON: "due-soon", PENDING: "pending"}.get(
            self.code, ""
        )

    @property
    def flagged(self) -> bool:
        return self.code in (OVERDUE, TODAY, SOON, PENDING)

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "label": self.label,
            "workdays": self.workdays,
            "provisional": self.provisional,
        }


def _workdays(calendar: WorkCalendar, a: dt.date, b: dt.date) -> int | None:
    try:
        return calendar.workdays_between(a, b)
    except YearNotLoaded:
        return None


def urgency_of(
    *,
    due: dt.date | None,
    today: dt.date,
    horizon: dt.date,
    calendar: WorkCalendar,
    provisional: bool = False,
    pending_reason: str = "",
) -> Urgency:
    """The urgency of an open deadline due on `due` (None: pending), on `today`."""
    if due is None:
        return Urgency(PENDING, None, False, pending_reason)
    if due < today:
        late = _workdays(calendar, due, today)
        return Urgency(OVERDUE, max(1, late or 0), provisional)
    if due == today:
        return Urgency(TODAY, 0, provisional)
    if due <= horizon:
        return Urgency(SOON, _workdays(calendar, today, due), provisional)
    return Urgency(LATER, None, provisional)
