"""Import of figures exported from other systems (CSV upload, or rows through the API).

Every row is checked first and every problem is reported with its row number; only a file
without a single problem is saved, in one transaction. A row for an agency-year-key that
already has a figure replaces it (the audit trail keeps the old value).
"""

from django.conf import settings
from django.db import transaction

from gongkai.agencies.models import Agency
from gongkai.core import imports
from gongkai.core.audit import audit_record
from gongkai.core.errors import DomainError
from gongkai.core.imports import ImportFailed, RowError
from gongkai.core.params import int_param

from ..models import FIGURE_CELLS, FigureKey
from ..permissions import POLICY
from ..selectors import locked_years
from .base import lock_agency, year_locked_error
from .figures import check_key, check_source, check_year, parse_value, store_figure

COLUMNS = {
    "agency": "机关代码（留空则为页面所选机关）",
    "year": "年度，如 2024（必填）",
    "key": "指标：licensing 行政许可、punishment 行政处罚、coercion 行政强制、"
    "admin_fees 行政事业性收费、regulations_made 规章制发、regulations_repealed 规章废止、"
    "regulations_valid 规章现行有效（必填，英文或中文均可）",
    "value": "数值（必填）：件数为整数，收费金额以万元为单位",
    "unit": "单位（可选，填写时须为“件”或“万元”，与指标一致）",
    "source": "来源系统或台账（留空则用页面填写的来源）",
}
# Short Chinese names, as other systems' exports tend to print them.
KEY_ALIASES = {
    "行政许可": FigureKey.LICENSING,
    "行政处罚": FigureKey.PUNISHMENT,
    "行政强制": FigureKey.COERCION,
    "行政事业性收费": FigureKey.ADMIN_FEES,
    "规章制发": FigureKey.REGULATIONS_MADE,
    "规章废止": FigureKey.REGULATIONS_REPEALED,
    "规章现行有效": FigureKey.REGULATIONS_VALID,
} | {str(label): key for key, label in FigureKey.choices}
MAX_BYTES = 5 * 1024 * 1024


def read_rows(data: bytes, filename: str) -> list[dict]:
    """Rows of a CSV file (UTF-8 with or without BOM; GB18030, as Excel saves it, accepted)."""
    return imports.read_rows(data, filename, COLUMNS, kinds=("csv",), max_bytes=MAX_BYTES)


def _parse(raw: dict, number: int, actor, agency, default_source, agencies, errors):
    """(agency, year, key, value, source) of one row, or None with its errors recorded."""
    problems = len(errors)

    def fail(column, message):
        errors.append(RowError(number, column, message))

    def text(name):
        return str(raw.get(name) or "").strip()

    target = agency
    if text("agency") and text("agency") != agency.code:
        target = agencies.get(text("agency"))
        if target is None:
            fail("agency", f"没有代码为“{text('agency')}”的机关。")
        elif actor is not None and not POLICY.allows(actor, "figures", target):
            fail("agency", f"您不能录入“{target.name}”的数据。")
            target = None
    year = key = value = source = None
    try:
        year = check_year(int_param(text("year")) or text("year"))
    except DomainError as error:
        fail("year", error.message if text("year") else "年度必填。")
    try:
        key = check_key(KEY_ALIASES.get(text("key"), text("key")))
    except DomainError:
        fail("key", f"“{text('key')}”不是可用的指标。" if text("key") else "指标必填。")
    if key is not None:
        try:
            value = parse_value(key, raw.get("value"))
        except DomainError as error:
            fail("value", error.message if text("value") else "数值必填。")
        unit = FIGURE_CELLS[key][2]
        if text("unit") and text("unit") != unit:
            fail("unit", f"指标“{FigureKey(key).label}”的单位是“{unit}”，不是“{text('unit')}”。")
    try:
        source = check_source(text("source") or default_source)
    except DomainError as error:
        fail("source", error.message)
    if len(errors) > problems or target is None:
        return None
    return target, year, key, value, source


def figures_import(
    *, actor, agency: Agency, rows: list[dict], source_name: str, source: str = "", dry_run=False
) -> int:
    """Check every row, then save all of them or none. Raises ImportFailed with every error.
    Rows name their agency by code (the city may import for its departments if the importer
    may enter figures there); rows without one are for `agency`. Returns rows saved."""
    POLICY.require(actor, "figures", agency.pk)
    if not rows:
        raise DomainError("导入文件中没有数据行。", code="import_empty")
    if len(rows) > settings.GONGKAI_IMPORT_MAX_ROWS:
        raise DomainError(
            f"一次最多导入{settings.GONGKAI_IMPORT_MAX_ROWS}行。", code="import_too_many"
        )
    codes = {str(r.get("agency") or "").strip() for r in rows} - {""}
    agencies = {a.code: a for a in Agency.objects.filter(code__in=codes)}
    errors: list[RowError] = []
    parsed, seen = [], {}
    for number, raw in enumerate(rows, start=1):
        row = _parse(raw, number, actor, agency, source, agencies, errors)
        if row is None:
            continue
        cell = (row[0].pk, row[1], row[2])
        if cell in seen:
            errors.append(
                RowError(number, "key", f"与第{seen[cell]}行重复（同一机关、年度和指标）。")
            )
            continue
        seen[cell] = number
        parsed.append((number, row))
    for target in {row[0] for _n, row in parsed}:
        locked = locked_years(target)
        for number, row in parsed:
            if row[0] == target and row[1] in locked:
                errors.append(RowError(number, "year", year_locked_error([row[1]]).message))
    if errors:
        raise ImportFailed(errors, what="数据")
    if dry_run:
        return 0
    with transaction.atomic():
        for target in sorted({row[0] for _n, row in parsed}, key=lambda a: a.pk):
            lock_agency(target)
            # Re-checked under the agency lock: a year locked meanwhile fails the whole file.
            years = {row[1] for _n, row in parsed if row[0] == target} & locked_years(target)
            if years:
                raise year_locked_error(years)
        for _number, (target, year, key, value, row_source) in parsed:
            store_figure(actor, target, year, key, value, row_source)
        audit_record(
            actor=actor,
            action="facts.figures_import",
            obj=agency,
            agency=agency,
            changes={"rows": [0, len(parsed)]},
            note=source_name[:200],
        )
    return len(parsed)
