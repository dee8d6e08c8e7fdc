"""Staff pages: drafting, review (with the hidden-content warning), publication, the Art. 26
flag, the guide and the import page."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from gongkai.catalog import services as s
from gongkai.catalog.models import Category, Item
from gongkai.catalog.states import ItemStatus
from tests.catalog.fixtures import draft

pytestmark = pytest.mark.django_db


def test_a_clerk_drafts_through_the_form(client, clerk_a, dept_a):
    client.force_login(clerk_a)
    category = Category.objects.get(agency=None, code="F07")
    response = client.post(
        reverse("catalog_office:create"),
        {
            "agency": dept_a.pk,
            "title": "2026年部门预算",
            "created_on": "2026-03-02",
            "disclosure": "active",
            "validity": "valid",
            "categories": [category.pk],
            "body": "<p>预算说明</p><script>alert(1)</script>",
        },
    )
    item = Item.objects.get(title="2026年部门预算")
    assert response.status_code == 302
    assert "<script>" not in item.body and list(item.categories.all()) == [category]


def test_bad_input_is_explained_and_nothing_is_saved(client, clerk_a, dept_a):
    client.force_login(clerk_a)
    response = client.post(
        reverse("catalog_office:create"),
        {
            "agency": dept_a.pk,
            "title": "不公开的信息",
            "created_on": "2026-03-02",
            "disclosure": "not_disclosed",
            "validity": "valid",
        },
    )
    assert response.status_code == 200
    assert "须写明理由和依据" in response.content.decode()
    assert not Item.objects.exists()


def test_the_reviewer_must_confirm_hidden_content_findings(
    client, clerk_a, catalog_reviewer_a, dept_a
):
    import io

    import openpyxl
    from django.core.files.uploadedfile import SimpleUploadedFile

    book = openpyxl.Workbook()
    book.create_sheet("内部测算").sheet_state = "hidden"
    buffer = io.BytesIO()
    book.save(buffer)
    item = draft(clerk_a, dept_a)
    s.attachment_add(
        actor=clerk_a, item=item, file=SimpleUploadedFile("预算表.xlsx", buffer.getvalue())
    )
    s.item_submit(actor=clerk_a, item=item)
    client.force_login(catalog_reviewer_a)
    page = client.get(reverse("catalog_office:item", args=[item.pk]))
    assert "隐藏" in page.content.decode() and "内部测算" in page.content.decode()
    refused = client.post(
        reverse("catalog_office:act", args=[item.pk, "approve"]), {"approve-opinion": ""}
    )
    assert refused.status_code == 400 and "发布前检查未通过" in refused.content.decode()
    assert "内部测算" in refused.content.decode()
    item.refresh_from_db()
    assert item.status == ItemStatus.SUBMITTED
    unseen = client.post(
        reverse("catalog_office:act", args=[item.pk, "approve"]),
        {"approve-release_override": "测算表可以公开。"},
    )
    assert unseen.status_code == 400 and "请逐项查看后勾选确认" in unseen.content.decode()
    client.post(
        reverse("catalog_office:act", args=[item.pk, "approve"]),
        {"approve-findings_seen": "on", "approve-release_override": "测算表可以公开。"},
    )
    item.refresh_from_db()
    assert item.status == ItemStatus.APPROVED


def test_authors_do_not_see_their_items_in_the_review_queue(
    client, clerk_a, catalog_reviewer_a, dept_a
):
    item = draft(clerk_a, dept_a)
    s.item_submit(actor=clerk_a, item=item)
    client.force_login(catalog_reviewer_a)
    assert item.title in client.get(reverse("catalog_office:review")).content.decode()
    client.force_login(clerk_a)
    page = client.get(reverse("catalog_office:item", args=[item.pk])).content.decode()
    assert reverse("catalog_office:act", args=[item.pk, "approve"]) not in page
    assert "由审核人办理" in page  # told who reviews it instead


def test_items_unpublished_after_twenty_working_days_are_flagged(
    client, clerk_a, dept_a, bundled_calendar
):
    with time_machine.travel(dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC), tick=False):
        late = draft(clerk_a, dept_a, created_on=dt.date(2026, 3, 2))
    client.force_login(clerk_a)

    def flagged_section():
        text = client.get(reverse("catalog_office:index")).content.decode()
        return (
            text.split("超过20个工作日")[1].split("</section>")[0]
            if "超过20个工作日" in text
            else ""
        )

    # 20 working days from Monday 2 March 2026 end on Monday 30 March.
    with time_machine.travel(dt.datetime(2026, 3, 30, 9, tzinfo=dt.UTC), tick=False):
        assert late.title not in flagged_section()
    with time_machine.travel(dt.datetime(2026, 3, 31, 9, tzinfo=dt.UTC), tick=False):
        section = flagged_section()
        assert late.title in section and "2026-03-30" in section


def test_other_agencies_staff_get_404(client, clerk_a, clerk_b, dept_a):
    item = draft(clerk_a, dept_a)
    client.force_login(clerk_b)
    assert client.get(reverse("catalog_office:item", args=[item.pk])).status_code == 404


def test_the_guide_is_saved_as_versions(client, clerk_a, dept_a):
    dept_a.office_name, dept_a.office_address = "办公室", "测试路1号"
    dept_a.office_hours, dept_a.office_phone = "工作日8:30-17:30", "0370-1234567"
    dept_a.save()
    client.force_login(clerk_a)
    url = reverse("catalog_office:guide", args=[dept_a.code])
    # Art. 12(2): without fax and internet contact the guide is not saved, and the page says so.
    page = client.post(url, {"arrangement": "第零版", "how_to_obtain": "在线申请"}).content.decode()
    assert "传真号码" in page and "互联网联系方式" in page
    assert "第零版" not in client.get(reverse("catalog:guide", args=[dept_a.code])).content.decode()
    dept_a.office_fax, dept_a.office_website = "0370-1234568", "https://gk.test.example.cn/"
    dept_a.save()
    for text in ("第一版分类", "第二版分类"):
        client.post(url, {"arrangement": text, "how_to_obtain": "在线申请"})
    public = client.get(reverse("catalog:guide", args=[dept_a.code])).content.decode()
    assert "第二版分类" in public and "0370-1234567" in public and "第2版" in public


def test_the_import_page_lists_every_error(client, clerk_a, dept_a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(clerk_a)
    csv_text = "title,created_on,published_on\n,2026-01-05,\n好的条目,2026-13-01,\n"
    response = client.post(
        reverse("catalog_office:import"),
        {"agency": dept_a.pk, "data": SimpleUploadedFile("c.csv", csv_text.encode())},
    )
    text = response.content.decode()
    assert response.status_code == 400 and "未导入任何条目" in text
    assert "名称必填" in text and "不是有效日期" in text
    assert not Item.objects.exists()


def test_an_import_leads_to_its_batch_whose_drafts_are_submitted_at_once(
    client, clerk_a, admin_a, dept_a
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(clerk_a)
    page = client.get(reverse("catalog_office:import")).content.decode()
    assert 'name="history"' not in page  # a history migration is the administrator's
    csv_text = "title,created_on,summary\n通知一,2026-01-05,概述\n通知二,2026-01-06,概述\n"
    response = client.post(
        reverse("catalog_office:import"),
        {"agency": dept_a.pk, "data": SimpleUploadedFile("c.csv", csv_text.encode())},
    )
    batch = Item.objects.first().import_batch
    assert response.status_code == 302 and response.url == batch.get_absolute_url()
    text = client.get(response.url).content.decode()
    assert "通知一" in text and "提交保密审查" in text and "保密审查通过" not in text
    client.post(reverse("catalog_office:batch_act", args=[batch.pk, "submit"]))
    assert set(Item.objects.values_list("status", flat=True)) == {ItemStatus.SUBMITTED}
    client.force_login(admin_a)
    assert 'name="history"' in client.get(reverse("catalog_office:import")).content.decode()


def test_an_agency_admin_sets_the_scheme_and_adds_categories(client, admin_a, clerk_a, dept_a):
    client.force_login(admin_a)
    url = reverse("catalog_office:settings", args=[dept_a.code])
    client.post(url, {"index_prefix": "JIA", "index_pattern": "{prefix}-{year}-{serial:04d}"})
    client.post(
        url,
        {
            "category-facet": "organ",
            "category-code": "J01",
            "category-name": "办公室",
            "category-is_active": "on",
        },
    )
    refused = client.post(
        url, {"category-facet": "statutory", "category-code": "F01", "category-name": "重复"}
    )
    assert refused.status_code == 400 and "平台统一分类" in refused.content.decode()
    own = Category.objects.get(agency=dept_a, code="J01")
    item = draft(clerk_a, dept_a, categories=[own])
    assert item.index_number == "JIA-2026-0001"


def test_clerks_cannot_change_the_scheme(client, clerk_a, dept_a):
    client.force_login(clerk_a)
    assert client.get(reverse("catalog_office:settings", args=[dept_a.code])).status_code == 403
