"""The checks every write shares: an item's content, its code, and an adjustment's date, reason
and approving document. Each returns the cleaned values or the problems, so a form shows one
message and an import lists every problem by row."""

import datetime
import re
from typing import NamedTuple

from django.utils import timezone

from gongkai.core.errors import DomainError
from gongkai.core.params import int_param

from ..models import CONTENT_FIELDS, PowerItem, PowerType

# Codes are stored for good, so their prefixes are fixed text, not translatable labels.
CODE_PREFIX = {
    PowerType.LICENSING: "行政许可",
    PowerType.PUNISHMENT: "行政处罚",
    PowerType.COERCION: "行政强制",
    PowerType.LEVY: "行政征收",
    PowerType.PAYMENT: "行政给付",
    PowerType.INSPECTION: "行政检查",
    PowerType.CONFIRMATION: "行政确认",
    PowerType.REWARD: "行政奖励",
    PowerType.RULING: "行政裁决",
    PowerType.OTHER: "其他",
}
CODE_PATTERN = re.compile(r"^[\w.-]{1,40}$")
REQUIRED = {"name": "事项名称", "legal_basis": "实施依据", "responsible_unit": "承办机构"}
MAX_LENGTH = {"name": 200, "responsible_unit": 100}
EARLIEST = datetime.date(2000, 1, 1)
# Adjustments are often announced ahead of the day they take effect, but not years ahead.
MAX_DAYS_AHEAD = 366
MAX_TEXT = 5000


class Problem(NamedTuple):
    field: str
    message: str
    code: str = "invalid"


def _raise_first(problems: list[Problem]) -> None:
    if problems:
        field, message, code = problems[0]
        raise DomainError(message, code=code, field=field)


def power_type_of(value) -> str | None:
    """A type given as its key (licensing) or its label (行政许可, also 其他)."""
    value = str(value or "").strip()
    if value in PowerType.values:
        return value
    by_label = {str(label): key for key, label in PowerType.choices}
    by_label.update({prefix: key for key, prefix in CODE_PREFIX.items()})
    by_label["其他行政权力"] = PowerType.OTHER  # the label, whatever the UI language
    return by_label.get(value)


def content_problems(raw: dict) -> tuple[dict, list[Problem]]:
    """Cleaned content fields, and their problems."""
    content = {name: str(raw.get(name, "") or "").strip() for name in CONTENT_FIELDS}
    content["name"] = " ".join(content["name"].split())
    content["responsible_unit"] = " ".join(content["responsible_unit"].split())
    problems = []
    power_type = power_type_of(raw.get("power_type"))
    if power_type is None:
        given = str(raw.get("power_type", "") or "").strip()
        labels = "、".join(map(str, PowerType.labels))
        message = f"“{given}”不是权力类型（{labels}）。" if given else "请选择权力类型。"
        problems.append(Problem("power_type", message))
    content["power_type"] = power_type or ""
    for name, label in REQUIRED.items():
        if not content[name]:
            problems.append(Problem(name, f"{label}必填。", "required"))
    for name, limit in MAX_LENGTH.items():
        if len(content[name]) > limit:
            problems.append(Problem(name, f"超过{limit}字。", "too_long"))
    for name in CONTENT_FIELDS:
        if len(content[name]) > MAX_TEXT:
            problems.append(Problem(name, f"超过{MAX_TEXT}字。", "too_long"))
    return content, problems


def clean_content(raw: dict) -> dict:
    content, problems = content_problems(raw)
    _raise_first(problems)
    return content


def code_problem(code: str) -> str | None:
    if not CODE_PATTERN.match(code):
        return "事项编码只能由汉字、字母、数字、横线、点和下划线组成，不超过40个字符。"
    return None


def next_code(agency, power_type: str, *, reserved=frozenset()) -> str:
    """The next free code of the type, e.g. 行政许可-005 after 行政许可-004. Call with the
    agency row locked, so two clerks never get the same number."""
    prefix = CODE_PREFIX[power_type] + "-"
    taken = set(
        PowerItem.objects.filter(agency=agency, code__startswith=prefix).values_list(
            "code", flat=True
        )
    ) | {code for code in reserved if code.startswith(prefix)}
    serials = [n for c in taken if (n := int_param(c[len(prefix) :], minimum=0)) is not None]
    return f"{prefix}{max(serials, default=0) + 1:03d}"


def adjustment_problems(effective_on, reason: str, document: str, *, not_before=None) -> list:
    problems = []
    today = timezone.localdate()
    if not isinstance(effective_on, datetime.date):
        problems.append(Problem("effective_on", "请填写生效日期（YYYY-MM-DD）。", "required"))
    elif effective_on < EARLIEST:
        problems.append(Problem("effective_on", f"生效日期不能早于{EARLIEST:%Y-%m-%d}。"))
    elif effective_on > today + datetime.timedelta(days=MAX_DAYS_AHEAD):
        problems.append(Problem("effective_on", "生效日期不能晚于一年以后。", "too_far_ahead"))
    elif not_before is not None and effective_on < not_before:
        message = (
            f"生效日期不能早于该事项上一次调整的生效日期（{not_before:%Y-%m-%d}）；"
            "历史记录不能倒签，如需更正请登记一次新的变更。"
        )
        problems.append(Problem("effective_on", message, "backdated"))
    if not (reason or "").strip():
        problems.append(Problem("reason", "请写明调整理由。", "required"))
    if not (document or "").strip():
        problems.append(Problem("document", "请填写批准文件（名称或文号）。", "required"))
    elif len(document.strip()) > 200:
        problems.append(Problem("document", "批准文件超过200字。", "too_long"))
    return problems


def clean_adjustment(effective_on, reason, document, *, not_before=None) -> dict:
    _raise_first(adjustment_problems(effective_on, reason, document, not_before=not_before))
    return {"effective_on": effective_on, "reason": reason.strip(), "document": document.strip()}
