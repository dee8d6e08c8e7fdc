"""The 统一社会信用代码 of 个体工商户 an agency may publish (core.models.ReleaseAllowedCode).

A 个体工商户's code stands for a natural person (Regulation Art 15: personal information is not
released), so the release check refuses files that carry one. Some must be published by law
(a licence or a penalty decision made public under the 双公示 rules, naming the holder): the
agency lists those codes here, each with the basis, and the release check lets them pass.
Kept by the agency's administrators and reviewers; every change audited."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from gongkai.core.audit import audit_record
from gongkai.core.errors import DomainError
from gongkai.core.identifiers import validate_credit_code
from gongkai.core.models import ReleaseAllowedCode

from .permissions import can
from .roles import Capability

PERSON_BUSINESS_PREFIX = "92"  # GB 32100: 登记管理部门 9 (市场监管), 机构类别 2 (个体工商户)


def may_keep(user, agency) -> bool:
    return can(user, Capability.ADMINISTER, agency) or can(user, Capability.REVIEW, agency)


def _require(user, agency) -> None:
    if not may_keep(user, agency):
        raise PermissionDenied("只有本机关的管理员或审核人可以维护可公开的代码。")


@transaction.atomic
def allowed_code_add(*, actor, agency, code: str, note: str) -> ReleaseAllowedCode:
    _require(actor, agency)
    try:
        code = validate_credit_code(code or "")
    except ValidationError as error:
        raise DomainError(error.messages[0], code="credit_code", field="code") from error
    if not code.startswith(PERSON_BUSINESS_PREFIX):
        raise DomainError(
            "只需登记个体工商户的代码（以92开头）：其他单位的统一社会信用代码本就可以公开。",
            code="not_person_business",
            field="code",
        )
    note = (note or "").strip()
    if not note:
        raise DomainError("请写明可以公开的依据。", code="note_required", field="note")
    if ReleaseAllowedCode.objects.filter(agency=agency, code=code).exists():
        raise DomainError("该代码已在列表中。", code="duplicate", field="code")
    allowed = ReleaseAllowedCode.objects.create(
        agency=agency, code=code, note=note[:200], added_by=actor
    )
    audit_record(
        actor=actor, action="release.allow_code", obj=allowed, agency=agency, note=note[:200]
    )
    return allowed


@transaction.atomic
def allowed_code_remove(*, actor, allowed: ReleaseAllowedCode) -> None:
    _require(actor, allowed.agency)
    audit_record(
        actor=actor,
        action="release.disallow_code",
        obj=allowed,
        agency=allowed.agency,
        changes={"code": [allowed.code, None]},
    )
    allowed.delete()
