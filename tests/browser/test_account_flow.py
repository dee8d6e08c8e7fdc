"""A new visitor registers, logs in by phone, logs out, and logs in by username."""

import re

import pytest

from tests.accounts.helpers import last_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = "13912340001"
PASSWORD = "Shangqiu-2026!"


def test_register_then_login_by_phone_and_by_username(page):
    page.goto("/")
    page.get_by_role("link", name="注册", exact=True).click()

    page.get_by_label("手机号码").fill(PHONE)
    page.get_by_role("button", name="获取短信验证码").click()
    page.get_by_text("验证码已发送").first.wait_for()

    page.get_by_label("用户名").fill("liming")
    page.get_by_label("短信验证码").fill(last_code(PHONE))
    page.get_by_label(re.compile("^密码")).fill(PASSWORD)
    page.get_by_label("确认密码").fill(PASSWORD)
    page.get_by_role("button", name="注册", exact=True).click()

    page.get_by_role("heading", name="我的账户").wait_for()
    assert page.get_by_text("注册成功").is_visible()

    page.get_by_role("button", name="退出").click()
    page.get_by_role("link", name="登录", exact=True).first.click()
    page.get_by_label("用户名或手机号码").fill(PHONE)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.get_by_role("link", name=re.compile("我的账户")).wait_for()
    assert "liming" in page.get_by_role("navigation", name="主导航").inner_text()

    page.get_by_role("button", name="退出").click()
    page.get_by_role("link", name="登录", exact=True).first.click()
    page.get_by_label("用户名或手机号码").fill("liming")
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.get_by_role("link", name=re.compile("我的账户")).wait_for()


def test_skip_link_is_the_first_thing_the_keyboard_reaches(page):
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "跳到主要内容"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
