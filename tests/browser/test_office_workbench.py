"""The 工作台 in a browser (issue 14): a clerk logs in through the real login form, lands on
/office/, reads one line per kind of work with the right count, and each line leads to a list
holding exactly the cases (or items) it counted; a supervisor of the city sees the same counts
per agency of the subtree.

Time stands at 10:00 China time on Tuesday 2026-03-31 (a year whose holiday notice is loaded,
so every date is exact; the server thread sees the same clock). The reminder horizon is then
2026-04-03 (3 working days). The dates used (2019 Regulation: reply 20 working days, Art. 33;
补正 may be asked within 7 working days, Art. 30; catalogue items published within 20 working
days, Art. 26):

    received 2026-02-26 → reply due 03-25   overdue
    received 2026-03-02 → reply due 03-30   overdue
    received 2026-03-03 → reply due 03-31   due today
    received 2026-03-05 → reply due 04-02   due within the horizon
    received 2026-03-24 → 补正 limit 04-02   near (within the horizon)
    received 2026-03-26 → 补正 limit 04-07   not yet near
    online, submitted 03-26 and 03-27       awaiting confirmation, the oldest 3 working days
    catalogue draft 生成 03-02 → limit 03-30 past the limit; one 生成 03-25 is not
    the 2025 annual report of a department (due 2026-01-31) not published: late
"""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine

from gongkai.applications import services as s
from gongkai.applications.services import application_submit_online
from tests.accounts.factories import PASSWORD
from tests.agencies.factories import MembershipFactory
from tests.applications.fixtures import png, register
from tests.browser.a11y import audit
from tests.browser.test_application_flow import _login
from tests.catalog.fixtures import draft

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

D = dt.date
TODAY = D(2026, 3, 31)


def frozen_at(day: dt.date):
    """10:00 China time on `day`, the clock running (the browser and the server share it)."""
    return time_machine.travel(
        dt.datetime(day.year, day.month, day.day, 10, tzinfo=ZoneInfo("Asia/Shanghai")),
        tick=True,
    )


@pytest.fixture
def today():
    with frozen_at(TODAY):
        yield TODAY


def _named(user, name):
    user.first_name = name
    user.save(update_fields=["first_name"])
    return user


def _case(clerk, agency, received, **fields):
    return register(clerk, agency, received=received, **fields)


@pytest.fixture
def office_day(today, clerk_a, dept_a, dept_b, applicant_user):
    """dept_a's work on 2026-03-31 (see the module's docstring), and dept_b's one overdue case
    that dept_a's clerk must not see. Returns {line label: what the line must lead to}."""
    _named(clerk_a, "李承办")
    clerk_b = _named(MembershipFactory(agency=dept_b, role="clerk").user, "王承办")
    overdue = [
        _case(clerk_a, dept_a, D(2026, 2, 26), applicant_name="赵一"),
        s.application_start(
            actor=clerk_a, application=_case(clerk_a, dept_a, D(2026, 3, 2), applicant_name="钱二")
        ),
    ]
    due_today = [_case(clerk_a, dept_a, D(2026, 3, 3), applicant_name="孙三")]
    due_soon = [_case(clerk_a, dept_a, D(2026, 3, 5), applicant_name="周四")]
    correction = [_case(clerk_a, dept_a, D(2026, 3, 24), applicant_name="吴五")]
    _case(clerk_a, dept_a, D(2026, 3, 26), applicant_name="郑六")  # 补正 limit not near yet
    # Withdrawn: it would be overdue, but nothing is due on a concluded case.
    s.application_withdraw(
        actor=clerk_a,
        application=_case(clerk_a, dept_a, D(2026, 2, 27), applicant_name="冯七"),
        note="申请人来函撤回",
    )
    unconfirmed = [
        application_submit_online(
            applicant=applicant_user,
            agency=dept_a,
            identity_proof=png(),
            today=day,
            info_title=f"{day:%m月%d日}在线申请的信息",
            provision_form="electronic",
            delivery_method="email",
        )[0]
        for day in (D(2026, 3, 26), D(2026, 3, 27))
    ]
    _case(clerk_b, dept_b, D(2026, 3, 2), applicant_name="乙局的申请人")  # another agency's

    late_item = draft(clerk_a, dept_a, title="超过期限尚未发布的通知", created_on=D(2026, 3, 2))
    draft(clerk_a, dept_a, title="刚生成的通知", created_on=D(2026, 3, 25))
    return {
        "答复已逾期的申请": {a.number for a in overdue},
        "今日到期的申请": {a.number for a in due_today},
        "提醒期内到期的申请": {a.number for a in due_soon},
        "待确认收到的申请": {a.number for a in unconfirmed},
        "告知补正的期限将届满": {a.number for a in correction},
        "超过主动公开期限尚未发布的条目": {late_item.title},
        "上一年度的年度报告已逾期未发布": {f"{dept_a.name} 2025"},
    }


def _lines(page) -> dict[str, tuple[int, str]]:
    """The 待办 list as {label: (count, href)}."""
    out = {}
    for line in page.locator("ul.worklist li.work").all():
        link = line.get_by_role("link")
        count = int(link.locator("strong.count").inner_text())
        label = link.inner_text().strip().removeprefix(str(count)).strip()
        out[label] = (count, link.get_attribute("href"))
    return out


def _queue_numbers(page) -> set[str]:
    """The 受理编号 of every case the queue page lists (all on one page here)."""
    assert page.locator("nav.pager").count() == 0
    return set(page.locator("table tbody tr td:first-child a").all_inner_texts())


def _catalogue_titles(page) -> set[str]:
    return set(page.locator("table tbody tr td:nth-child(2) a").all_inner_texts())


def test_the_clerk_lands_on_the_workbench_and_each_line_counts_and_links_right(
    page, office_day, clerk_a, dept_a
):
    page.goto("/accounts/login/")
    page.get_by_label("用户名或手机号码").fill(clerk_a.username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/office/")
    assert page.get_by_role("heading", name="工作台", level=1).is_visible()

    lines = _lines(page)
    assert {label: count for label, (count, _href) in lines.items()} == {
        label: len(expected) for label, expected in office_day.items()
    }
    # The most urgent first: overdue cases, due today, then the rest.
    assert list(lines)[:2] == ["答复已逾期的申请", "今日到期的申请"]
    unconfirmed = page.locator("li.work", has_text="待确认收到的申请")
    assert "最早于2026-03-26提交，已等待3个工作日。" in unconfirmed.inner_text()

    for label in ("答复已逾期的申请", "今日到期的申请", "提醒期内到期的申请", "待确认收到的申请"):
        page.get_by_role("link", name=re.compile(label)).click()
        page.wait_for_url(re.compile(r"/office/applications/\?"))
        assert _queue_numbers(page) == office_day[label], label
        caption = page.locator("table caption").inner_text()
        assert caption.startswith(f"共{len(office_day[label])}件申请")
        page.go_back()

    page.get_by_role("link", name=re.compile("告知补正的期限将届满")).click()
    page.wait_for_url(re.compile(r"waiting=correction_notice"))
    assert _queue_numbers(page) == office_day["告知补正的期限将届满"]
    page.go_back()

    page.get_by_role("link", name=re.compile("超过主动公开期限尚未发布的条目")).click()
    page.wait_for_url(re.compile(r"/office/catalog/\?overdue=1"))
    assert _catalogue_titles(page) == office_day["超过主动公开期限尚未发布的条目"]
    assert "应于 2026-03-30 前发布" in page.locator("section.warning").inner_text()
    page.go_back()

    page.get_by_role("link", name=re.compile("上一年度的年度报告已逾期未发布")).click()
    page.wait_for_url(re.compile(r"/office/reports/"))
    owed = page.get_by_role("region", name="应发布的年度报告")
    assert dept_a.name in owed.inner_text() and "2025" in owed.inner_text()
    assert "已逾期" in owed.inner_text()


def test_a_line_leads_to_the_case_and_the_count_follows_the_work(page, office_day, clerk_a):
    """Confirming an online application from the list takes it off the 待确认 line."""
    _login(page, clerk_a)
    page.goto("/office/")
    page.get_by_role("link", name=re.compile("待确认收到的申请")).click()
    page.locator("table tbody tr td:first-child a").first.click()
    page.locator("details:has(form[action$='/act/confirm_receipt/']) > summary").click()
    form = page.locator("form[action$='/act/confirm_receipt/']")
    form.locator("[name='confirm_receipt-confirmed_on']").fill("2026-03-31")
    form.locator("button[type=submit]").click()
    page.get_by_text("已完成").first.wait_for()
    page.goto("/office/")
    assert _lines(page)["待确认收到的申请"][0] == 1


def test_a_supervisor_of_the_city_sees_the_counts_per_agency(
    page, office_day, supervisor, city, dept_a, dept_b
):
    _login(page, supervisor)
    page.wait_for_url("**/office/")
    table = page.get_by_role("region", name="所辖机关的待办").get_by_role("table")
    headers = table.locator("thead th").all_inner_texts()
    rows = {
        row.locator("th").inner_text(): row.locator("td").all_inner_texts()
        for row in table.locator("tbody tr").all()
    }
    assert set(rows) >= {city.name, dept_a.name, dept_b.name}

    def cell(agency, label):
        return int(rows[agency.name][headers.index(label) - 1])

    assert cell(dept_a, "答复已逾期的申请") == 2
    assert cell(dept_b, "答复已逾期的申请") == 1
    assert cell(city, "答复已逾期的申请") == 0
    assert cell(dept_a, "待确认收到的申请") == 2 and cell(dept_b, "待确认收到的申请") == 0
    assert cell(dept_a, "今日到期的申请") == 1
    assert cell(dept_a, "超过主动公开期限尚未发布的条目") == 1
    # Both departments owe their 2025 report since 31 January; the city (a government) has
    # until 31 March, today.
    assert cell(dept_a, "上一年度的年度报告已逾期未发布") == 1
    assert cell(dept_b, "上一年度的年度报告已逾期未发布") == 1
    assert cell(city, "上一年度的年度报告已逾期未发布") == 0
    assert cell(city, "上一年度的年度报告待发布") == 1
    # Read-only: the supervisor is handed no to-do list of their own.
    assert page.locator("ul.worklist").count() == 0


@pytest.mark.parametrize("width", [1280, 390])
def test_the_workbench_passes_the_accessibility_sanity_check(
    page, office_day, clerk_a, supervisor, width
):
    """tests/browser/a11y.py (names, captions, headings, ids, keyboard-reachable scrolling,
    contrast), for the clerk's list and the supervisor's table, on a desk and on a phone."""
    page.set_viewport_size({"width": width, "height": 900})
    _login(page, clerk_a)
    page.goto("/office/")
    assert audit(page) == [], "the clerk's 工作台"
    page.goto("/office/reports/")
    assert audit(page) == [], "the reports owed"
    page.context.clear_cookies()
    _login(page, supervisor)
    page.goto("/office/")
    assert audit(page) == [], "the supervisor's 工作台"
