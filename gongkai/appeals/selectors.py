"""Reads of appeal cases: the office's list, the public per-year counts and anonymised summaries,
and the counts the annual report needs. The counting rule is one function, `report_column`."""

import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone

from gongkai.agencies.models import Agency
from gongkai.core.selectors import audit_history

from .models import AppealCase
from .privacy import anonymise
from .states import LEGACY_OTHER, AppealKind, Outcome

K = AppealKind

# The office ----------------------------------------------------------------------------------


def office_cases(
    user,
    *,
    kind: str = "",
    year: int | None = None,
    outcome: str = "",
    agency_id: int | None = None,
    text: str = "",
) -> QuerySet[AppealCase]:
    queryset = AppealCase.objects.visible_to(user).select_related("agency", "application")
    if kind:
        queryset = queryset.filter(kind=kind)
    if year:
        queryset = _filed_in(queryset, year)
    if outcome:
        queryset = queryset.filter(outcome=outcome)
    if agency_id:
        queryset = queryset.filter(agency_id=agency_id)
    if text:
        queryset = queryset.filter(
            Q(appellant_name__contains=text)
            | Q(case_number__contains=text)
            | Q(reviewing_body__contains=text)
            | Q(application__number__contains=text)
        )
    return queryset.order_by("-filed_on", "-pk")


def case_history(case: AppealCase):
    return audit_history(obj=case)


def reconsiderations_of(agency) -> QuerySet[AppealCase]:
    """The agency's reconsideration cases a later suit may point at."""
    return AppealCase.objects.filter(agency=agency, kind=K.RECONSIDERATION).order_by(
        "-filed_on", "-pk"
    )


# The counting rule ---------------------------------------------------------------------------


def report_column(
    *, filed_on: datetime.date, outcome: str, closed_on: datetime.date | None, year: int
) -> str | None:
    """Where a case goes in `year`'s report: None when it is not counted that year, else the
    outcome column (an Outcome value).

    A case is counted once, in the report of the year it was filed, under its outcome as of
    31 December of that year: a case closed in a later year is 尚未审结 there. Cases carried
    over are not counted again when they close (see docs/appeals.md for the evidence)."""
    if filed_on.year != year:
        return None
    if outcome == Outcome.PENDING or closed_on is None or closed_on.year > year:
        return Outcome.PENDING
    return outcome


def _filed_in(queryset, year: int):
    # The rule's first condition as an indexed range, so only that year's rows are read.
    return queryset.filter(
        filed_on__gte=datetime.date(year, 1, 1), filed_on__lte=datetime.date(year, 12, 31)
    )


def outcome_counts(agency_ids, year: int) -> dict[str, dict[str, int]]:
    """{kind: {outcome: n}} for `year`'s report, every kind and outcome present."""
    counts = {kind: dict.fromkeys(Outcome.values, 0) for kind in AppealKind.values}
    rows = _filed_in(AppealCase.objects.filter(agency_id__in=list(agency_ids)), year)
    for kind, filed_on, outcome, closed_on in rows.values_list(
        "kind", "filed_on", "outcome", "closed_on"
    ):
        column = report_column(filed_on=filed_on, outcome=outcome, closed_on=closed_on, year=year)
        if column is not None:
            counts[kind][column] += 1
    return counts


# Counts for the annual report ----------------------------------------------------------------

T4_GROUPS = {
    K.RECONSIDERATION: "rc",
    K.LITIGATION_DIRECT: "ld",
    K.LITIGATION_AFTER_RECONSIDERATION: "la",
}
T4_COLUMNS = {
    Outcome.UPHELD: "upheld",
    Outcome.CORRECTED: "corrected",
    Outcome.OTHER: "other",
    Outcome.PENDING: "pending",
}


def t4_counts(agency_ids, year: int) -> dict[str, int]:
    """Table 四 of the 2019 and 2021 formats (identical): rc_*, ld_*, la_* with totals, in the
    format's column order. Complaints are not in this table."""
    return t4_from(outcome_counts(agency_ids, year))


def t4_from(by_kind: dict) -> dict[str, int]:
    counts = {}
    for kind, prefix in T4_GROUPS.items():
        for outcome, column in T4_COLUMNS.items():
            counts[f"{prefix}_{column}"] = by_kind[kind][outcome]
        counts[f"{prefix}_total"] = sum(by_kind[kind].values())
    return counts


def legacy_counts(agency_ids, year: int) -> dict[str, int]:
    """Rows 四–六 of the old 政府信息公开情况统计表. It has no 尚未审结 row, and its identity
    四 = (一)+(二)+(三) holds, so a case still pending at year end is counted in （三）其他情形;
    s4_other_pending / s5_other_pending say how many of those were pending (for a footnote).
    行政诉讼 (五) is both kinds of suit; 举报投诉 (六) is a plain count."""
    return legacy_from(outcome_counts(agency_ids, year))


def legacy_from(by_kind: dict) -> dict[str, int]:
    reconsideration = by_kind[K.RECONSIDERATION]
    litigation = {
        outcome: by_kind[K.LITIGATION_DIRECT][outcome]
        + by_kind[K.LITIGATION_AFTER_RECONSIDERATION][outcome]
        for outcome in Outcome.values
    }
    counts = {}
    for key, tally in (("s4", reconsideration), ("s5", litigation)):
        counts[key] = sum(tally.values())
        counts[f"{key}_upheld"] = tally[Outcome.UPHELD]
        counts[f"{key}_corrected"] = tally[Outcome.CORRECTED]
        counts[f"{key}_other"] = sum(tally[outcome] for outcome in LEGACY_OTHER)
        counts[f"{key}_other_pending"] = tally[Outcome.PENDING]
    counts["s6"] = sum(by_kind[K.COMPLAINT].values())
    return counts


def concluded_carried_over(agency_ids, year: int) -> QuerySet[AppealCase]:
    """Cases filed before `year` and closed in it: counted as 尚未审结 in an earlier report,
    their outcome belongs in this year's narrative (they are in no table this year)."""
    return (
        AppealCase.objects.filter(
            agency_id__in=list(agency_ids),
            filed_on__lt=datetime.date(year, 1, 1),
            closed_on__gte=datetime.date(year, 1, 1),
            closed_on__lte=datetime.date(year, 12, 31),
        )
        .select_related("agency")
        .order_by("filed_on", "pk")
    )


# The public ----------------------------------------------------------------------------------

FIRST_YEAR = 2008  # the 2008 Regulation's first year


def agency_ids_for(agency: Agency, *, subtree: bool = False) -> list[int]:
    if subtree:
        return list(Agency.objects.subtree_of(agency).values_list("id", flat=True))
    return [agency.pk]


def public_years(agency_ids, *, today: datetime.date | None = None) -> list[int]:
    """Newest first: the last five years and every earlier year with a case."""
    this_year = (today or timezone.localdate()).year
    years = set(range(this_year - 4, this_year + 1))
    dates = AppealCase.objects.filter(agency_id__in=agency_ids).dates("filed_on", "year")
    years.update(d.year for d in dates)
    return sorted(years, reverse=True)


def year_rows(agency_ids, years) -> list[dict]:
    """Per year: the table 四 counts, the old table's rows 四–六 and the number of complaints."""
    rows = []
    for year in years:
        by_kind = outcome_counts(agency_ids, year)
        legacy = legacy_from(by_kind)
        rows.append(
            {"year": year, "t4": t4_from(by_kind), "legacy": legacy, "complaints": legacy["s6"]}
        )
    return rows


def public_summaries(agency_ids, year: int) -> list[dict]:
    """The year's cases as the public may see them: no names, no case numbers, summaries and
    notes anonymised (names masked, identifying numbers removed)."""
    cases = _filed_in(AppealCase.objects.filter(agency_id__in=agency_ids), year)
    rows = []
    for case in cases.select_related("agency", "application").order_by("filed_on", "pk"):
        names = [case.appellant_name]
        if case.application is not None:
            names.append(case.application.applicant_name)
        rows.append(
            {
                "agency": case.agency.name,
                "kind": case.kind,
                "kind_label": case.get_kind_display(),
                "filed_month": case.filed_on.strftime("%Y-%m"),
                "reviewing_body": case.reviewing_body,
                "outcome": case.outcome,
                "outcome_label": case.get_outcome_display(),
                "closed_month": case.closed_on.strftime("%Y-%m") if case.closed_on else None,
                "summary": anonymise(case.summary, names),
                "outcome_note": anonymise(case.outcome_note, names),
            }
        )
    return rows


def report_cell_cases(agency_ids, year: int, cell: str) -> list[AppealCase]:
    """The cases counted in one cell of table 四 (rc_upheld …) or of the old form's 四–六
    (s4, s4_other …): the report's click-through, by the same rule as the counts."""
    by_prefix = {p: k for k, p in T4_GROUPS.items()}
    legacy_kinds = {
        "s4": [K.RECONSIDERATION],
        "s5": [K.LITIGATION_DIRECT, K.LITIGATION_AFTER_RECONSIDERATION],
        "s6": [K.COMPLAINT],
    }
    prefix, _, column = cell.partition("_")
    kinds = [by_prefix[prefix]] if prefix in by_prefix else legacy_kinds[prefix]
    wanted = {o for o, name in T4_COLUMNS.items() if name == column}
    if prefix in legacy_kinds and column == "other":
        wanted = LEGACY_OTHER
    cases = _filed_in(
        AppealCase.objects.filter(agency_id__in=list(agency_ids), kind__in=kinds), year
    ).select_related("agency")
    return [
        case
        for case in cases.order_by("filed_on", "pk")
        if (
            column in {"", "total"}
            or report_column(
                filed_on=case.filed_on, outcome=case.outcome, closed_on=case.closed_on, year=year
            )
            in wanted
        )
    ]
