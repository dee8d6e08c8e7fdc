"""Data sources of the annual report. A binding "source:measure" in a format definition names one
number; each source computes all of its measures for a scope in as few queries as it can
(`measures(scope, wanted)`, where `wanted` is the set of measures the format binds, or None
for all) and can list the records behind any one of them (`records`, the click-through).

A source never decides which row a number goes in: formats do. Sources only know records.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from gongkai.agencies.models import Agency


@dataclass
class Scope:
    """One agency (and, for a consolidated report, its whole subtree) and one year — or, for
    statistics on demand, any period (`period`: its first and last day, both counted)."""

    agency: Agency
    year: int
    subtree: bool = False
    family: str = "gb2021"  # which reply table outcomes are counted in
    entered: dict = field(default_factory=dict)  # figures typed in on the report ("entered:")
    agency_ids: list[int] = field(default_factory=list)
    period: tuple[dt.date, dt.date] | None = None

    def __post_init__(self):
        if not self.agency_ids:
            if self.subtree:
                self.agency_ids = list(
                    Agency.objects.subtree_of(self.agency).values_list("pk", flat=True)
                )
            else:
                self.agency_ids = [self.agency.pk]

    @classmethod
    def for_period(cls, agency: Agency, start: dt.date, end: dt.date, **kwargs) -> Scope:
        """Only the applications source reads a period; `year` is the period's last."""
        return cls(agency=agency, year=end.year, period=(start, end), **kwargs)

    @property
    def first_day(self) -> dt.date:
        return self.period[0] if self.period else dt.date(self.year, 1, 1)

    @property
    def last_day(self) -> dt.date:
        return self.period[1] if self.period else dt.date(self.year, 12, 31)


class UnknownMeasure(KeyError):
    pass


def get_source(name: str):
    from . import applications, catalog, records

    sources = {
        "applications": applications.ApplicationsSource,
        "catalog": catalog.CatalogSource,
        "channels": catalog.ChannelsSource,
        "responses": records.ResponsesSource,
        "appeals": records.AppealsSource,
        "facts": records.FactsSource,
        "figures": records.FiguresSource,
        "entered": records.EnteredSource,
    }
    try:
        return sources[name]
    except KeyError:
        raise UnknownMeasure(name) from None


def split_binding(source: str) -> tuple[str, str]:
    name, _, measure = source.partition(":")
    return name, measure
