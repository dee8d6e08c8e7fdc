"""Publishing a whole list at once (e.g. an agency's 34 items in December 2015) from a CSV or
Excel file. Every row is checked first and every problem is reported by row and column; only a
file without a single problem is imported, all rows in one transaction, as one adjustment
(one effective date, reason and approving document for the batch)."""

from django.db import transaction

from gongkai.core import imports
from gongkai.core.audit import audit_record
from gongkai.core.errors import DomainError
from gongkai.core.imports import ImportFailed, RowError

from ..models import PowerItem
from ..permissions import POLICY
from ..states import WORKFLOW, ItemStatus
from .items import lock_agency, record_version
from .rules import clean_adjustment, code_problem, content_problems, next_code

COLUMNS = {
    "code": "事项编码（留空则按类型自动编号，如 行政许可-001；填写已取消事项的编码即重新列入）",
    "power_type": "权力类型（必填）：行政许可、行政处罚、行政强制、行政征收、行政给付、"
    "行政检查、行政确认、行政奖励、行政裁决、其他",
    "name": "事项名称（必填）",
    "legal_basis": "实施依据（必填）",
    "responsible_unit": "承办机构（必填）",
    "process": "办理流程",
    "responsibilities": "责任事项",
    "accountability": "追责情形",
    "supervision": "监督方式",
}
MAX_ROWS = 5000
MAX_BYTES = 10 * 1024 * 1024


def read_rows(data: bytes, filename: str) -> list[dict]:
    """Rows of a CSV (UTF-8 with or without BOM, or GB18030) or of an XLSX's first sheet."""
    return imports.read_rows(data, filename, COLUMNS, kinds=("csv", "xlsx"), max_bytes=MAX_BYTES)


def powerlist_import(
    *,
    actor,
    agency,
    rows: list[dict],
    effective_on,
    reason: str,
    document: str,
    source_name: str = "",
    dry_run: bool = False,
) -> list[PowerItem]:
    """Check every row, then list all of them or none. Raises ImportFailed with every error."""
    POLICY.require(actor, "import", agency)
    adjustment = clean_adjustment(effective_on, reason, document)
    if not rows:
        raise DomainError("导入文件中没有数据行。", code="import_empty")
    if len(rows) > MAX_ROWS:
        raise DomainError(f"一次最多导入{MAX_ROWS}项。", code="import_too_many")
    errors: list[RowError] = []
    existing = {item.code: item for item in PowerItem.objects.filter(agency=agency)}
    parsed, seen = [], {}
    for number, raw in enumerate(rows, start=1):
        content, problems = content_problems(raw)
        errors += [RowError(number, p.field, p.message) for p in problems]
        code = str(raw.get("code", "") or "").strip()
        if code:
            errors += _code_errors(number, code, seen, existing, adjustment["effective_on"])
            seen.setdefault(code, number)
        parsed.append((code, content))
    if errors:
        raise ImportFailed(errors, what="事项")
    if dry_run:
        return []
    with transaction.atomic():
        lock_agency(agency)
        items = []
        for code, content in parsed:
            if code in existing:
                # Locked again: the check above ran outside this transaction.
                item, action = WORKFLOW.lock(existing[code]), "relist"
            else:
                code = code or next_code(agency, content["power_type"], reserved=set(seen))
                item, action = PowerItem(agency=agency, code=code), "add"
            items.append(record_version(actor, item, action, content, adjustment))
        audit_record(
            actor=actor,
            action="powerlists.import",
            obj=agency,
            agency=agency,
            changes={"items": [0, len(items)]},
            note=f"{source_name}；{adjustment['document']}"[:1000],
        )
    return items


def _code_errors(number: int, code: str, seen: dict, existing: dict, effective_on) -> list:
    problem = code_problem(code)
    if problem:
        return [RowError(number, "code", problem)]
    if code in seen:
        return [RowError(number, "code", f"编码“{code}”与第{seen[code]}行重复。")]
    item = existing.get(code)
    if item is None:
        return []
    if item.status == ItemStatus.IN_FORCE:
        return [RowError(number, "code", f"编码“{code}”的事项已在清单中；调整请在该事项页面登记。")]
    if effective_on < item.last_effective_on:
        return [
            RowError(
                number,
                "code",
                f"编码“{code}”的事项最近一次调整于{item.last_effective_on:%Y-%m-%d}生效，"
                "重新列入的生效日期不能早于该日。",
            )
        ]
    return []
