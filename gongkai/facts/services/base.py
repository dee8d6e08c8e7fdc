"""Shared steps of the facts services: serialising writes per agency and the year lock."""

from gongkai.agencies.models import Agency
from gongkai.core.errors import DomainError

from ..kinds import Kind, year_view
from ..selectors import locked_years


def lock_agency(agency: Agency | int) -> Agency:
    """Lock the agency row: a year lock and a write to that year never interleave."""
    agency_id = agency if isinstance(agency, int) else agency.pk
    return Agency.objects.select_for_update().get(pk=agency_id)


def year_locked_error(years) -> DomainError:
    listed = "、".join(f"{y}年度" for y in sorted(years))
    return DomainError(
        f"{listed}的年度报告已定稿，数据已锁定，不能修改。如确需修改，请由管理员先解除锁定。",
        code="year_locked",
    )


def refuse_locked_year(agency: Agency | int, year: int) -> None:
    if year in locked_years(agency):
        raise year_locked_error([year])


def refuse_changes_to_locked_years(agency, kind: Kind, before: dict | None, after: dict | None):
    """Refuse a write that would change what any locked year shows (see kinds.year_view)."""
    changed = [
        year
        for year in locked_years(agency)
        if year_view(kind, before, year) != year_view(kind, after, year)
    ]
    if changed:
        raise year_locked_error(changed)
