"""The staff queue in a browser (issue 14): every case is found (status including closed and
withdrawn, 我承办的, channel, outcome, received dates, free text by number, applicant name or
request text), sorted, in numbered pages (首页 上一页 1 2 3 … 尾页, jump to a page), and at
390 px nothing runs off the side; a case is given to another clerk from its page, who then finds
it under 我承办的, and the workload view follows; the public catalogue's numbered pages.

Time stands at 10:00 China time on Tuesday 2026-03-31 (a year whose holiday notice is loaded).
"""

import datetime as dt
import functools
import re

import pytest

from gongkai.applications import services as s
from gongkai.catalog import listing
from tests.agencies.factories import MembershipFactory
from tests.applications.fixtures import conclude, register
from tests.browser.a11y import audit
from tests.browser.test_application_flow import _login
from tests.browser.test_office_workbench import TODAY, frozen_at
from tests.catalog.fixtures import published

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

D = dt.date
QUEUE = "/office/applications/"
PHONE_WIDTH = 390


@pytest.fixture
def today():
    with frozen_at(TODAY):
        yield TODAY


def _named(user, name):
    user.first_name = name
    user.save(update_fields=["first_name"])
    return user


def _close(application, clerk, reviewer, outcome, on):
    return conclude(application, clerk, reviewer, outcome=outcome, on=on)


@pytest.fixture
def other_clerk(dept_a):
    return _named(MembershipFactory(agency=dept_a, role="clerk").user, "张承办")


@pytest.fixture
def casebook(today, clerk_a, other_clerk, reviewer_a, dept_a, dept_b):
    """dept_a's six cases by letter A–F, and one of dept_b that dept_a never sees:

    A  open, 李承办's     in person  received 03-02  赵一          专项资金拟支持项目名单
    B  open, 张承办's     by letter  received 03-05  钱二建筑公司  城区道路改造工程预算
    C  open, unassigned  e-mail     received 03-09  王五          某河道整治工程环评批复
    D  withdrawn                    received 03-04  孙三          撤回的申请
    E  closed, 予以公开              received 03-03  赵六有限公司  2025年度财政预算执行情况
    F  closed, 本机关不掌握           received 02-10  周七          老城区拆迁补偿标准
    """
    _named(clerk_a, "李承办")
    a = s.application_start(
        actor=clerk_a,
        application=register(clerk_a, dept_a, received=D(2026, 3, 2), applicant_name="赵一"),
    )
    b = s.application_start(
        actor=other_clerk,
        application=register(
            other_clerk,
            dept_a,
            received=D(2026, 3, 5),
            channel="registered_mail",
            signed_on=D(2026, 3, 5),
            applicant_type="commercial",
            applicant_id_type="",
            applicant_identifier="91350100M000100Y43",
            applicant_name="钱二建筑公司",
            info_title="城区道路改造工程预算",
        ),
    )
    c = register(
        clerk_a,
        dept_a,
        received=D(2026, 3, 9),
        channel="email",
        confirmed_on=D(2026, 3, 9),
        applicant_name="王五",
        info_title="某河道整治工程环评批复",
    )
    d = s.application_withdraw(
        actor=clerk_a,
        application=register(
            clerk_a, dept_a, received=D(2026, 3, 4), applicant_name="孙三", info_title="撤回的申请"
        ),
        note="申请人来函撤回",
    )
    e = _close(
        s.application_start(
            actor=clerk_a,
            application=register(
                clerk_a,
                dept_a,
                received=D(2026, 3, 3),
                applicant_name="赵六有限公司",
                info_title="2025年度财政预算执行情况",
            ),
        ),
        clerk_a,
        reviewer_a,
        "granted",
        D(2026, 3, 20),
    )
    f = _close(
        s.application_start(
            actor=clerk_a,
            application=register(
                clerk_a,
                dept_a,
                received=D(2026, 2, 10),
                applicant_name="周七",
                info_title="老城区拆迁补偿标准",
            ),
        ),
        clerk_a,
        reviewer_a,
        "unable_not_held",
        D(2026, 3, 6),
    )
    clerk_b = MembershipFactory(agency=dept_b, role="clerk").user
    register(clerk_b, dept_b, received=D(2026, 3, 2), applicant_name="赵乙")
    return {key: case.number for key, case in zip("ABCDEF", (a, b, c, d, e, f), strict=True)}


def _shown(page) -> list[str]:
    """The 受理编号 the queue's table lists, in order."""
    return page.locator("table tbody tr td:first-child a").all_inner_texts()


def _cases(book, letters: str) -> set[str]:
    return {book[letter] for letter in letters}


def _filter(page, *, selects=None, fills=None):
    """Set the filter form's fields by their labels, then press 筛选."""
    form = page.get_by_role("search", name="筛选申请")
    for label, option in (selects or {}).items():
        form.get_by_label(label, exact=True).select_option(label=option)
    for label, value in (fills or {}).items():
        form.get_by_label(label, exact=True).fill(value)
    with page.expect_navigation():
        form.get_by_role("button", name="筛选").click()


@pytest.fixture
def clerk_page(page, casebook, clerk_a):
    _login(page, clerk_a)
    page.goto(QUEUE)
    return page


def test_open_cases_by_default_then_closed_and_withdrawn_by_status(clerk_page, casebook):
    page = clerk_page
    assert set(_shown(page)) == _cases(casebook, "ABC")
    _filter(page, selects={"状态": "已办结或已撤回"})
    assert set(_shown(page)) == _cases(casebook, "DEF")
    assert "status=concluded" in page.url
    _filter(page, selects={"状态": "已撤回"})
    assert set(_shown(page)) == _cases(casebook, "D")
    # 已办结 alone leaves the withdrawn case out (the set once shared its value "closed").
    _filter(page, selects={"状态": "已办结"})
    assert set(_shown(page)) == _cases(casebook, "EF")
    assert page.get_by_label("状态", exact=True).locator("option:checked").inner_text() == "已办结"
    # A concluded case has no reply date to wait for: "—", not 期限待定.
    assert "期限待定" not in page.locator("table").inner_text()
    _filter(page, selects={"状态": "全部"})
    assert set(_shown(page)) == _cases(casebook, "ABCDEF")
    assert page.locator("table caption").inner_text() == "共6件申请"
    # The quick link says the same as the filter.
    page.get_by_role("link", name="已办结或已撤回", exact=True).click()
    assert set(_shown(page)) == _cases(casebook, "DEF")


def test_mine_the_unassigned_and_a_named_clerk(clerk_page, casebook):
    page = clerk_page
    page.get_by_role("link", name="我承办的").click()
    assert _shown(page) == [casebook["A"]]
    page.get_by_role("link", name="待分配").click()
    assert _shown(page) == [casebook["C"]]
    _filter(page, selects={"承办人": "张承办"})
    assert _shown(page) == [casebook["B"]]
    assert page.get_by_label("承办人", exact=True).input_value() != ""  # the choice is kept


def test_channel_outcome_and_received_dates(clerk_page, casebook):
    page = clerk_page
    _filter(page, selects={"申请渠道": "电子邮件"})
    assert _shown(page) == [casebook["C"]]
    _filter(
        page, selects={"申请渠道": "全部", "状态": "全部", "答复类型": "予以公开 · （一）予以公开"}
    )
    assert _shown(page) == [casebook["E"]]
    _filter(
        page,
        selects={"答复类型": "全部"},
        fills={"收到日期自": "2026-03-03", "收到日期至": "2026-03-05"},
    )
    assert set(_shown(page)) == _cases(casebook, "BDE")
    # A range that runs backwards is refused with the reason, and lists nothing.
    _filter(page, fills={"收到日期自": "2026-03-05", "收到日期至": "2026-03-03"})
    assert page.get_by_text("截止日期不能早于起始日期。").is_visible()
    assert _shown(page) == []


@pytest.mark.parametrize(
    ("text", "letters"),
    [
        ("王五", "C"),  # the applicant's name
        ("赵", "AE"),  # part of a name: 赵一 and 赵六有限公司 (赵乙 is dept_b's)
        ("环评", "C"),  # the request
        ("拆迁补偿", "F"),  # the request of a closed case
    ],
)
def test_free_text_by_applicant_name_and_request(clerk_page, casebook, text, letters):
    _filter(clerk_page, selects={"状态": "全部"}, fills={"关键词": text})
    assert set(_shown(clerk_page)) == _cases(casebook, letters)


def test_free_text_by_number_finds_a_closed_case(clerk_page, casebook):
    _filter(clerk_page, selects={"状态": "全部"}, fills={"关键词": casebook["E"]})
    assert _shown(clerk_page) == [casebook["E"]]
    clerk_page.get_by_role("link", name=casebook["E"]).click()
    clerk_page.get_by_text("已办结").first.wait_for()
    assert clerk_page.get_by_text("赵六有限公司").first.is_visible()


def test_sorted_by_due_date_or_by_receipt(clerk_page, casebook):
    page = clerk_page
    # Open cases, earliest reply date first (A due 03-30, B 04-02, C 04-07).
    assert _shown(page) == [casebook[x] for x in "ABC"]
    _filter(page, selects={"状态": "全部", "排序": "按收到日期（先收到的在前）"})
    assert _shown(page) == [casebook[x] for x in "FAEDBC"]
    _filter(page, selects={"排序": "按收到日期（后收到的在前）"})
    assert _shown(page) == [casebook[x] for x in "CBDEAF"]


def _pager(page) -> list[str]:
    return [
        text.strip() for text in page.locator("nav.pager ul li").all_inner_texts() if text.strip()
    ]


def _current(page) -> str:
    return page.locator("nav.pager [aria-current=page]").inner_text()


def test_numbered_pages_first_previous_numbers_gap_last_and_jump(clerk_page, casebook, monkeypatch):
    """One case a page, all six by receipt: 首页 上一页 1 2 3 … 6 下一页 尾页."""
    monkeypatch.setattr("gongkai.applications.views.staff.QUEUE_PAGE_SIZE", 1)
    page = clerk_page
    page.goto(f"{QUEUE}?status=all&sort=received")
    pager = page.get_by_role("navigation", name="分页")
    assert _pager(page) == ["首页", "‹ 上一页", "1", "2", "3", "…", "6", "下一页 ›", "尾页"]
    assert _current(page) == "1"
    seen = [*_shown(page)]

    pager.get_by_role("link", name="2", exact=True).click()
    assert _current(page) == "2" and page.locator("table caption").inner_text() == (
        "共6件申请，本页第2–2件"
    )
    seen += _shown(page)
    pager = page.get_by_role("navigation", name="分页")
    pager.get_by_role("link", name="下一页").click()
    assert _current(page) == "3"
    seen += _shown(page)

    pager = page.get_by_role("navigation", name="分页")
    pager.get_by_label("跳至页码").fill("5")
    pager.get_by_role("button", name="跳转").click()
    page.wait_for_url(re.compile(r"page=5"))
    assert _current(page) == "5"
    assert "status=all" in page.url and "sort=received" in page.url  # the filters are kept
    pager = page.get_by_role("navigation", name="分页")
    pager.get_by_role("link", name="上一页").click()
    assert _current(page) == "4"
    seen += _shown(page)
    pager = page.get_by_role("navigation", name="分页")
    pager.get_by_role("link", name="尾页").click()
    assert _current(page) == "6"
    assert _pager(page)[-2:] == ["下一页 ›", "尾页"]
    assert page.locator("nav.pager span[aria-disabled=true]").all_inner_texts() == [
        "下一页 ›",
        "尾页",
    ]
    last = _shown(page)
    page.get_by_role("navigation", name="分页").get_by_role("link", name="5", exact=True).click()
    seen += _shown(page) + last
    assert seen == [casebook[x] for x in "FAEDBC"]  # every case once, in order
    page.get_by_role("navigation", name="分页").get_by_role("link", name="首页").click()
    assert _current(page) == "1" and _shown(page) == [casebook["F"]]


def _overflow(page) -> int:
    """How far the page runs past the viewport's width (0 when nothing sticks out)."""
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def _within_width(page, locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE_WIDTH


def test_the_queue_at_390_px(browser, live_server, casebook, clerk_a, monkeypatch):
    monkeypatch.setattr("gongkai.applications.views.staff.QUEUE_PAGE_SIZE", 1)
    context = browser.new_context(
        locale="zh-CN",
        base_url=live_server.url,
        viewport={"width": PHONE_WIDTH, "height": 844},
        is_mobile=True,
        has_touch=True,
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        _login(page, clerk_a)
        page.goto("/office/")
        assert _overflow(page) == 0, "the 工作台 is wider than the phone"
        page.goto(f"{QUEUE}?status=all")
        assert _overflow(page) == 0, "the queue is wider than the phone"
        form = page.get_by_role("search", name="筛选申请")
        for label in ("状态", "承办人", "申请渠道", "答复类型", "收到日期自", "关键词", "排序"):
            control = form.get_by_label(label, exact=True)
            control.scroll_into_view_if_needed()
            assert _within_width(page, control), label
        # The wide table scrolls inside its own box, not the page.
        scroller = page.locator(".table-scroll")
        assert scroller.evaluate("el => el.scrollWidth > el.clientWidth")
        assert _within_width(page, scroller)
        for name in ("首页", "上一页", "下一页", "尾页"):
            link = page.get_by_role("navigation", name="分页").get_by_text(name)
            link.scroll_into_view_if_needed()
            assert _within_width(page, link), name
        jump = page.get_by_label("跳至页码")
        jump.scroll_into_view_if_needed()
        assert _within_width(page, jump) and _within_width(
            page, page.get_by_role("button", name="跳转")
        )
        # Filters and pages work by touch too.
        form.get_by_label("关键词", exact=True).fill("王五")
        form.get_by_role("button", name="筛选").tap()
        page.wait_for_url(re.compile("q="))
        assert _shown(page) == [casebook["C"]]
        page.goto(f"{QUEUE}?status=all")
        page.get_by_role("navigation", name="分页").get_by_role("link", name="尾页").tap()
        page.wait_for_url(re.compile("page=6"))
        assert _overflow(page) == 0
    finally:
        context.close()


# Sharing the work -------------------------------------------------------------------------------


def _workload(page) -> dict[str, list[str]]:
    """{承办人: [未办结, 已逾期, 今日到期, 即将到期]} of the workload table."""
    rows = page.locator("table tbody tr").all()
    return {row.locator("th").inner_text(): row.locator("td").all_inner_texts()[1:] for row in rows}


def test_a_case_is_reassigned_from_its_page_and_the_new_clerk_and_the_workload_follow(
    browser, live_server, casebook, clerk_a, other_clerk, sms_outbox
):
    def new_page():
        context = browser.new_context(locale="zh-CN", base_url=live_server.url)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page

    clerk = new_page()
    _login(clerk, clerk_a)
    clerk.goto(QUEUE)
    clerk.get_by_role("link", name="工作量").click()
    before = _workload(clerk)
    # A (due 03-30) is 李承办's and overdue; B is 张承办's; C waits for someone.
    assert before["李承办"] == ["1", "1", "0", "0"]
    assert before["张承办"] == ["1", "0", "0", "1"]
    assert before["待分配"] == ["1", "0", "0", "0"]

    clerk.goto(QUEUE)
    clerk.get_by_role("link", name=casebook["A"]).click()
    clerk.locator("details:has(form[action$='/act/assign/']) > summary").click()
    form = clerk.locator("form[action$='/act/assign/']")
    choices = form.get_by_label("承办人").locator("option").all_inner_texts()
    assert "张承办" in choices and "李承办" in choices
    assert not [name for name in choices if "乙" in name]  # only dept_a's clerks
    form.get_by_label("承办人").select_option(label="张承办")
    form.get_by_label("说明").fill("李承办本周外出培训")
    form.get_by_role("button").click()
    clerk.get_by_text("已分配给张承办承办。").wait_for()
    assert "分配承办人" in clerk.locator("ol.timeline").inner_text()
    assert [m for m in sms_outbox if m.phone == other_clerk.phone]  # the new clerk is told

    clerk.goto("/office/applications/workload/")
    after = _workload(clerk)
    assert after["李承办"] == ["0", "0", "0", "0"]
    assert after["张承办"] == ["2", "1", "0", "1"]
    clerk.locator("tr", has_text="张承办").get_by_role("link", name="2").click()
    assert set(_shown(clerk)) == _cases(casebook, "AB")

    zhang = new_page()
    _login(zhang, other_clerk)
    zhang.goto(QUEUE)
    zhang.get_by_role("link", name="我承办的").click()
    assert set(_shown(zhang)) == _cases(casebook, "AB")
    zhang.goto("/office/")
    assert "答复已逾期的申请" in zhang.locator("ul.worklist").inner_text()


# The public catalogue ---------------------------------------------------------------------------


@pytest.fixture
def shelf(clerk_a, catalog_reviewer_a, dept_a, monkeypatch):
    """Twelve published items, two a page: six pages."""
    monkeypatch.setattr(
        listing,
        "catalogue_numbered",
        functools.partial(listing.catalogue_numbered, size=2),
    )
    return [
        published(clerk_a, catalog_reviewer_a, dept_a, title=f"第{n:02d}号公告") for n in range(12)
    ]


def _titles(page) -> list[str]:
    return page.locator("table.catalogue tbody td:nth-child(2) a").all_inner_texts()


def test_the_public_catalogue_has_numbered_pages(page, shelf, dept_a):
    page.goto(f"/gk/{dept_a.code}/catalog/")
    assert page.get_by_text("共12条").is_visible()
    assert _pager(page) == ["首页", "‹ 上一页", "1", "2", "3", "…", "6", "下一页 ›", "尾页"]
    newest_first = [f"第{n:02d}号公告" for n in reversed(range(12))]
    assert _titles(page) == newest_first[:2]

    nav = page.get_by_role("navigation", name="分页")
    nav.get_by_role("link", name="3", exact=True).click()
    assert _current(page) == "3" and _titles(page) == newest_first[4:6]
    assert _pager(page) == ["首页", "‹ 上一页", "1", "2", "3", "4", "5", "6", "下一页 ›", "尾页"]
    page.get_by_role("navigation", name="分页").get_by_role("link", name="尾页").click()
    assert _current(page) == "6" and _titles(page) == newest_first[10:]
    page.get_by_label("跳至页码").fill("2")
    page.get_by_role("button", name="跳转").click()
    page.wait_for_url(re.compile("page=2"))
    assert _titles(page) == newest_first[2:4]
    page.get_by_role("navigation", name="分页").get_by_role("link", name="首页").click()
    assert _current(page) == "1"

    # A filter is kept from page to page.
    page.get_by_label("有效性").select_option(label="有效")
    page.get_by_role("button", name="筛选").click()
    page.get_by_role("navigation", name="分页").get_by_role("link", name="2", exact=True).click()
    assert "validity=valid" in page.url and _titles(page) == newest_first[2:4]


def test_the_public_catalogue_at_390_px(browser, live_server, shelf, dept_a):
    context = browser.new_context(
        locale="zh-CN", base_url=live_server.url, viewport={"width": PHONE_WIDTH, "height": 844}
    )
    page = context.new_page()
    try:
        page.goto(f"/gk/{dept_a.code}/catalog/?page=3")
        assert _overflow(page) == 0, "the catalogue is wider than the phone"
        for name in ("首页", "上一页", "下一页", "尾页"):
            assert _within_width(
                page, page.get_by_role("navigation", name="分页").get_by_text(name)
            )
    finally:
        context.close()


# Accessibility ----------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [1280, PHONE_WIDTH])
def test_the_queue_workload_and_case_pages_pass_the_accessibility_sanity_check(
    clerk_page, casebook, monkeypatch, width
):
    """tests/browser/a11y.py: names, captions, headings, ids, keyboard-reachable scrolling,
    contrast; the queue with its pages and with a refused filter."""
    monkeypatch.setattr("gongkai.applications.views.staff.QUEUE_PAGE_SIZE", 2)
    page = clerk_page
    page.set_viewport_size({"width": width, "height": 900})
    for url in (
        f"{QUEUE}?status=all",
        f"{QUEUE}?status=all&page=2",
        f"{QUEUE}?received_from=2026-03-05&received_to=2026-03-03",
        f"{QUEUE}workload/",
    ):
        page.goto(url)
        assert audit(page) == [], url
    page.goto(f"{QUEUE}?status=all")
    page.get_by_role("link", name=casebook["A"]).click()
    assert audit(page) == [], "the case page"


def test_the_public_catalogue_passes_the_accessibility_sanity_check(page, shelf, dept_a):
    page.goto(f"/gk/{dept_a.code}/catalog/?page=2")
    assert audit(page) == []
