"""A deadline as every page and the API show it: the date, whether it is provisional and why,
its urgency today, the reason when there is no date, and how it was computed. One object for
one template include (deadlines/includes/deadline.html, due.html) and one serializer
(serializers.DeadlineShownSerializer)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.errors import DomainError
from gongkai.workdays.calendar import WorkCalendar
from gongkai.workdays.selectors import provisional_calendar

from .compute import explain_period
from .models import Deadline
from .services import limit_for
from .urgency import Urgency, urgency_of


def _years(years) -> str:
    return "、".join(f"{year}年" for year in years)


@dataclass
class DeadlineShown:
    label: str  # 答复期限, 主动公开期限 …
    due: dt.date | None
    provisional: bool
    urgency: Urgency | None  # None once the deadline is closed
    pending_reason: str = ""
    extended: bool = False
    assumed_years: tuple[int, ...] = ()
    explanation: list[str] = field(default_factory=list)
    kind: str = ""
    basis: str = ""  # the article that sets the period (legal_basis)

    @property
    def provisional_reason(self) -> str:
        """Why the date is provisional and what it assumes, in words for anyone (no
        instructions to administrators: the 工作台 banner says how to load a notice)."""
        if not self.provisional:
            return ""
        return _(
            "%(years)s的节假日安排尚未公布，该日期按《全国年节及纪念日放假办法》规定的节假日"
            "和周末推算，以国务院办公厅公布的节假日安排为准。"
        ) % {"years": _years(self.assumed_years) or _("部分年份")}

    @property
    def provisional_note(self) -> str:
        """The short form for a list row."""
        if not self.provisional:
            return ""
        return _("%(years)s节假日安排未公布，按法定节假日推算") % {
            "years": _years(self.assumed_years) or _("部分年份")
        }

    @property
    def public_pending_reason(self) -> str:
        """The reason there is no date, for the public."""
        if self.due is not None:
            return ""
        return _("所涉年份的节假日安排尚未公布，具体日期暂时无法计算。")

    def as_dict(self) -> dict:
        return {
            "kind": self.kind,
            "label": self.label,
            "due": self.due.isoformat() if self.due else None,
            "provisional": self.provisional,
            "provisional_reason": self.provisional_reason,
            "extended": self.extended,
            "urgency": self.urgency.as_dict() if self.urgency else None,
            "pending_reason": self.pending_reason,
            "explanation": self.explanation,
        }


def cite(regime, limit) -> str:
    """A time limit's article as explanations cite it ("2019年修订的《政府信息公开条例》第三十条");
    another instrument stands alone (《政府信息公开信息处理费管理办法》); "" for no limit."""
    if limit is None:
        return ""
    return limit.basis if limit.basis.startswith("《") else f"{regime.name}{limit.basis}"


def legal_basis(deadline: Deadline) -> str:
    """The article that sets the deadline's period."""
    try:
        return cite(deadline.regime_obj, limit_for(deadline))
    except DomainError:
        return ""


def assumed_years(deadline: Deadline) -> tuple[int, ...]:
    return tuple(deadline.trace.get("assumption", {}).get("years", ()))


def deadline_shown(
    deadline: Deadline,
    *,
    today: dt.date | None = None,
    horizon: dt.date | None = None,
    calendar: WorkCalendar | None = None,
    explanation: list[str] | None = None,
) -> DeadlineShown:
    """`deadline` as shown on `today`. `explanation` replaces the one read from the stored
    trace (the reply deadline explains itself more fully: applications.selectors)."""
    from .selectors import reminder_horizon

    today = today or timezone.localdate()
    calendar = calendar or provisional_calendar()
    if explanation is None:
        explanation = (
            explain_period(
                regime=deadline.regime_obj,
                limit=limit_for(deadline),
                start=deadline.start,
                due=deadline.due,
                trace=deadline.trace,
            )
            if deadline.due is not None and deadline.trace.get("days") is not None
            else []
        )
    urgency = None
    if deadline.is_open:
        urgency = urgency_of(
            due=deadline.due,
            today=today,
            horizon=horizon or reminder_horizon(today),
            calendar=calendar,
            provisional=deadline.provisional,
            pending_reason=deadline.pending_reason,
        )
    return DeadlineShown(
        label=deadline.get_kind_display(),
        due=deadline.due,
        provisional=deadline.provisional,
        urgency=urgency,
        pending_reason=deadline.pending_reason,
        extended=deadline.extended,
        assumed_years=assumed_years(deadline),
        explanation=explanation,
        kind=deadline.kind,
        basis=legal_basis(deadline),
    )


def deadlines_shown(
    deadlines,
    *,
    today: dt.date | None = None,
    horizon: dt.date | None = None,
    calendar: WorkCalendar | None = None,
) -> list[tuple[Deadline, DeadlineShown]]:
    """Several deadlines, each with how it is shown on `today`, soonest first (no date yet
    last), sharing one calendar and one reminder horizon: no query per deadline."""
    from .selectors import reminder_horizon

    today = today or timezone.localdate()
    calendar = calendar or provisional_calendar()
    horizon = horizon or reminder_horizon(today)
    ordered = sorted(deadlines, key=lambda d: (d.due is None, d.due or today, d.pk))
    return [
        (deadline, deadline_shown(deadline, today=today, horizon=horizon, calendar=calendar))
        for deadline in ordered
    ]


def row_urgency(
    *,
    due: dt.date | None,
    provisional: bool,
    pending_reason: str,
    today: dt.date,
    horizon: dt.date,
    calendar: WorkCalendar,
) -> DeadlineShown:
    """The short form for a list row from annotated values (no trace, no explanation): the
    assumed year is the due date's own (a provisional date always lies in an assumed year)."""
    return DeadlineShown(
        label="",
        due=due,
        provisional=bool(provisional),
        urgency=urgency_of(
            due=due,
            today=today,
            horizon=horizon,
            calendar=calendar,
            provisional=bool(provisional),
            pending_reason=pending_reason or "",
        ),
        pending_reason=pending_reason or "",
        assumed_years=(due.year,) if provisional and due else (),
    )
