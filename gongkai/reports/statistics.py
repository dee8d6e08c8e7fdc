"""Statistics on demand of disclosure applications: any period, one agency or its subtree.

The counts are the annual report's (sources/applications.py), its year generalised to a period:
* 收到 (received): received_on in the period — the report's 本年新收.
* 办结 (concluded): concluded_on (the reply served, or closed without one) in the period — the
  report's 办结; the outcome mix counts these in the rows of the current national format's
  table 三 (gb2021, whose rows are the 2019 Regulation's outcomes; a withdrawal is 其他处理,
  a 2008 reply takes its nearest row, as in the report: regimes.outcomes.report_row).
* 按期答复 / 逾期答复: concluded cases whose reply was served within / after its time limit
  (applications.on_time, which counts the extension, 补正 and consultation pauses). Cases closed
  without a served reply (withdrawn, lapsed) or whose due date could not be known are neither:
  the rate is 按期 ÷ (按期 + 逾期). The annual report's old form (2008) instead counts every
  extended case as 延期办结; that figure stays in the report.
* 平均答复用时: for the replies served in the period, the mean number of working days from the
  day of receipt to the day of service — days in (received_on, served_on], the day of receipt
  not counted, the day of service counted, as deadlines count (a reply served on the 20th
  working day took 20). Elapsed time as the applicant sees it: pauses (补正, consultation, fee)
  are not taken out. A reply whose dates fall in a year whose holiday notice is not loaded is
  left out of the mean and counted apart.

Everything is read with one grouped query and the list of the replies' dates; the working days
of all replies are counted in one pass over the period's calendar days (prefix sums), not per
application.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count
from django.utils.translation import gettext as _

from gongkai.accounts.models import ApplicantType
from gongkai.agencies.models import Agency
from gongkai.regimes import get_regime
from gongkai.regimes.outcomes import report_row
from gongkai.regimes.rules import Channel
from gongkai.workdays.calendar import WorkCalendar

from .sources import Scope
from .sources.applications import in_scope, outcome_of, phase_filters

FAMILY = "gb2021"  # the outcome rows: the current national format's table 三
NO_OUTCOME = ""  # concluded with no reply type recorded (not expected; shown if it happens)


@dataclass
class Line:
    """One row of a breakdown (a channel, an applicant type, or the total)."""

    key: str
    label: str
    received: int = 0
    concluded: int = 0
    on_time: int = 0
    late: int = 0
    reply_days: int = 0  # working days summed over the replies in the mean
    replies_timed: int = 0

    @property
    def on_time_rate(self) -> Decimal | None:
        """按期 ÷ (按期 + 逾期), as a fraction rounded to 4 places; None without any."""
        judged = self.on_time + self.late
        return _round(Decimal(self.on_time) / judged, "0.0001") if judged else None

    @property
    def on_time_percent(self) -> Decimal | None:
        rate = self.on_time_rate
        return None if rate is None else _round(rate * 100, "0.1")

    @property
    def average_days(self) -> Decimal | None:
        if not self.replies_timed:
            return None
        return _round(Decimal(self.reply_days) / self.replies_timed, "0.1")


@dataclass(frozen=True)
class OutcomeLine:
    key: str  # the gb2021 row (a 2019 outcome code), or NO_OUTCOME
    group: str  # 予以公开 / 部分公开 / 不予公开 / 无法提供 / 不予处理 / 其他处理
    label: str
    count: int
    share: Decimal  # of the concluded cases, 4 places

    @property
    def share_percent(self) -> Decimal:
        return _round(self.share * 100, "0.1")


@dataclass
class Statistics:
    agency: Agency
    subtree: bool
    start: dt.date
    end: dt.date
    agencies: int  # how many agencies are counted
    total: Line
    by_channel: list[Line]
    by_applicant: list[Line]
    outcomes: list[OutcomeLine]
    not_judged: int = 0  # concluded, neither on time nor late (no reply served, or no due date)
    days_unknown: int = 0  # replies left out of the mean: their year's calendar is not loaded
    groups: dict[str, int] = field(default_factory=dict)  # outcome group → count


def _round(value: Decimal, places: str) -> Decimal:
    return value.quantize(Decimal(places), rounding=ROUND_HALF_UP)


def statistics(
    *,
    agency: Agency,
    start: dt.date,
    end: dt.date,
    agency_ids: list[int],
    subtree: bool,
    calendar: WorkCalendar,
) -> Statistics:
    """The figures of `agency_ids` (the agency, or the part of its subtree the reader may see)
    for the period start–end (both days counted)."""
    scope = Scope.for_period(agency, start, end, subtree=subtree, agency_ids=agency_ids)
    phases = phase_filters(scope)
    # Received in the period, or before it and concluded in it (an application withdrawn
    # before it was received is in no count, as in the report).
    records = in_scope(scope, carried=False).order_by()
    total = Line("total", _("合计"))
    channels = {c: Line(c, str(label)) for c, label in Channel.choices}
    applicants = {a: Line(a, str(label)) for a, label in ApplicantType.choices}
    outcome_counts: dict[str, int] = defaultdict(int)
    not_judged = 0
    grouped = records.values(
        "channel", "applicant_type", "regime", "status", "outcome", "on_time"
    ).annotate(
        received=Count("pk", filter=phases["new"]),
        concluded=Count("pk", filter=phases["concluded"]),
    )
    for row in grouped:
        lines = _lines_of(row, total, channels, applicants)
        concluded = row["concluded"]
        for line in lines:
            line.received += row["received"]
            line.concluded += concluded
            if row["on_time"] is True:
                line.on_time += concluded
            elif row["on_time"] is False:
                line.late += concluded
        if not concluded:
            continue
        if row["on_time"] is None:
            not_judged += concluded
        outcome = outcome_of(row["status"], row["outcome"])
        outcome_counts[report_row(row["regime"], outcome, FAMILY) or NO_OUTCOME] += concluded

    # Listed, not grouped: over a period of years nearly every reply is a group of its own, and
    # grouping made the database sort them all.
    replies = records.filter(phases["concluded"], served_on__isnull=False).values_list(
        "channel", "applicant_type", "received_on", "served_on"
    )
    days_unknown = _time_replies(list(replies), calendar, total, channels, applicants)
    outcomes = _outcome_lines(outcome_counts, total.concluded)
    groups: dict[str, int] = defaultdict(int)
    for line in outcomes:
        groups[line.group] += line.count
    return Statistics(
        agency=agency,
        subtree=subtree,
        start=start,
        end=end,
        agencies=len(scope.agency_ids),
        total=total,
        by_channel=list(channels.values()),
        by_applicant=list(applicants.values()),
        outcomes=outcomes,
        not_judged=not_judged,
        days_unknown=days_unknown,
        groups=dict(groups),
    )


def _lines_of(row, total, channels, applicants) -> list[Line]:
    lines = [total]
    for table, key in ((channels, row["channel"]), (applicants, row["applicant_type"])):
        if key not in table:  # a value no longer offered: its own row rather than lost
            table[key] = Line(key, key)
        lines.append(table[key])
    return lines


def _time_replies(replies: list[tuple], calendar, total, channels, applicants) -> int:
    """Add the working days of each reply (channel, applicant type, received, served) to its
    lines; returns how many could not be counted."""
    if not replies:
        return 0
    first = min(reply[2] for reply in replies)
    last = max(reply[3] for reply in replies)
    loaded = calendar.loaded_years
    # prefix[d] = working days in (first, d], over loaded years (one pass over the days).
    prefix: dict[dt.date, int] = {first: 0}
    day, counted = first, 0
    while day < last:
        day += dt.timedelta(days=1)
        if day.year in loaded and calendar.is_workday(day):
            counted += 1
        prefix[day] = counted
    # Summed per (channel, applicant type) first, then added to their lines.
    unknown, known_spans = 0, {}
    sums: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])  # [days, replies]
    for channel, applicant_type, received, served in replies:
        span = (received.year, served.year)
        if span not in known_spans:
            known_spans[span] = all(year in loaded for year in range(span[0], span[1] + 1))
        if not known_spans[span]:
            unknown += 1
            continue
        counts = sums[channel, applicant_type]
        counts[0] += prefix[served] - prefix[received]
        counts[1] += 1
    for (channel, applicant_type), (days, n) in sums.items():
        key = {"channel": channel, "applicant_type": applicant_type}
        for line in _lines_of(key, total, channels, applicants):
            line.reply_days += days
            line.replies_timed += n
    return unknown


def _outcome_lines(counts: dict[str, int], concluded: int) -> list[OutcomeLine]:
    """The rows with a count, in the order of the format's table (the 2019 Regulation's
    outcomes are exactly gb2021's rows)."""
    rows = [(o.code, o.group, o.label) for o in get_regime("2019").outcomes]
    rows.append((NO_OUTCOME, "—", _("未记录答复类型")))
    return [
        OutcomeLine(key, group, label, counts[key], _share(counts[key], concluded))
        for key, group, label in rows
        if counts.get(key)
    ]


def _share(count: int, of: int) -> Decimal:
    return _round(Decimal(count) / of, "0.0001") if of else Decimal(0)


def period_agency_ids(agency: Agency, *, subtree: bool, visible: frozenset[int]) -> list[int]:
    """The agency, or its subtree as far as the reader may see it (a clerk of a city office who
    ticks 含下级机关 counts the departments they can see, not the others)."""
    if not subtree:
        return [agency.pk]
    ids = Agency.objects.subtree_of(agency).values_list("pk", flat=True)
    return sorted(pk for pk in ids if pk in visible)
