"""The 政府信息公开指南: saved as numbered versions, with the office facts the Regulation requires."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from gongkai.catalog import services as s
from gongkai.catalog.models import GuideVersion
from gongkai.catalog.services.guide import DEFAULT_ARRANGEMENT, DEFAULT_HOW_TO_OBTAIN
from gongkai.core.errors import DomainError
from gongkai.core.models import AuditEvent

pytestmark = pytest.mark.django_db

OFFICE = {
    "office_name": "测试市甲局办公室",
    "office_address": "测试市迎宾大道88号",
    "office_hours": "工作日上午8:30-12:00，下午14:30-17:30",
    "office_phone": "0370-3281234",
    "office_fax": "0370-3281235",
    "office_email": "gk@test.example.cn",
}


@pytest.fixture
def office(dept_a):
    for name, value in OFFICE.items():
        setattr(dept_a, name, value)
    dept_a.office_postcode = "476000"
    dept_a.save()
    return dept_a


def save(actor, agency, **parts):
    parts.setdefault("arrangement", DEFAULT_ARRANGEMENT)
    parts.setdefault("how_to_obtain", DEFAULT_HOW_TO_OBTAIN)
    return s.guide_save(actor=actor, agency=agency, **parts)


@pytest.mark.parametrize(
    ("missing", "named"),
    [
        ("office_name", "政府信息公开工作机构"),
        ("office_address", "办公地址"),
        ("office_hours", "办公时间"),
        ("office_phone", "联系电话"),
        ("office_fax", "传真号码"),
    ],
)
def test_each_missing_office_fact_is_named(clerk_a, office, missing, named):
    setattr(office, missing, "")
    office.save()
    with pytest.raises(DomainError) as caught:
        save(clerk_a, office)
    assert caught.value.code == "office_facts_missing"
    assert named in caught.value.message
    assert not GuideVersion.objects.exists()


def test_all_missing_office_facts_are_named_at_once(clerk_a, dept_a):
    assert not dept_a.office_name  # the factory leaves the office empty
    with pytest.raises(DomainError) as caught:
        save(clerk_a, dept_a)
    assert (
        "政府信息公开工作机构、办公地址、办公时间、联系电话、传真号码、互联网联系方式（电子邮箱或网址）"
        in caught.value.message
    )
    assert "第十二条第二款" in caught.value.message


def test_an_internet_contact_is_required_email_or_website_will_do(clerk_a, office):
    """Art. 12(2): the guide states the office's 传真号码 and 互联网联系方式."""
    office.office_email = ""
    office.save()
    with pytest.raises(DomainError) as caught:
        save(clerk_a, office)
    assert "互联网联系方式" in caught.value.message
    office.office_website = "https://gk.test.example.cn/"
    office.save()
    assert save(clerk_a, office).version == 1


def test_the_postcode_is_not_required(clerk_a, office):
    office.office_postcode = ""
    office.save()
    assert save(clerk_a, office).version == 1


def test_the_editable_parts_are_required(clerk_a, office):
    for parts in ({"arrangement": " "}, {"how_to_obtain": "\n"}):
        with pytest.raises(DomainError) as caught:
            save(clerk_a, office, **parts)
        assert caught.value.code == "guide_incomplete"
    assert not GuideVersion.objects.exists()


def test_versions_are_numbered_one_two_three(clerk_a, office, dept_b, clerk_b):
    for field, value in OFFICE.items():
        setattr(dept_b, field, value.replace("甲", "乙"))
    dept_b.save()
    assert [save(clerk_a, office).version for _ in range(3)] == [1, 2, 3]
    assert save(clerk_b, dept_b).version == 1
    assert list(office.guide_versions.values_list("version", flat=True)) == [3, 2, 1]
    events = AuditEvent.objects.filter(action="catalog.guide", agency=office).order_by("pk")
    assert [e.changes["version"] for e in events] == [[0, 1], [1, 2], [2, 3]]


def test_the_rendered_text_holds_the_office_facts_and_the_edited_parts(clerk_a, office):
    version = save(
        clerk_a,
        office,
        arrangement="  按法定主动公开内容编排。 ",
        how_to_obtain="在线提交申请。",
        other="本指南每年更新。",
    )
    rendered = version.rendered
    assert rendered.startswith("测试市甲局政府信息公开指南")
    for line in (
        "一、信息分类与编排体系\n按法定主动公开内容编排。",
        "二、获取方式\n在线提交申请。",
        "政府信息公开工作机构：测试市甲局办公室",
        "办公地址：测试市迎宾大道88号",
        "邮政编码：476000",
        "办公时间：工作日上午8:30-12:00，下午14:30-17:30",
        "联系电话：0370-3281234",
        "四、其他说明\n本指南每年更新。",
    ):
        assert line in rendered
    assert "传真号码：0370-3281235" in rendered
    assert "网址" not in rendered  # empty facts are left out, not shown blank
    assert version.arrangement == "按法定主动公开内容编排。"
    assert version.created_by == clerk_a


def test_without_other_notes_there_is_no_fourth_part(clerk_a, office):
    assert "四、其他说明" not in save(clerk_a, office).rendered


def test_a_saved_version_keeps_its_text_when_the_office_moves(clerk_a, office):
    first = save(clerk_a, office)
    office.office_address = "测试市新区政务中心3楼"
    office.save()
    second = save(clerk_a, office)
    first.refresh_from_db()
    assert "测试市迎宾大道88号" in first.rendered
    assert "测试市新区政务中心3楼" in second.rendered


def test_only_handling_staff_may_save(office, catalog_reviewer_a, admin_a, supervisor, clerk_b):
    for actor in (catalog_reviewer_a, admin_a, supervisor):
        with pytest.raises(PermissionDenied):
            save(actor, office)
    with pytest.raises(Http404):
        save(clerk_b, office)
    assert not GuideVersion.objects.exists()
