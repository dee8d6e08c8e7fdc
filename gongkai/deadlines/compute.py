"""Every statutory deadline is computed here, from a regime's time limit and the calendar.

Pure functions over a WorkCalendar: callers pass the calendar (from
gongkai.workdays.selectors.work_calendar()) and get the date plus the days looked at.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from gongkai.core.errors import DomainError
from gongkai.regimes import Regime, TimeLimit, regime_for
from gongkai.regimes.rules import CountingRules, counting_rules
from gongkai.workdays.calendar import Count, TraceDay, WorkCalendar, YearNotLoaded, weekday_name


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


def _fmt(day: dt.date) -> str:
    return f"{day.isoformat()}（{weekday_name(day)}）"


def _validate_pauses(pauses: Sequence[Pause]) -> None:
    """A pause (or the part of it) before the counting start simply has no effect: after a
    补正 restart, a consultation that began earlier only stops the new clock from the restart."""
    for pause in pauses:
        if pause.end < pause.start:
            raise DomainError(
                f"暂停区间 {pause.start}:{pause.end} 的结束日早于开始日。", code="pause_reversed"
            )


@dataclass
class PeriodResult:
    limit: TimeLimit
    start: dt.date
    due: dt.date
    count: Count
    pauses: tuple[Pause, ...] = ()

    @property
    def trace(self) -> list[TraceDay]:
        return list(self.count.days)


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
    count = calendar.count(
        start,
        limit.workdays + extra_workdays,
        paused=[p.as_tuple() for p in pauses],
        count_start=rules.count_receipt_day,
    )
    return PeriodResult(limit=limit, start=start, due=count.end, count=count, pauses=tuple(pauses))


def period_fields(
    *,
    calendar: WorkCalendar,
    start: dt.date,
    limit: TimeLimit,
    extra_workdays: int = 0,
    pauses: Sequence[Pause] = (),
) -> tuple[dt.date | None, str, dict]:
    """What a stored deadline keeps: (due, pending_reason, trace). When the calendar lacks a
    year the period reaches, there is no date but the reason (never a calendar-day guess).
    Pure, so that a data migration can fill deadlines from the historical holiday rows."""
    try:
        result = period_due(
            calendar=calendar,
            start=start,
            limit=limit,
            extra_workdays=extra_workdays,
            pauses=pauses,
        )
    except YearNotLoaded as error:
        return None, error.message, {}
    trace = {
        "limit": {"workdays": limit.workdays + extra_workdays, "basis": limit.basis},
        "days": [day.as_dict() for day in result.trace],
    }
    return result.due, "", trace


def explain_period(
    *,
    regime: Regime,
    limit: TimeLimit,
    start: dt.date,
    due: dt.date,
    trace: dict,
    pauses: Sequence[Pause] = (),
    rules: CountingRules | None = None,
) -> list[str]:
    """How a stored deadline's date was found, in words, from the trace it was stored with
    (`period_fields`): the rule and its article, the start, the days skipped and why, the due
    date. The reply deadline has its own, fuller explanation (`explain`)."""
    rules = rules or counting_rules()
    days = [
        TraceDay(dt.date.fromisoformat(day["date"]), day["counted"], day["reason"])
        for day in trace.get("days", [])
    ]
    workdays = trace.get("limit", {}).get("workdays", limit.workdays)
    first = "当日为工作日的计为第1个工作日" if rules.count_receipt_day else "当日不计入，自次日起算"
    lines = [
        f"适用{regime.name}{limit.basis}：自{limit.counts_from}起{limit.workdays}个工作日内。",
        f"起算日：{_fmt(start)}，{first}。",
    ]
    for pause in pauses:
        lines.append(
            f"暂停计算：{pause.start.isoformat()} 至 {pause.end.isoformat()}（{pause.reason}）。"
        )
    lines += [line + "。" for line in _skipped_runs(days)]
    lines += [line + "。" for line in _makeup_days(days)]
    lines.append(f"期限届满日：{_fmt(due)}，即第{workdays}个工作日。")
    return lines


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

    @property
    def start(self) -> dt.date:
        return self.restart or self.received

    def as_dict(self) -> dict:
        final = self.extended_count or self.count
        return {
            "regime": self.regime.code,
            "received": self.received.isoformat(),
            "restart": self.restart.isoformat() if self.restart else None,
            "pauses": [[p.start.isoformat(), p.end.isoformat()] for p in self.pauses],
            "due": self.due.isoformat(),
            "extended_due": self.extended_due.isoformat() if self.extended_due else None,
            "reply_workdays": self.regime.reply.workdays,
            "extension_workdays": self.regime.extension.workdays if self.extended_due else 0,
            "trace": [day.as_dict() for day in final.days],
            "explanation": self.explanation,
        }


def _skipped_runs(days: Sequence[TraceDay]) -> list[str]:
    """'2026-10-01 至 2026-10-08 国庆节放假' for each run of skipped days with one reason
    (plain weekends are summarised, not listed)."""
    runs = []
    # Paused days are explained by their pause's own line.
    skipped = [d for d in days if d.counted is None and not d.reason.startswith("暂停计算")]
    # Consecutive days with the same reason form a run.
    keyed = []
    for day in skipped:
        if keyed and keyed[-1][1] == day.reason and (day.date - keyed[-1][0][-1]).days == 1:
            keyed[-1][0].append(day.date)
        else:
            keyed.append(([day.date], day.reason))
    weekend_days = sum(len(dates) for dates, reason in keyed if reason in ("周六", "周日"))
    for dates, reason in keyed:
        if reason in ("周六", "周日"):
            continue
        span = dates[0].isoformat() + (f" 至 {dates[-1].isoformat()}" if len(dates) > 1 else "")
        runs.append(f"{span}：{reason}，不计入")
    if weekend_days:
        runs.append(f"另有{weekend_days}个普通周六、周日不计入")
    return runs


def _makeup_days(days: Sequence[TraceDay]) -> list[str]:
    return [
        f"{day.date.isoformat()}：{day.reason}，计为第{day.counted}个工作日"
        for day in days
        if day.counted is not None and "调休上班" in day.reason
    ]


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
    )
    result.explanation = explain(result, calendar)
    return result


def explain(result: ReplyDeadline, calendar: WorkCalendar) -> list[str]:
    regime, lines = result.regime, []
    lines.append(
        f"适用{regime.name}{regime.reply.basis}：自{regime.reply.counts_from}起"
        f"{regime.reply.workdays}个工作日内答复。"
    )
    lines.append(f"收到申请之日：{_fmt(result.received)}。{result.rules.description}")
    if result.restart:
        lines.append(f"申请人补正后，自收到补正申请之日{_fmt(result.restart)}起重新计算答复期限。")
    for pause in result.pauses:
        paused_workdays = sum(
            1
            for day in result.count.days
            if day.counted is None
            and pause.start <= day.date <= pause.end
            and "暂停" in day.reason
            and calendar.is_workday(day.date)
        )
        lines.append(
            f"暂停计算：{pause.start.isoformat()} 至 {pause.end.isoformat()}（{pause.reason}），"
            f"期间{paused_workdays}个工作日不计入。"
        )
    final = result.extended_count or result.count
    for line in _skipped_runs(final.days):
        lines.append(line + "。")
    for line in _makeup_days(final.days):
        lines.append(line + "。")
    lines.append(f"答复期限届满日：{_fmt(result.due)}，即第{regime.reply.workdays}个工作日。")
    if result.extended_due:
        lines.append(
            f"经延长（{regime.extension_needs}，最长{regime.extension.workdays}个工作日），"
            f"答复期限届满日：{_fmt(result.extended_due)}，"
            f"即第{regime.reply.workdays + regime.extension.workdays}个工作日。"
        )
    return lines


__all__ = [
    "Pause",
    "PeriodResult",
    "ReplyDeadline",
    "explain",
    "explain_period",
    "parse_date",
    "period_due",
    "period_fields",
    "reply_deadline",
]
