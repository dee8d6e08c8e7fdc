"""The other records the report counts: responses to public concerns, appeals, the agency's
dated facts (bodies, staff, meetings …), figures from other systems, and figures typed in on
the report itself where no record exists."""

from __future__ import annotations

from decimal import Decimal

from gongkai.appeals import selectors as appeals
from gongkai.engagement import selectors as engagement
from gongkai.facts import selectors as facts
from gongkai.facts.models import FIGURE_CELLS, OtherSystemFigure

from . import UnknownMeasure

RESPONSE_MEASURES = engagement.LEGACY_RESPONSE_ROWS


class ResponsesSource:
    @staticmethod
    def accepts(measure: str) -> bool:
        return measure in RESPONSE_MEASURES

    @staticmethod
    def measures(scope, wanted=None) -> dict:
        return engagement.legacy_response_counts(scope.agency_ids, scope.year)

    @staticmethod
    def records(scope, measure: str):
        if measure not in RESPONSE_MEASURES:
            raise UnknownMeasure(measure)
        if measure == "s2_interpretations":
            from .catalog import CatalogSource

            return CatalogSource.records(scope, "interpretations")
        return engagement.legacy_response_records(scope.agency_ids, scope.year, measure)


APPEAL_MEASURES = (
    *(f"{p}_{o}" for p in ("rc", "ld", "la") for o in ("upheld", "corrected", "other", "pending", "total")),
    "s4", "s4_upheld", "s4_corrected", "s4_other",
    "s5", "s5_upheld", "s5_corrected", "s5_other", "s6",
)  # fmt: skip


class AppealsSource:
    @staticmethod
    def accepts(measure: str) -> bool:
        return measure in APPEAL_MEASURES

    @staticmethod
    def measures(scope, wanted=None) -> dict:
        by_kind = appeals.outcome_counts(scope.agency_ids, scope.year)
        return appeals.t4_from(by_kind) | appeals.legacy_from(by_kind)

    @staticmethod
    def records(scope, measure: str):
        if measure not in APPEAL_MEASURES:
            raise UnknownMeasure(measure)
        return appeals.report_cell_cases(scope.agency_ids, scope.year, measure)


FACT_MEASURES = (
    "s8_units",
    "s8_reading_points",
    "s8_staff",
    "s8_staff_fulltime",
    "s8_staff_parttime",
    "s8_budget",
    "s9_meetings",
    "s9_trainings",
    "s9_trainees",
)


class FactsSource:
    @staticmethod
    def accepts(measure: str) -> bool:
        return measure in FACT_MEASURES

    @staticmethod
    def measures(scope, wanted=None) -> dict:
        return facts.yearly_facts(scope.agency_ids, scope.year)

    @staticmethod
    def records(scope, measure: str):
        if measure not in FACT_MEASURES:
            raise UnknownMeasure(measure)
        return facts.report_cell_records(scope.agency_ids, scope.year, measure)


FIGURE_MEASURES = {f"{row}.{column}": key for key, (row, column, _unit) in FIGURE_CELLS.items()}


class FiguresSource:
    """gb2021 table 二 figures kept in other systems and entered per year (facts app)."""

    @staticmethod
    def accepts(measure: str) -> bool:
        return measure in FIGURE_MEASURES

    @staticmethod
    def measures(scope, wanted=None) -> dict:
        table = facts.t2_other_system_figures(scope.agency_ids, scope.year)
        return {f"{row}.{column}": v for row, cells in table.items() for column, v in cells.items()}

    @staticmethod
    def records(scope, measure: str):
        if measure not in FIGURE_MEASURES:
            raise UnknownMeasure(measure)
        return OtherSystemFigure.objects.filter(
            agency_id__in=scope.agency_ids, year=scope.year, key=FIGURE_MEASURES[measure]
        ).select_related("agency")


class EnteredSource:
    """Cells no record holds, typed in on the report (gb2019's project counts). Not entered:
    None, so the cell prints blank and the check says which are missing."""

    @staticmethod
    def accepts(measure: str) -> bool:
        return measure.count(".") == 2

    @staticmethod
    def measures(scope, wanted=None) -> dict:
        return {key: _number(value) for key, value in scope.entered.items()}

    @staticmethod
    def records(scope, measure: str):
        return []


def _number(value):
    if value is None or value == "":
        return None
    number = Decimal(str(value))
    return int(number) if number == number.to_integral() else number
