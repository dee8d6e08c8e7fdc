"""Deadlines in words: how a date was found (the rule and its article, the start, the days
skipped and why, the make-up working days, what a provisional date assumed). Pure, from a
count or from the trace a deadline was stored with."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from gongkai.regimes import Regime, TimeLimit
from gongkai.regimes.rules import CountingRules, counting_rules
from gongkai.workdays.calendar import TraceDay, WorkCalendar, weekday_name

if TYPE_CHECKING:
    from .compute import Pause, ReplyDeadline


def fmt_day(day: dt.date) -> str:
    return f"{day.isoformat()}（{weekday_name(day)}）"


def _years(years) -> str:
    return "、".join(f"{year}年" for year in years)


def assumption_lines(assumption: dict | None) -> list[str]:
    """What a provisional date assumed, in words, from Assumption.as_dict (as stored in a
    deadline's trace): the years, the rule, each make-up day, and that the notice decides."""
    if not assumption:
        return []
    years = _years(assumption["years"])
    lines = [
        f"{years}的节假日安排尚未公布：{years}的日期按{assumption['measures']}"
        f"{assumption['holidays_basis']}规定的全体公民放假的节日和周六、周日推算，"
        "未计入每年通知安排的调休。"
    ]
    makeups: dict[str, list[dict]] = {}
    for day in assumption.get("days", []):
        if day.get("makeup_for"):
            makeups.setdefault(day["name"], []).append(day)
    for name, days in makeups.items():
        weekend = "、".join(fmt_day(dt.date.fromisoformat(d["makeup_for"])) for d in days)
        makeup = "、".join(d["date"] for d in days)
        lines.append(
            f"{name}放假日{weekend}适逢周末，依{assumption['makeup_basis']}"
            f"“{assumption['makeup_text']}”，按其后的工作日{makeup}补假推算。"
        )
    lines.append(f"因此该日期为暂定日期，以国务院办公厅公布的{years}节假日安排为准。")
    return lines


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
        f"起算日：{fmt_day(start)}，{first}。",
    ]
    for pause in pauses:
        lines.append(
            f"暂停计算：{pause.start.isoformat()} 至 {pause.end.isoformat()}（{pause.reason}）。"
        )
    lines += [line + "。" for line in _skipped_runs(days)]
    lines += [line + "。" for line in _makeup_days(days)]
    provisional = "（暂定）" if trace.get("assumption") else ""
    lines.append(f"期限届满日：{fmt_day(due)}{provisional}，即第{workdays}个工作日。")
    lines += assumption_lines(trace.get("assumption"))
    return lines


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
    weekend_days = sum(len(dates) for dates, reason in keyed if _is_weekend(reason))
    for dates, reason in keyed:
        if _is_weekend(reason):
            continue
        span = dates[0].isoformat() + (f" 至 {dates[-1].isoformat()}" if len(dates) > 1 else "")
        runs.append(f"{span}：{reason}，不计入")
    if weekend_days:
        runs.append(f"另有{weekend_days}个普通周六、周日不计入")
    return runs


def _is_weekend(reason: str) -> bool:
    """A plain Saturday or Sunday, published or assumed (周六（暂定）)."""
    return reason.removesuffix("（暂定）") in ("周六", "周日")


def _makeup_days(days: Sequence[TraceDay]) -> list[str]:
    return [
        f"{day.date.isoformat()}：{day.reason}，计为第{day.counted}个工作日"
        for day in days
        if day.counted is not None and "调休上班" in day.reason
    ]


def explain(result: ReplyDeadline, calendar: WorkCalendar) -> list[str]:
    regime, lines = result.regime, []
    lines.append(
        f"适用{regime.name}{regime.reply.basis}：自{regime.reply.counts_from}起"
        f"{regime.reply.workdays}个工作日内答复。"
    )
    lines.append(f"收到申请之日：{fmt_day(result.received)}。{result.rules.description}")
    if result.restart:
        lines.append(
            f"申请人补正后，自收到补正申请之日{fmt_day(result.restart)}起重新计算答复期限。"
        )
    # The working days a pause excluded are read from the longest count made (the extended
    # one, when the head approved an extension): a pause that falls after the first due date
    # excluded days only from the extended period.
    final = result.extended_count or result.count
    for pause in result.pauses:
        paused_workdays = sum(
            1
            for day in final.days
            if day.counted is None
            and pause.start <= day.date <= pause.end
            and "暂停" in day.reason
            and calendar.is_workday(day.date)
        )
        lines.append(
            f"暂停计算：{pause.start.isoformat()} 至 {pause.end.isoformat()}（{pause.reason}），"
            f"期间{paused_workdays}个工作日不计入。"
        )
    for line in _skipped_runs(final.days):
        lines.append(line + "。")
    for line in _makeup_days(final.days):
        lines.append(line + "。")
    mark = "（暂定）" if result.provisional else ""
    lines.append(
        f"答复期限届满日：{fmt_day(result.due)}{mark}，即第{regime.reply.workdays}个工作日。"
    )
    if result.extended_due:
        mark = "（暂定）" if result.extended_provisional else ""
        lines.append(
            f"经延长（{regime.extension_needs}，最长{regime.extension.workdays}个工作日），"
            f"答复期限届满日：{fmt_day(result.extended_due)}{mark}，"
            f"即第{regime.reply.workdays + regime.extension.workdays}个工作日。"
        )
    assumed = result.final_assumption
    lines += assumption_lines(assumed.as_dict() if assumed else None)
    return lines
