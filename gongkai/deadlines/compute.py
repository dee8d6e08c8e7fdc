"""Every statutory deadline is computed here, from a regime's time limit and the calendar.

Pure functions over a WorkCalendar: callers pass the calendar (stored deadlines and the
calculator: gongkai.workdays.selectors.provisional_calendar(); the exact work_calendar() refuses
a year whose notice is not loaded) and get the date plus the days looked at. A count that
looked at a day of a year whose notice is missing is provisional (暂定), and says what it
assumed (gongkai.workdays.provisional).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from gongkai.core.errors import DomainError
from gongkai.regimes import Regime, TimeLimit, regime_for
from gongkai.regimes.rules import CountingRules, counting_rules
from gongkai.workdays.calendar import Count, TraceDay, WorkCalendar, YearNotLoaded
from gongkai.workdays.provisional import Assumption, assumption_of

from .explain import assumption_lines, explain, explain_period


@dataclass(frozen=True)
class Pause:
    """An inclusive date range during which the clock stops (e.g. consultation)."""

    start: dt.date
    end: dt.date
    reason: str = "征求第三方或者其他机关意见，所需时间不计算在期限内"

    def as_tuple(self) -> tuple[dt.date, dt.date]:
        return (self.start, self.end)

    @classmethod
    def parse(cls, text: str) -> Pause:
        """'2026-10-09:2026-10-20' (also '至', '~' or a space between the two dates)."""
        parts = [p for p in re.split(r"\s*(?:[:~～]|至|\s)\s*", text.strip()) if p]
        if len(parts) != 2:
            raise DomainError(
                f"暂停区间“{text}”格式应为 开始日期:结束日期，如 2026-10-09:2026-10-20。",
                code="pause_invalid",
            )
        start, end = (parse_date(part, what="暂停区间的日期") for part in parts)
        return cls(start, end)


def parse_date(text: str, *, what: str = "日期") -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise DomainError(
            f"{what}“{text}”无法识别，请使用 YYYY-MM-DD 格式，如 2026-09-28。",
            code="date_invalid",
        ) from None


def _validate_pauses(pauses: Sequence[Pause]) -> None:
    """A pause (or the part of it) before the counting start simply has no effect: after a
    补正 restart, a consultation that began earlier only stops the new clock from the restart."""
    for pause in pauses:
        if pause.end < pause.start:
            raise DomainError(
                f"暂停区间 {pause.start}:{pause.end} 的结束日早于开始日。", code="pause_reversed"
            )


def _looked_at(count: Count) -> list[dt.date]:
    """The days a count looked at (the start itself only when it was counted)."""
    return [day.date for day in count.days]


@dataclass
class PeriodResult:
    limit: TimeLimit
    start: dt.date
    due: dt.date
    count: Count
    pauses: tuple[Pause, ...] = ()
    assumption: Assumption | None = None

    @property
    def trace(self) -> list[TraceDay]:
        return list(self.count.days)

    @property
    def provisional(self) -> bool:
        return self.assumption is not None


@dataclass(frozen=True)
class PeriodOutcome:
    """What a stored deadline keeps (see period_outcome)."""

    due: dt.date | None
    pending_reason: str
    trace: dict
    provisional: bool


def period_due(
    *,
    calendar: WorkCalendar,
    start: dt.date,
    limit: TimeLimit,
    extra_workdays: int = 0,
    pauses: Sequence[Pause] = (),
    rules: CountingRules | None = None,
) -> PeriodResult:
    """The last day of `limit` (plus `extra_workdays`) counted after `start`."""
    rules = rules or counting_rules()
    _validate_pauses(pauses)
    try:
        count = calendar.count(
            start,
            limit.workdays + extra_workdays,
            paused=[p.as_tuple() for p in pauses],
            count_start=rules.count_receipt_day,
        )
    except OverflowError:  # a date typed at the end of the calendar (9999-12-20)
        raise DomainError(
            f"自{start.isoformat()}起算的期限超出可计算的日期范围，请检查日期。",
            code="date_out_of_range",
        ) from None
    return PeriodResult(
        limit=limit,
        start=start,
        due=count.end,
        count=count,
        pauses=tuple(pauses),
        assumption=assumption_of(calendar, _looked_at(count)),
    )


def period_outcome(
    *,
    calendar: WorkCalendar,
    start: dt.date,
    limit: TimeLimit,
    extra_workdays: int = 0,
    pauses: Sequence[Pause] = (),
) -> PeriodOutcome:
    """What a stored deadline keeps: the due date (provisional when the count assumed the
    holidays of a year whose notice is missing: the trace then says what was assumed), or,
    when the calendar cannot count into a year at all, no date but the reason."""
    try:
        result = period_due(
            calendar=calendar,
            start=start,
            limit=limit,
            extra_workdays=extra_workdays,
            pauses=pauses,
        )
    except YearNotLoaded as error:
        return PeriodOutcome(None, error.message, {}, False)
    trace = {
        "limit": {"workdays": limit.workdays + extra_workdays, "basis": limit.basis},
        "days": [day.as_dict() for day in result.trace],
    }
    if result.assumption is not None:
        trace["assumption"] = result.assumption.as_dict()
    return PeriodOutcome(result.due, "", trace, result.provisional)


def period_fields(
    *,
    calendar: WorkCalendar,
    start: dt.date,
    limit: TimeLimit,
    extra_workdays: int = 0,
    pauses: Sequence[Pause] = (),
) -> tuple[dt.date | None, str, dict]:
    """(due, pending_reason, trace) of period_outcome. Pure, so that a data migration can fill
    deadlines from the historical holiday rows (with the exact calendar: no assumption)."""
    outcome = period_outcome(
        calendar=calendar,
        start=start,
        limit=limit,
        extra_workdays=extra_workdays,
        pauses=pauses,
    )
    return outcome.due, outcome.pending_reason, outcome.trace


@dataclass
class ReplyDeadline:
    regime: Regime
    received: dt.date
    restart: dt.date | None
    due: dt.date
    extended_due: dt.date | None
    count: Count
    extended_count: Count | None
    pauses: tuple[Pause, ...]
    rules: CountingRules
    explanation: list[str] = field(default_factory=list)
    assumption: Assumption | None = None  # what the due date assumed, if provisional
    extended_assumption: Assumption | None = None

    @property
    def start(self) -> dt.date:
        return self.restart or self.received

    @property
    def provisional(self) -> bool:
        return self.assumption is not None

    @property
    def extended_provisional(self) -> bool | None:
        return None if self.extended_due is None else self.extended_assumption is not None

    @property
    def final_assumption(self) -> Assumption | None:
        """The assumption of the date that applies (the extended one when extended)."""
        return self.extended_assumption if self.extended_due else self.assumption

    def as_dict(self) -> dict:
        final = self.extended_count or self.count
        return {
            "regime": self.regime.code,
            "received": self.received.isoformat(),
            "restart": self.restart.isoformat() if self.restart else None,
            "pauses": [[p.start.isoformat(), p.end.isoformat()] for p in self.pauses],
            "due": self.due.isoformat(),
            "provisional": self.provisional,
            "extended_due": self.extended_due.isoformat() if self.extended_due else None,
            "extended_provisional": self.extended_provisional,
            "reply_workdays": self.regime.reply.workdays,
            "extension_workdays": self.regime.extension.workdays if self.extended_due else 0,
            "trace": [day.as_dict() for day in final.days],
            "assumption": self.final_assumption.as_dict() if self.final_assumption else None,
            "explanation": self.explanation,
        }


def reply_deadline(
    *,
    calendar: WorkCalendar,
    received: dt.date,
    regime: Regime | None = None,
    extended: bool = False,
    pauses: Sequence[Pause] = (),
    restart: dt.date | None = None,
    rules: CountingRules | None = None,
) -> ReplyDeadline:
    """The reply deadline of an application received on `received`.

    `restart`: the day a corrected application (补正) was received; the period counts afresh
    from it. `pauses`: consultation periods that do not count. `extended`: the head approved
    the extension, so the extended due date is computed too.
    """
    rules = rules or counting_rules()
    regime = regime or regime_for(received)
    if not regime.applies_to(received):
        raise DomainError(
            f"{received.isoformat()}收到的申请不适用{regime.name}（施行期间"
            f"{regime.in_force_from.isoformat()}至"
            f"{regime.in_force_until.isoformat() if regime.in_force_until else '今'}）。",
            code="regime_mismatch",
        )
    if restart is not None and restart < received:
        raise DomainError("补正后重新起算日不能早于收到申请之日。", code="restart_before_receipt")
    start = restart or received
    base = period_due(
        calendar=calendar, start=start, limit=regime.reply, pauses=pauses, rules=rules
    )
    extended_result = (
        period_due(
            calendar=calendar,
            start=start,
            limit=regime.reply,
            extra_workdays=regime.extension.workdays,
            pauses=pauses,
            rules=rules,
        )
        if extended
        else None
    )
    result = ReplyDeadline(
        regime=regime,
        received=received,
        restart=restart,
        due=base.due,
        extended_due=extended_result.due if extended_result else None,
        count=base.count,
        extended_count=extended_result.count if extended_result else None,
        pauses=tuple(pauses),
        rules=rules,
        assumption=base.assumption,
        extended_assumption=extended_result.assumption if extended_result else None,
    )
    result.explanation = explain(result, calendar)
    return result


__all__ = [
    "Pause",
    "PeriodOutcome",
    "PeriodResult",
    "ReplyDeadline",
    "assumption_lines",
    "explain",
    "explain_period",
    "parse_date",
    "period_due",
    "period_fields",
    "period_outcome",
    "reply_deadline",
]
