"""Switched to English, the staff case page reads English: every workflow button and every
timeline entry (issue 13: labels used to be translated once, at import, in Chinese)."""

import re

import pytest

from gongkai.applications import services as s
from tests.accounts.factories import PASSWORD
from tests.applications.fixtures import register

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
CJK = re.compile(r"[\u4e00-\u9fff]")


def test_case_page_buttons_and_timeline_are_english(page, clerk_a, dept_a):
    application = s.application_start(actor=clerk_a, application=register(clerk_a, dept_a))
    s.application_request_extension(actor=clerk_a, application=application, reason="需要调取档案")

    page.goto("/accounts/login/")
    page.get_by_label("用户名或手机号码").fill(clerk_a.username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    page.goto(f"/office/applications/{application.pk}/")
    page.locator("#language-select").select_option("en")
    page.locator("form.language button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"

    buttons = page.locator("details.action > summary").all_inner_texts()
    buttons += page.locator("details.action button[type=submit]").all_inner_texts()
    assert len(buttons) >= 10  # draft, correction, consultation, fee, withdraw, files, letters …
    assert [text for text in buttons if CJK.search(text)] == []

    labels = page.locator("ol.timeline strong.action").all_inner_texts()
    statuses = page.locator("ol.timeline span.status").all_inner_texts()
    assert len(labels) == len(statuses) == 4  # submitted, received, started, extension asked
    assert [text for text in labels + statuses if CJK.search(text)] == []
    assert "Start handling" in labels
