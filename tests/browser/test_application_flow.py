"""Apply online → staff confirms receipt → requests 补正 → applicant corrects → staff decides
部分公开 → reviewer approves → staff issues the 答复书 and serves → applicant downloads it."""

import datetime as dt

import pytest

from gongkai.applications.models import Application
from tests.accounts.factories import PASSWORD
from tests.applications.fixtures import PNG_BYTES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _login(page, user):
    page.goto("/accounts/login/")
    page.get_by_label("用户名或手机号码").fill(user.username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def _act(page, application, name, fields=None, selects=None):
    form = page.locator(f"form[action$='/act/{name}/']")
    page.locator(f"details:has(form[action$='/act/{name}/']) > summary").click()
    for field, value in (fields or {}).items():
        form.locator(f"[name='{name}-{field}']").fill(value)
    for field, value in (selects or {}).items():
        form.locator(f"[name='{name}-{field}']").select_option(value)
    confirm = form.locator(f"[name='{name}-confirm']")
    if confirm.count():  # an irreversible step: its consequence is read and confirmed first
        confirm.check()
    form.locator("button[type=submit]").click()
    try:
        page.get_by_text("已完成").first.wait_for()
    except Exception:
        from tests.browser.conftest import ARTIFACTS

        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"application-flow-{name}.png"), full_page=True)
        raise


def test_application_from_submission_to_downloaded_reply(
    browser, live_server, applicant_user, clerk_a, reviewer_a, dept_a
):
    def new_page():
        context = browser.new_context(locale="zh-CN", base_url=live_server.url)
        page = context.new_page()
        page.set_default_timeout(20_000)
        return page

    applicant = new_page()
    _login(applicant, applicant_user)
    applicant.goto("/applications/new/")
    applicant.get_by_label("向哪个机关申请").select_option(label=dept_a.name)
    applicant.get_by_label("所需政府信息的名称").fill("2025年工业发展专项资金拟支持项目名单")
    applicant.get_by_label("电子", exact=True).check()
    applicant.get_by_label("电子邮件").check()
    applicant.get_by_label("身份证明").set_input_files(
        {"name": "id.png", "mimeType": "image/png", "buffer": PNG_BYTES}
    )
    applicant.get_by_role("button", name="提交申请").click()
    applicant.get_by_text("查询码只显示这一次").wait_for()
    application = Application.objects.get()

    clerk = new_page()
    _login(clerk, clerk_a)
    clerk.goto(f"/office/applications/{application.pk}/")
    _act(clerk, application, "confirm_receipt")
    _act(clerk, application, "start")
    due = (dt.date.today() + dt.timedelta(days=14)).isoformat()
    _act(
        clerk,
        application,
        "request_correction",
        fields={"instructions": "请写明所需文件的文号", "correction_due_on": due},
    )

    applicant.goto(f"/applications/{application.pk}/")
    applicant.get_by_label("补正内容").fill("文号为商工信〔2025〕12号")
    applicant.get_by_role("button", name="提交补正").click()
    applicant.get_by_text("补正已提交").wait_for()

    clerk.goto(f"/office/applications/{application.pk}/")
    _act(
        clerk,
        application,
        "draft_decision",
        selects={"outcome": "partial"},
        fields={
            "legal_basis": "《中华人民共和国政府信息公开条例》第三十七条",
            "withheld": "名单中涉及个人信息的部分",
        },
    )

    reviewer = new_page()
    _login(reviewer, reviewer_a)
    reviewer.goto(f"/office/applications/{application.pk}/")
    _act(reviewer, application, "approve_decision")

    clerk.goto(f"/office/applications/{application.pk}/")
    _act(clerk, application, "issue_letter", selects={"kind": "decision"})
    _act(clerk, application, "serve", selects={"method": "post"})

    applicant.goto(f"/applications/{application.pk}/")
    applicant.get_by_text("部分公开").first.wait_for()
    with applicant.expect_download() as download:
        applicant.get_by_role("link", name="（PDF）").filter(has_text="答复书").click()
    assert download.value.suggested_filename.endswith(".pdf")
