"""The applicant withdraws an application in the browser: the step asks for 我已确认 (and says
what follows), takes an optional reason, and the page then shows 已撤回 with that reason."""

import pytest

from gongkai.applications import services as s
from gongkai.applications.models import Application
from tests.accounts.factories import PASSWORD
from tests.applications.fixtures import png

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REASON = "已在政府网站找到所需文件，不再需要。"


def _login(page, user):
    page.goto("/accounts/login/")
    page.get_by_label("用户名或手机号码").fill(user.username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def test_the_applicant_withdraws_with_a_reason_after_confirming(page, applicant_user, dept_a):
    application, _code = s.application_submit_online(
        applicant=applicant_user,
        agency=dept_a,
        identity_proof=png(),
        info_title="2025年工业发展专项资金拟支持项目名单",
        provision_form="electronic",
        delivery_method="email",
    )
    _login(page, applicant_user)
    page.goto(f"/applications/{application.pk}/")
    section = page.locator("section[aria-labelledby='withdraw-heading']")
    section.get_by_text("我要撤回这件申请").click()
    section.get_by_label("撤回理由").fill(REASON)
    # The consequence is read before the box is ticked.
    assert section.get_by_text("本申请即终止办理，不能恢复").is_visible()

    section.get_by_role("button", name="确认撤回").click()  # not yet confirmed
    page.get_by_text("此操作不可撤销，请先勾选“我已确认”。").wait_for()
    assert Application.objects.get(pk=application.pk).status == "submitted"

    section = page.locator("section[aria-labelledby='withdraw-heading']")
    assert section.get_by_label("撤回理由").input_value() == REASON  # kept after the refusal
    section.get_by_label("我已确认").check()
    section.get_by_role("button", name="确认撤回").click()

    page.get_by_text("申请已撤回。").wait_for()
    assert page.locator("dl.facts").get_by_text("已撤回").is_visible()
    assert page.get_by_text(f"撤回理由：{REASON}").is_visible()
    assert page.locator("section[aria-labelledby='withdraw-heading']").count() == 0
    assert Application.objects.get(pk=application.pk).status == "withdrawn"
