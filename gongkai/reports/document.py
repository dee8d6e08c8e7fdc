"""A report's tables as data: the one structure that computation fills, checks read, exporters
print and the importer (of published reports) produces.

`values[table][row][column]` is an int, a Decimal (amounts in 万元), or None (blank: not given).
The JSON shape (`to_json`) is documented in docs/reports.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .formats import get_format
from .formats.base import Format


@dataclass
class Problem:
    kind: str  # identity | cross_year | missing | narrative | parse …
    where: str  # "table:row.column" or an identity id
    expected: object
    found: object
    message: str
    severity: str = "error"  # error blocks finalising; warning is shown only
    identity: str = ""
    at: int | None = None  # where in an imported document's text (for the link to the place)

    def as_json(self) -> dict:
        return {
            **({"at": self.at} if self.at is not None else {}),
            "kind": self.kind,
            "where": self.where,
            "expected": json_number(self.expected),
            "found": json_number(self.found),
            "message": self.message,
            "severity": self.severity,
            "identity": self.identity,
        }


@dataclass
class ReportData:
    format: Format
    agency: str  # the agency's full name as printed (填报单位)
    year: int
    values: dict[str, dict[str, dict[str, object]]]
    agency_code: str = ""
    subtree: bool = False
    problems: list[Problem] = field(default_factory=list)
    provenance: dict = field(default_factory=dict)  # how it was made (built or imported)
    sources: dict[str, str] = field(default_factory=dict)  # "table:row.column" → binding

    def value(self, table: str, row: str, column: str):
        return self.values.get(table, {}).get(row, {}).get(column)

    def number(self, table: str, row: str, column: str):
        """The cell for arithmetic: blank counts as 0 (published reports print blank for 0)."""
        value = self.value(table, row, column)
        return 0 if value is None else value

    def to_json(self) -> dict:
        tables = []
        for table in self.format.tables:
            columns = table.columns
            tables.append(
                {
                    "key": table.key,
                    "title": table.title,
                    "section": table.section,
                    "columns": [c.label for c in columns],
                    "column_keys": [c.key for c in columns],
                    "column_paths": [list(c.path) for c in columns],
                    "rows": [
                        {
                            "key": row.key,
                            "path": table.path(row),
                            **({"unit": row.unit} if row.unit else {}),
                            "values": [
                                json_number(self.value(table.key, row.key, c.key)) for c in columns
                            ],
                        }
                        for row in table.cell_rows
                    ],
                }
            )
        data = {
            "format": self.format.id,
            "agency": self.agency,
            "agency_code": self.agency_code,
            "year": self.year,
            "subtree": self.subtree,
            "tables": tables,
            "problems": [p.as_json() for p in self.problems],
        }
        if self.provenance:
            data["provenance"] = self.provenance
        return data

    @classmethod
    def from_json(cls, data: dict) -> ReportData:
        fmt = get_format(data["format"])
        values: dict = {}
        for table in data.get("tables", []):
            keys = table.get("column_keys") or [c.key for c in fmt.table(table["key"]).columns]
            for row in table["rows"]:
                values.setdefault(table["key"], {})[row["key"]] = {
                    key: parse_number(v) for key, v in zip(keys, row["values"], strict=True)
                }
        return cls(
            format=fmt,
            agency=data.get("agency", ""),
            agency_code=data.get("agency_code", ""),
            year=int(data["year"]),
            subtree=bool(data.get("subtree")),
            values=values,
            provenance=data.get("provenance", {}),
        )


def parse_cell(text: str) -> tuple[str, str, str]:
    """ "table:row.column" → (table, row, column), the way cells are named everywhere."""
    table, _, rest = text.partition(":")
    row, _, column = rest.partition(".")
    return table, row, column


def format_number(value) -> str:
    """A cell as printed: None is blank; amounts without trailing zeros (0.5000 万元 → 0.5)."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


def json_number(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral() else float(value)
    return value


def parse_number(value):
    if value is None:
        return None
    if isinstance(value, float) and not value.is_integer():
        return Decimal(str(value))
    return int(value)
