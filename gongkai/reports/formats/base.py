"""The shape of a report format: tables of rows × columns with labels as printed, the arithmetic
identities between their cells, the narrative sections, and where each cell's number comes from.

A format is pure data (one module per format, see the registry). Computation (`compute.py`),
checks (`check.py`), exporters and the importer all read the same definition.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Header:
    """One header cell; a leaf (no children) is a data column. `key` of a group may be ''."""

    key: str
    label: str
    children: tuple[Header, ...] = ()

    def leaves(self, path: tuple[str, ...] = ()) -> list[Column]:
        here = (*path, self.label)
        if not self.children:
            return [Column(self.key, self.label, here)]
        return [leaf for child in self.children for leaf in child.leaves(here)]

    @property
    def depth(self) -> int:
        return 1 + max((c.depth for c in self.children), default=0)


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    path: tuple[str, ...]  # labels from the outermost header down to this column


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    level: int = 0
    has_cell: bool = True  # False: a heading row such as （三）不予公开, printed without numbers
    unit: str | None = None
    parent: str | None = None
    short_label: str | None = None


@dataclass(frozen=True)
class Binding:
    """Where a cell's number comes from: `source` names a measure of a data source (see
    `sources.py`), e.g. "applications:new.natural_person"; "entered:KEY" is a figure staff type
    in for this report because no record holds it."""

    source: str


@dataclass(frozen=True)
class Identity:
    """An arithmetic rule between cells. Cells are written "row" (for a table with one data
    column, or per column when `per_column`), "row.column", or "table:row.column"."""

    id: str
    kind: str  # sum | sum_eq | le | soft_eq | constraint
    table: str
    target: str = ""  # sum: target = Σ terms
    terms: tuple[str, ...] = ()
    left: tuple[str, ...] = ()  # sum_eq: Σ left = Σ right; le: left ≤ right
    right: tuple[str, ...] = ()
    per_column: bool = False  # apply to each data column of the table
    per_row: bool = False  # target/terms are column keys, applied to each row with cells
    severity: str = "error"  # error blocks finalising; warning is shown only
    description: str = ""


@dataclass(frozen=True)
class CrossYear:
    """This year's cell = last year's cell (+ `plus` − `minus`, cells of this year's report).

    Cells are "table:row.column"; "{column}" and "{row}" repeat the rule over every data column
    or every row with cells. `last` may list alternatives "a.b|a.c" for an older format."""

    id: str
    this: str
    last: str
    plus: str = ""
    minus: str = ""
    severity: str = "error"
    description: str = ""


@dataclass(frozen=True)
class Table:
    key: str
    title: str  # as printed
    headers: tuple[Header, ...]  # the column header tree; leaves are the data columns
    rows: tuple[Row, ...]
    section: str = ""  # the report section the table sits in, e.g. 二、主动公开政府信息情况
    row_header: str = ""  # the label of the row-label column, e.g. 信息内容 / 统 计 指 标
    corner_note: str = ""
    unit_column: bool = False  # the 2008 form prints a 单位 column between label and number
    amount_columns: frozenset[str] = frozenset()  # decimal amounts (万元) rather than counts
    signed_columns: frozenset[str] = frozenset()  # may be negative (本年增/减)
    bindings: dict[tuple[str, str], Binding] = field(default_factory=dict, hash=False)

    @property
    def columns(self) -> list[Column]:
        return [leaf for header in self.headers for leaf in header.leaves()]

    @property
    def column_keys(self) -> list[str]:
        return [c.key for c in self.columns]

    @property
    def cell_rows(self) -> list[Row]:
        return [r for r in self.rows if r.has_cell]

    def row(self, key: str) -> Row:
        for row in self.rows:
            if row.key == key:
                return row
        raise KeyError(key)

    def path(self, row: Row) -> list[str]:
        """The row's label and its parents' labels, outermost first."""
        labels = [row.label]
        parent = row.parent
        while parent:
            above = self.row(parent)
            labels.insert(0, above.label)
            parent = above.parent
        return labels


@dataclass(frozen=True)
class Section:
    key: str
    heading: str
    parts: tuple[str, ...] = ()  # sub-headings prefilled in order (总体情况's five parts)


@dataclass(frozen=True)
class Format:
    id: str
    name: str
    document: str  # the notice that prescribes it
    first_year: int  # first report year it applies to by default
    last_year: int | None
    sections: tuple[Section, ...]
    tables: tuple[Table, ...]
    identities: tuple[Identity, ...]
    cross_year: tuple[CrossYear, ...] = ()
    # Applications' outcomes are counted in this format's rows through the regime's mapping
    # (regimes/outcomes.py REPORT_ROWS[family]); gb2019 folds some rows into one.
    outcome_family: str = ""
    aliases: tuple[str, ...] = ()
    official: bool = True  # False: a regional variant, read and checked but never the default

    def table(self, key: str) -> Table:
        for table in self.tables:
            if table.key == key:
                return table
        raise KeyError(key)

    def applies_to(self, year: int) -> bool:
        return year >= self.first_year and (self.last_year is None or year <= self.last_year)


def group(label: str, *children: Header, key: str = "") -> Header:
    return Header(key, label, tuple(children))


def col(key: str, label: str) -> Header:
    return Header(key, label)
