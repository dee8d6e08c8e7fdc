"""Fill a format's tables from the records: every cell from its binding, each source asked once."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.utils import timezone

from gongkai.agencies.models import Agency

from .document import ReportData, parse_cell
from .formats.base import Format
from .sources import Scope, UnknownMeasure, get_source, split_binding


def bindings_of(fmt: Format):
    """(table, row, column, source name, measure) for every bound cell."""
    for table in fmt.tables:
        for (row, column), binding in table.bindings.items():
            name, measure = split_binding(binding.source)
            yield table, row, column, name, measure


def binding_sources(fmt: Format) -> dict[str, str]:
    """{"table:row.column": "source:measure"} for every bound cell."""
    return {
        f"{table.key}:{row}.{column}": binding.source
        for table in fmt.tables
        for (row, column), binding in table.bindings.items()
    }


def _scope(fmt: Format, agency: Agency, year: int, subtree: bool, entered: dict | None) -> Scope:
    return Scope(
        agency=agency, year=year, subtree=subtree, family=fmt.outcome_family, entered=entered or {}
    )


def validate(fmt: Format) -> list[str]:
    """Bindings that name a source or measure that does not exist (a test runs this)."""
    errors = []
    for table, row, column, name, measure in bindings_of(fmt):
        try:
            source = get_source(name)
        except UnknownMeasure:
            errors.append(f"{fmt.id} {table.key}:{row}.{column}: unknown source {name}")
            continue
        if not source.accepts(measure):
            errors.append(f"{fmt.id} {table.key}:{row}.{column}: unknown measure {measure}")
        if row not in {r.key for r in table.cell_rows} or column not in table.column_keys:
            errors.append(f"{fmt.id} {table.key}:{row}.{column}: no such cell")
    return errors


def build(
    fmt: Format,
    agency: Agency,
    year: int,
    *,
    subtree: bool = False,
    entered: dict | None = None,
) -> ReportData:
    scope = _scope(fmt, agency, year, subtree, entered)
    needed = defaultdict(list)
    for table, row, column, name, measure in bindings_of(fmt):
        needed[name].append((table, row, column, measure))
    values: dict = {t.key: {r.key: {} for r in t.cell_rows} for t in fmt.tables}
    for name, cells in needed.items():
        measured = get_source(name).measures(scope, {measure for *_, measure in cells})
        for table, row, column, measure in cells:
            value = measured.get(measure, None if name == "entered" else 0)
            values[table.key][row][column] = _round(value, column in table.amount_columns)
    return ReportData(
        format=fmt,
        agency=agency.name,
        agency_code=agency.code,
        year=year,
        subtree=subtree,
        values=values,
        sources=binding_sources(fmt),
        provenance={
            "built_at": timezone.now().isoformat(timespec="seconds"),
            "agencies": len(scope.agency_ids),
            "source": "records",
        },
    )


def _round(value, amount: bool):
    """Amounts are printed in 万元 to four places (exact to the 元); counts are whole."""
    if value is None:
        return None
    if isinstance(value, Decimal) or amount:
        value = Decimal(value).quantize(Decimal("0.0001"))
        return int(value) if value == value.to_integral() else value.normalize()
    return int(value)


def cell_records(fmt: Format, agency: Agency, year: int, cell: str, *, subtree=False, entered=None):
    """The records a cell counts ("table:row.column"), for the click-through."""
    table_key, row, column = parse_cell(cell)
    binding = fmt.table(table_key).bindings.get((row, column))
    if binding is None:
        raise UnknownMeasure(cell)
    name, measure = split_binding(binding.source)
    return get_source(name).records(_scope(fmt, agency, year, subtree, entered), measure)
