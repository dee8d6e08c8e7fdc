"""The catalogue on the shared mechanisms: the workflow's history rows, the policy's refusals,
and the action table the item page and the API both read."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from gongkai.catalog import services as s
from gongkai.catalog.actions import TABLE
from gongkai.catalog.states import WORKFLOW, ItemStatus
from gongkai.core.errors import InvalidTransition
from gongkai.core.models import StatusChange
from tests.agencies.factories import MembershipFactory
from tests.catalog.fixtures import draft, published
from tests.catalog.test_attachments import attach, docx_with_text

pytestmark = pytest.mark.django_db


def available(user, item) -> list[str]:
    item.refresh_from_db()
    return [action.name for action in TABLE.available(user, item)]


# History ------------------------------------------------------------------------------------------


def test_every_step_writes_a_history_row_with_its_statuses(clerk_a, catalog_reviewer_a, dept_a):
    item = draft(clerk_a, dept_a)
    s.item_submit(actor=clerk_a, item=item)
    s.item_return(actor=catalog_reviewer_a, item=item, opinion="请删除手机号")
    s.item_submit(actor=clerk_a, item=item)
    s.item_approve(actor=catalog_reviewer_a, item=item)
    s.item_publish(actor=clerk_a, item=item)
    rows = [(e.action, e.old_status, e.new_status, e.actor) for e in item.events.all()]
    assert rows == [
        ("create", "", "draft", clerk_a),
        ("submit", "draft", "submitted", clerk_a),
        ("return", "submitted", "draft", catalog_reviewer_a),
        ("submit", "draft", "submitted", clerk_a),
        ("approve", "submitted", "approved", catalog_reviewer_a),
        ("publish", "approved", "published", clerk_a),
    ]
    returned = item.events.get(action="return")
    assert returned.note == "请删除手机号"
    assert str(returned.action_label) == "退回修改"
    assert str(returned.old_status_label) == "待保密审查"
    assert StatusChange.objects.filter(catalog_item=item).count() == 6


def test_the_item_page_shows_the_timeline_in_words(client, clerk_a, dept_a):
    item = draft(clerk_a, dept_a)
    s.item_submit(actor=clerk_a, item=item)
    client.force_login(clerk_a)
    page = client.get(reverse("catalog_office:item", args=[item.pk])).content.decode()
    timeline = page.split('class="timeline">')[1].split("</ol>")[0]
    assert "起草" in timeline and "提交保密审查（草稿 → 待保密审查）" in timeline
    assert "submit" not in timeline


def test_a_step_the_table_does_not_allow_is_refused_in_words(clerk_a, dept_a):
    item = draft(clerk_a, dept_a)
    with pytest.raises(InvalidTransition) as caught:
        s.item_publish(actor=clerk_a, item=item)
    assert caught.value.message == "当前状态为“草稿”，不能执行“发布”。"
    assert [e.action for e in item.events.all()] == ["create"]


# The policy ---------------------------------------------------------------------------------------


def test_the_author_is_refused_the_review_with_the_rule_words(clerk_a, dept_a):
    MembershipFactory(agency=dept_a, role="reviewer", user=clerk_a)
    item = draft(clerk_a, dept_a)
    s.item_submit(actor=clerk_a, item=item)
    for review in (
        lambda: s.item_approve(actor=clerk_a, item=item),
        lambda: s.item_return(actor=clerk_a, item=item, opinion="自己退回"),
    ):
        with pytest.raises(PermissionDenied) as caught:
            review()
        assert str(caught.value) == "起草人不能对自己起草的条目进行保密审查。"
    assert "approve" not in available(clerk_a, item)


def test_the_reviewer_cannot_clean_a_draft_file(clerk_a, catalog_reviewer_a, dept_a):
    item = draft(clerk_a, dept_a)
    attachment = attach(clerk_a, item, "答复.docx", docx_with_text("正文", author="王瑞"))
    with pytest.raises(PermissionDenied):
        s.attachment_strip_metadata(actor=catalog_reviewer_a, attachment=attachment)
    attachment.refresh_from_db()
    assert not attachment.metadata_stripped


def test_the_author_is_told_why_files_under_review_are_not_theirs_to_clean(clerk_a, dept_a):
    item = draft(clerk_a, dept_a)
    attachment = attach(clerk_a, item, "答复.docx", docx_with_text("正文", author="王瑞"))
    s.item_submit(actor=clerk_a, item=item)
    with pytest.raises(PermissionDenied) as caught:
        s.attachment_strip_metadata(actor=clerk_a, attachment=attachment)
    assert str(caught.value) == "保密审查期间只有审查人可以清除附件的文档属性。"


# The action table ---------------------------------------------------------------------------------


def test_each_state_offers_its_actions_to_the_role_that_takes_them(
    clerk_a, catalog_reviewer_a, dept_a
):
    item = draft(clerk_a, dept_a)
    assert available(clerk_a, item) == ["submit", "normative"]
    attach(clerk_a, item, "答复.docx", docx_with_text("正文", author="王瑞"))
    # 脱敏处理 is registered on the table by gongkai/redaction: a draft's files only.
    assert available(clerk_a, item) == ["submit", "normative", "strip_metadata", "redact"]
    assert available(catalog_reviewer_a, item) == []
    s.item_submit(actor=clerk_a, item=item)
    assert available(clerk_a, item) == []
    assert available(catalog_reviewer_a, item) == ["return", "approve", "strip_metadata"]
    s.item_approve(
        actor=catalog_reviewer_a,
        item=item,
        findings_seen=True,
        release_override="作者为本机关经办人，同意公开。",
    )
    assert available(clerk_a, item) == ["schedule", "publish"]
    s.item_publish(actor=clerk_a, item=item)
    assert available(clerk_a, item) == ["withdraw", "update_register", "validity", "normative"]
    s.item_withdraw(actor=clerk_a, item=item, reason="内容有误")
    assert available(clerk_a, item) == ["update_register", "validity", "normative"]
    assert WORKFLOW.allows("update_register", ItemStatus.WITHDRAWN)


def test_the_register_form_starts_from_the_entry_as_it_stands(
    client, clerk_a, catalog_reviewer_a, dept_a
):
    import datetime as dt

    item = published(clerk_a, catalog_reviewer_a, dept_a)
    s.normative_register(
        actor=clerk_a, item=item, issued_on=dt.date(2026, 3, 2), registration_number="登-01"
    )
    form = TABLE.form("normative", item)
    assert form.initial["registration_number"] == "登-01"
    assert form.initial["issued_on"] == dt.date(2026, 3, 2)


def test_the_reviewer_cleans_a_file_through_the_api_during_the_review(
    client, clerk_a, catalog_reviewer_a, dept_a
):
    item = draft(clerk_a, dept_a)
    attachment = attach(clerk_a, item, "答复.docx", docx_with_text("正文", author="王瑞"))
    s.item_submit(actor=clerk_a, item=item)
    url = f"/api/office/catalog/items/{item.pk}/actions/strip_metadata/"
    client.force_login(clerk_a)
    refused = client.post(url, {"attachment": attachment.pk})
    assert refused.status_code == 403
    client.force_login(catalog_reviewer_a)
    done = client.post(url, {"attachment": attachment.pk})
    assert done.status_code == 200 and done.json()["status"] == ItemStatus.SUBMITTED
    attachment.refresh_from_db()
    assert attachment.metadata_stripped and attachment.findings == []


def test_an_unknown_action_on_the_page_leads_back_to_the_item(client, clerk_a, dept_a):
    item = draft(clerk_a, dept_a)
    client.force_login(clerk_a)
    response = client.post(reverse("catalog_office:act", args=[item.pk, "teleport"]))
    assert response.status_code == 302
    assert response.url == reverse("catalog_office:item", args=[item.pk])


def test_an_unknown_action_in_the_api_is_a_json_error(client, clerk_a, dept_a):
    item = draft(clerk_a, dept_a)
    client.force_login(clerk_a)
    response = client.post(f"/api/office/catalog/items/{item.pk}/actions/teleport/")
    assert response.status_code == 400 and response.json()["code"] == "unknown_action"
