"""A clerk drafts an item with a spreadsheet attached → the reviewer sees the hidden-content
warning, confirms and approves → the clerk publishes → a visitor finds it in the catalogue and
by searching two characters of it."""

import openpyxl
import pytest

from gongkai.catalog.models import Item
from gongkai.catalog.states import ItemStatus
from tests.browser.test_application_flow import _login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _workbook_with_hidden_sheet(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "项目名单"
    book.active["A1"] = "智能车间认定名单"
    book.create_sheet("内部评分").sheet_state = "hidden"
    path = tmp_path / "认定名单.xlsx"
    book.save(path)
    return path


def _act(page, name, checks=(), fills=None):
    page.locator(f"details:has(form[action$='/act/{name}/']) > summary").click()
    form = page.locator(f"form[action$='/act/{name}/']")
    for label in checks:
        form.get_by_label(label).check()
    for label, text in (fills or {}).items():
        form.get_by_label(label).fill(text)
    form.locator("button[type=submit]").click()
    page.get_by_text("已完成").first.wait_for()


def test_draft_review_publish_and_find(
    browser, live_server, tmp_path, clerk_a, catalog_reviewer_a, dept_a
):
    def new_page():
        context = browser.new_context(locale="zh-CN", base_url=live_server.url)
        page = context.new_page()
        page.set_default_timeout(20_000)
        return page

    clerk = new_page()
    _login(clerk, clerk_a)
    clerk.goto("/office/catalog/new/")
    clerk.locator("#id_title").fill("关于公布2026年度智能车间认定名单的通知")
    clerk.get_by_label("生成日期").fill("2026-03-02")
    clerk.get_by_label("内容概述").fill("公布本年度智能车间认定结果。")
    clerk.get_by_label("国民经济和社会发展统计信息").check()
    clerk.get_by_role("button", name="保存草稿").click()
    clerk.get_by_text("已保存草稿").wait_for()
    clerk.locator("#id_file").set_input_files(str(_workbook_with_hidden_sheet(tmp_path)))
    clerk.get_by_role("button", name="上传附件").click()
    clerk.get_by_text("隐藏内容或文档属性").first.wait_for()
    _act(clerk, "submit")

    reviewer = new_page()
    _login(reviewer, catalog_reviewer_a)
    reviewer.goto("/office/catalog/review/")
    reviewer.get_by_role("link", name="关于公布2026年度智能车间认定名单的通知").click()
    warning = reviewer.get_by_role("alert")
    assert "隐藏内容" in warning.inner_text()
    assert reviewer.get_by_text("内部评分").count() >= 1
    # A hidden sheet refuses release: the reviewer, having looked, says why it may go.
    _act(
        reviewer,
        "approve",
        checks=["我已逐项查看待公开文件的发布前检查结果"],
        fills={"仍予公开的理由": "隐藏的评分表经核对可以公开。"},
    )
    item = Item.objects.get()
    assert item.status == ItemStatus.APPROVED and item.review.reviewer == catalog_reviewer_a

    clerk.goto(f"/office/catalog/{item.pk}/")
    _act(clerk, "publish")

    visitor = new_page()
    visitor.goto(f"/gk/{dept_a.code}/catalog/")
    visitor.get_by_role("link", name="关于公布2026年度智能车间认定名单的通知").wait_for()
    visitor.goto("/gk/search/")
    visitor.get_by_label("关键词").fill("车间")
    visitor.get_by_role("button", name="检索").click()
    result = visitor.locator("ol.results li").first
    assert "智能车间认定名单" in result.inner_text()
    assert visitor.locator("ol.results mark").first.inner_text() == "车间"
    result.get_by_role("link").click()
    visitor.get_by_text(item.index_number).first.wait_for()
