"""The 政府信息公开指南 (Regulation 2019 Art. 12): generated from the agency's record plus the
text staff edit, saved as numbered versions."""

from django.db import transaction
from django.db.models import Max

from gongkai.core.audit import audit_record
from gongkai.core.errors import DomainError

from ..models import GuideVersion
from ..permissions import POLICY

DEFAULT_ARRANGEMENT = (
    "本机关主动公开的政府信息按照《中华人民共和国政府信息公开条例》第二十条、第二十一条规定的"
    "法定主动公开内容分类编排，并按主题、体裁、机构分类。每条信息均有索引号、名称、内容概述、"
    "生成日期等目录项。"
)
DEFAULT_HOW_TO_OBTAIN = (
    "一、主动公开：通过本机关政府信息公开专栏、政府门户网站、政务微博、政务微信、政府公报等渠道"
    "公开，公众可在专栏中按分类浏览或全文检索。\n"
    "二、依申请公开：公民、法人或者其他组织可以通过本平台在线提交申请，也可以通过信函、传真或到"
    "政府信息公开工作机构当面提交。本机关按照条例规定的期限答复，不收取费用，但申请数量、频次"
    "明显超过合理范围的，可以依照规定收取信息处理费。"
)


def office_lines(agency) -> list[tuple[str, str]]:
    """The office facts the guide must state; empty ones are named so staff fill them in."""
    return [
        ("政府信息公开工作机构", agency.office_name),
        ("办公地址", agency.office_address),
        ("邮政编码", agency.office_postcode),
        ("办公时间", agency.office_hours),
        ("联系电话", agency.office_phone),
        ("传真号码", agency.office_fax),
        ("电子邮箱", agency.office_email),
        ("网址", agency.office_website),
    ]


def render_guide(agency, arrangement: str, how_to_obtain: str, other: str = "") -> str:
    lines = [
        f"{agency.name}政府信息公开指南",
        "",
        "一、信息分类与编排体系",
        arrangement.strip(),
        "",
    ]
    lines += ["二、获取方式", how_to_obtain.strip(), "", "三、政府信息公开工作机构"]
    lines += [f"{label}：{value}" for label, value in office_lines(agency) if value]
    if other.strip():
        lines += ["", "四、其他说明", other.strip()]
    return "\n".join(lines)


INTERNET_CONTACT = "互联网联系方式（电子邮箱或网址）"


def missing_office_facts(agency) -> list[str]:
    """What Art. 12(2) (2019) requires of the office and the record lacks: 名称、办公地址、
    办公时间、联系电话、传真号码、互联网联系方式 (an e-mail address or a website will do)."""
    required = {"政府信息公开工作机构", "办公地址", "办公时间", "联系电话", "传真号码"}
    missing = [label for label, value in office_lines(agency) if label in required and not value]
    if not (agency.office_email or agency.office_website):
        missing.append(INTERNET_CONTACT)
    return missing


@transaction.atomic
def guide_save(
    *, actor, agency, arrangement: str, how_to_obtain: str, other: str = ""
) -> GuideVersion:
    POLICY.require(actor, "guide", agency)
    if not arrangement.strip() or not how_to_obtain.strip():
        raise DomainError("指南须写明信息分类与编排体系和获取方式。", code="guide_incomplete")
    missing = missing_office_facts(agency)
    if missing:
        raise DomainError(
            "指南须载明政府信息公开工作机构的"
            + "、".join(missing)
            + "（《政府信息公开条例》第十二条第二款），请先在机关信息中填写。",
            code="office_facts_missing",
        )
    last = GuideVersion.objects.filter(agency=agency).aggregate(n=Max("version"))["n"] or 0
    version = GuideVersion.objects.create(
        agency=agency,
        version=last + 1,
        arrangement=arrangement.strip(),
        how_to_obtain=how_to_obtain.strip(),
        other=other.strip(),
        rendered=render_guide(agency, arrangement, how_to_obtain, other),
        created_by=actor,
    )
    audit_record(
        actor=actor, action="catalog.guide", obj=version, changes={"version": [last, last + 1]}
    )
    return version


@transaction.atomic
def catalog_settings_save(*, actor, agency, index_prefix: str, index_pattern: str):
    """Change the agency's 索引号 scheme; numbers already given keep their value."""
    from ..models import CatalogSettings
    from ..models.publishing import validate_index_pattern

    POLICY.require(actor, "settings", agency)
    try:
        validate_index_pattern(index_pattern)
    except Exception as error:
        raise DomainError(
            "；".join(getattr(error, "messages", [str(error)])), code="bad_pattern"
        ) from None
    config, _created = CatalogSettings.objects.get_or_create(agency=agency)
    before = {"index_prefix": config.index_prefix, "index_pattern": config.index_pattern}
    config.index_prefix, config.index_pattern = index_prefix.strip(), index_pattern.strip()
    config.save()
    after = {"index_prefix": config.index_prefix, "index_pattern": config.index_pattern}
    audit_record(
        actor=actor,
        action="catalog.settings",
        obj=config,
        changes={k: [before[k], after[k]] for k in after if before[k] != after[k]},
    )
    return config


@transaction.atomic
def category_save(
    *, actor, agency, facet: str, code: str, name: str, basis: str = "", is_active: bool = True
):
    """Add or change one of the agency's own categories (by facet and code). Global ones
    (the statutory items and the standard facets) are not the agency's to change."""
    from ..models import Category

    POLICY.require(actor, "settings", agency)
    code, name = code.strip(), " ".join(name.split())
    if not code or not name:
        raise DomainError("请填写分类代码和名称。", code="category_incomplete")
    if Category.objects.filter(agency__isnull=True, facet=facet, code=code).exists():
        raise DomainError(
            f"代码“{code}”已被平台统一分类使用，请换一个。", code="category_code_global"
        )
    category, created = Category.objects.get_or_create(
        agency=agency, facet=facet, code=code, defaults={"name": name, "basis": basis}
    )
    before = {
        "name": "" if created else category.name,
        "is_active": None if created else category.is_active,
    }
    category.name, category.basis, category.is_active = name, basis, is_active
    category.save()
    audit_record(
        actor=actor,
        action="catalog.category",
        obj=category,
        agency=agency,
        changes={
            k: [before[k], getattr(category, k)]
            for k in before
            if before[k] != getattr(category, k)
        },
    )
    return category
