"""Reads of the yearly facts: the year locks, the records a year touches, and the figures the
annual report needs, keyed as in report_formats.json.

Counting rule for bodies, reading points and staff: what is in effect on 31 December of the
year (start ≤ 31 Dec ≤ end, or no end). Meetings, trainings and budgets count in the year of
their date (or their `year`).
"""

from collections import defaultdict
from decimal import Decimal

from django.db.models import Count, Min, Q, Sum
from django.utils import timezone

from gongkai.agencies.models import Agency

from .kinds import KINDS, Kind, touches, year_end
from .models import (
    FIGURE_CELLS,
    BudgetAllocation,
    DisclosureBody,
    Meeting,
    OtherSystemFigure,
    ReadingPoint,
    StaffAssignment,
    Training,
    YearLock,
)
from .models.figures import AMOUNT_KEYS, REQUIRED_KEYS


def _agency_id(agency: Agency | int) -> int:
    return agency if isinstance(agency, int) else agency.pk


# Locks -------------------------------------------------------------------------------------------


def is_locked(agency: Agency | int, year: int) -> bool:
    return YearLock.objects.filter(agency_id=_agency_id(agency), year=year).exists()


def locked_years(agency: Agency | int) -> set[int]:
    return set(YearLock.objects.filter(agency_id=_agency_id(agency)).values_list("year", flat=True))


def year_lock_of(agency: Agency | int, year: int) -> YearLock | None:
    return YearLock.objects.filter(agency_id=_agency_id(agency), year=year).first()


# Records -----------------------------------------------------------------------------------------


def _in_effect_at_year_end(queryset, kind: Kind, year: int):
    start, end = kind.dates
    day = year_end(year)
    return queryset.filter(**{f"{start}__lte": day}).filter(
        Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": day})
    )


def bodies_at_year_end(agency_ids, year: int):
    return _in_effect_at_year_end(
        DisclosureBody.objects.filter(agency_id__in=agency_ids), KINDS["bodies"], year
    )


def reading_points_at_year_end(agency_ids, year: int):
    return _in_effect_at_year_end(
        ReadingPoint.objects.filter(agency_id__in=agency_ids), KINDS["reading-points"], year
    )


def staff_at_year_end(agency_ids, year: int):
    return _in_effect_at_year_end(
        StaffAssignment.objects.filter(agency_id__in=agency_ids), KINDS["staff"], year
    )


def meetings_in_year(agency_ids, year: int):
    return Meeting.objects.filter(agency_id__in=agency_ids, held_on__year=year)


def trainings_in_year(agency_ids, year: int):
    return Training.objects.filter(agency_id__in=agency_ids, held_on__year=year)


def budgets_in_year(agency_ids, year: int):
    return BudgetAllocation.objects.filter(agency_id__in=agency_ids, year=year)


def records_touching(agency: Agency, kind: Kind, year: int) -> list:
    """Every record of `kind` that the year shows or dates (the office's year page)."""
    queryset = kind.model.objects.filter(agency=agency)
    if kind.year_field:
        return list(queryset.filter(**{kind.year_field: year}))
    first = kind.dates[0]
    queryset = queryset.filter(**{f"{first}__lte": year_end(year)})
    if kind.is_period:
        queryset = queryset.filter(
            Q(**{f"{kind.dates[1]}__isnull": True}) | Q(**{f"{kind.dates[1]}__year__gte": year})
        )
    else:
        queryset = queryset.filter(**{f"{first}__year": year})
    values = kind.fields
    return [r for r in queryset if touches(kind, {n: getattr(r, n) for n in values}, year)]


def staff_by_position(agency_ids, year: int) -> list[dict]:
    """Staff in post at year end by position: what the public sees (no names)."""
    rows = (
        staff_at_year_end(agency_ids, year)
        .values("position")
        .annotate(
            fulltime=Count("pk", filter=Q(full_time=True)),
            parttime=Count("pk", filter=Q(full_time=False)),
        )
    )
    summary = [
        {"position": r["position"], "full_time": r["fulltime"], "part_time": r["parttime"]}
        for r in rows
    ]
    return sorted(summary, key=lambda r: (-r["full_time"], r["position"]))


def years_with_facts(agency: Agency) -> list[int]:
    """From the year of the agency's earliest record or figure to this year, newest first."""
    firsts = [
        OtherSystemFigure.objects.filter(agency=agency).aggregate(y=Min("year"))["y"],
        BudgetAllocation.objects.filter(agency=agency).aggregate(y=Min("year"))["y"],
    ]
    for kind in KINDS.values():
        if kind.dates:
            day = kind.model.objects.filter(agency=agency).aggregate(d=Min(kind.dates[0]))["d"]
            firsts.append(day.year if day else None)
    known = [y for y in firsts if y is not None]
    if not known:
        return []
    return list(range(timezone.localdate().year, min(known) - 1, -1))


def public_year(agency: Agency, year: int) -> dict:
    """What anyone may see of the agency's year (the page and the API share it)."""
    ids = [agency.pk]
    return {
        "facts": yearly_facts(ids, year),
        "t2": t2_other_system_figures(ids, year),
        "entered": sorted(figures_of(agency, year)),
        "bodies": list(bodies_at_year_end(ids, year)),
        "reading_points": list(reading_points_at_year_end(ids, year)),
        "staff": staff_by_position(ids, year),
        "budgets": list(budgets_in_year(ids, year)),
        "meetings": list(meetings_in_year(ids, year).order_by("held_on", "pk")),
        "trainings": list(trainings_in_year(ids, year).order_by("held_on", "pk")),
        "locked": is_locked(agency, year),
    }


# The annual report ------------------------------------------------------------------------------


def institution_figures(agency_ids, year: int) -> dict:
    """The legacy table's 八、机构建设和保障经费情况 (s8_*), at 31 December of `year`."""
    staff = staff_at_year_end(agency_ids, year).aggregate(
        total=Count("pk"),
        full=Count("pk", filter=Q(full_time=True)),
    )
    budget = budgets_in_year(agency_ids, year).filter(dedicated=True).aggregate(s=Sum("amount"))
    return {
        "s8_units": bodies_at_year_end(agency_ids, year).count(),
        "s8_reading_points": reading_points_at_year_end(agency_ids, year).count(),
        "s8_staff": staff["total"],
        "s8_staff_fulltime": staff["full"],
        "s8_staff_parttime": staff["total"] - staff["full"],
        "s8_budget": plain_decimal(budget["s"] or Decimal("0")),
    }


def meeting_training_figures(agency_ids, year: int) -> dict:
    """The legacy table's 九、会议和培训情况 (s9_*): meetings and hosted trainings held in
    `year`, and the trainees (人次) of every training in `year`."""
    trainings = trainings_in_year(agency_ids, year).aggregate(
        hosted=Count("pk", filter=Q(hosted=True)), trainees=Sum("trainees")
    )
    return {
        "s9_meetings": meetings_in_year(agency_ids, year).count(),
        "s9_trainings": trainings["hosted"],
        "s9_trainees": trainings["trainees"] or 0,
    }


def yearly_facts(agency_ids, year: int) -> dict:
    """Every s8_* and s9_* figure of the legacy 政府信息公开情况统计表 for `year`."""
    return institution_figures(agency_ids, year) | meeting_training_figures(agency_ids, year)


def plain_decimal(value: Decimal) -> Decimal:
    """1.5000 → 1.5 and 100.0000 → 100 (normalize() alone would give 1E+2)."""
    return value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize()


def _number(key: str, value: Decimal):
    return plain_decimal(value) if key in AMOUNT_KEYS else int(value)


def t2_other_system_figures(agency_ids, year: int) -> dict:
    """The gb2021 table 二 cells held by other systems: {row key: {column key: number}}, e.g.
    {"licensing": {"decisions": 12}, "admin_fees": {"fee_amount": Decimal("0.3")}, …}.
    Figures not entered count as 0; see `missing_figures` for which ones those are."""
    totals: dict[str, Decimal] = defaultdict(Decimal)
    rows = (
        OtherSystemFigure.objects.filter(agency_id__in=agency_ids, year=year)
        .values_list("key")
        .annotate(total=Sum("value"))
    )
    for key, total in rows:
        totals[key] = total
    table: dict[str, dict] = {}
    for key, (row, column, _unit) in FIGURE_CELLS.items():
        table.setdefault(row, {})[column] = _number(key, totals[key])
    return table


def missing_figures(agency_ids, year: int) -> dict[int, list[str]]:
    """{agency id: keys not entered} for the figures every agency reports (规章 excluded)."""
    entered = defaultdict(set)
    for agency_id, key in OtherSystemFigure.objects.filter(
        agency_id__in=agency_ids, year=year
    ).values_list("agency_id", "key"):
        entered[agency_id].add(key)
    return {
        agency_id: missing
        for agency_id in agency_ids
        if (missing := [k.value for k in REQUIRED_KEYS if k not in entered[agency_id]])
    }


def figures_of(agency: Agency, year: int) -> dict[str, OtherSystemFigure]:
    queryset = OtherSystemFigure.objects.filter(agency=agency, year=year).select_related(
        "entered_by"
    )
    return {f.key: f for f in queryset}


def report_cell_records(agency_ids, year: int, cell: str) -> list:
    """The records behind one s8_*/s9_* cell (the report's click-through)."""
    staff = staff_at_year_end(agency_ids, year)
    records = {
        "s8_units": lambda: bodies_at_year_end(agency_ids, year),
        "s8_reading_points": lambda: reading_points_at_year_end(agency_ids, year),
        "s8_staff": lambda: staff,
        "s8_staff_fulltime": lambda: staff.filter(full_time=True),
        "s8_staff_parttime": lambda: staff.filter(full_time=False),
        "s8_budget": lambda: budgets_in_year(agency_ids, year).filter(dedicated=True),
        "s9_meetings": lambda: meetings_in_year(agency_ids, year),
        "s9_trainings": lambda: trainings_in_year(agency_ids, year).filter(hosted=True),
        "s9_trainees": lambda: trainings_in_year(agency_ids, year),
    }
    return list(records[cell]().select_related("agency"))
