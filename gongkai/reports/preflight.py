"""What the reviewer is told before finalising (定稿) or publishing (发布) a report: the headings
of the text with nothing under them, the checks that failed (with or without a reviewer's
reason), and how the day compares with the statutory date of publication.

These are warnings, not rules: only what already blocks a step blocks it (an error-level check
without a reason blocks finalising, in `services.report_finalise`); everything else is said and
left to the reviewer, who confirms the step (`Action.confirm`) after reading it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from .check import problem_key
from .exporters.layout import empty_headings
from .formats import get_format
from .rollup import report_due_rule, statutory_date
from .states import ReportStatus

# The statuses a preview and its warnings precede a step in, and those steps (both confirmed:
# actions.py gives them a question).
AHEAD = frozenset({ReportStatus.DRAFT, ReportStatus.FINAL})
STEPS = frozenset({"finalise", "publish"})


@dataclass(frozen=True)
class ReportWarning:
    kind: str  # empty_section | failed_check | overridden_check | check_hints | late
    message: str
    # The step it stops under the existing rules ("finalise"), or "" when it only warns.
    blocks: str = ""


@dataclass(frozen=True)
class PublicationDue:
    """The statutory date by which the report must be published, and where today stands."""

    date: dt.date
    basis: str  # 条例第四十九条、第五十条
    today: dt.date

    @property
    def days_late(self) -> int:
        return max((self.today - self.date).days, 0)

    @property
    def days_left(self) -> int:
        return max((self.date - self.today).days, 0)

    @property
    def late(self) -> bool:
        return self.today > self.date

    def describe(self) -> str:
        when = _("法定公布期限为%(date)s（%(basis)s）") % {
            "date": _date(self.date),
            "basis": self.basis,
        }
        if self.late:
            return _("%(when)s，今天已逾期%(days)s天。") % {"when": when, "days": self.days_late}
        if self.days_left:
            return _("%(when)s，还有%(days)s天。") % {"when": when, "days": self.days_left}
        return _("%(when)s，今天是最后一天。") % {"when": when}


def _date(day: dt.date) -> str:
    return _("%(y)s年%(m)s月%(d)s日") % {"y": day.year, "m": day.month, "d": day.day}


def publication_due(report, *, today: dt.date | None = None) -> PublicationDue:
    """The report's statutory date from the regime in force when it is written (2019
    Regulation: departments by 31 January, governments by 31 March; 2008: by 31 March)."""
    return PublicationDue(
        date=statutory_date(report.agency, report.year),
        basis=_("条例%(basis)s") % {"basis": report_due_rule(report.year).basis},
        today=today or timezone.localdate(),
    )


def report_warnings(
    report, *, problems, overrides: dict, narrative: dict, today: dt.date | None = None
) -> list[ReportWarning]:
    """The warnings shown before finalising or publishing `report` (none once it is
    published): `problems` are its check results (selectors.report_problems), `overrides`
    {problem key: CheckOverride}, `narrative` its latest text {section key: text}."""
    if report.status not in AHEAD:
        return []
    warnings = [*_empty_sections(report, narrative), *_checks(report, problems, overrides)]
    due = publication_due(report, today=today)
    if due.late:
        warnings.append(ReportWarning("late", due.describe()))
    return warnings


def _empty_sections(report, narrative: dict) -> list[ReportWarning]:
    warnings = []
    for heading, part in empty_headings(get_format(report.format), narrative):
        if part is None:
            message = _("正文“%(heading)s”没有内容。") % {"heading": heading}
        else:
            message = _("正文“%(heading)s”中的“%(part)s”没有内容。") % {
                "heading": heading,
                "part": part,
            }
        warnings.append(ReportWarning("empty_section", message))
    return warnings


def _checks(report, problems, overrides: dict) -> list[ReportWarning]:
    warnings = []
    hints = 0
    for problem in problems:
        if problem.severity != "error":
            hints += 1
            continue
        override = overrides.get(problem_key(problem))
        if override is None:
            blocks = "finalise" if report.status == ReportStatus.DRAFT else ""
            message = _("检查不成立，尚未说明理由：%(problem)s") % {"problem": problem.message}
            warnings.append(ReportWarning("failed_check", message, blocks))
        else:
            message = _("检查不成立，%(by)s已说明理由（%(reason)s）：%(problem)s") % {
                "by": override.by or _("系统"),
                "reason": override.reason,
                "problem": problem.message,
            }
            warnings.append(ReportWarning("overridden_check", message))
    if hints:
        warnings.append(
            ReportWarning("check_hints", _("另有%(n)s项检查提示，见“检查”。") % {"n": hints})
        )
    return warnings
