"""Finding every item: the staff list's filters and numbered pages, and numbered pages on the
public catalogue and search (首页 上一页 1 2 3 … 尾页)."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from gongkai.catalog import services as s
from gongkai.catalog.listing import catalogue_numbered, encode_cursor
from gongkai.catalog.models import Category
from gongkai.core.paging import NumberedPage, paginate
from tests.catalog.fixtures import draft, published

D = dt.date
OFFICE = reverse("catalog_office:index")


def _titles(response) -> set[str]:
    return {item.title for item in response.context["items"]}


@pytest.fixture
def staff(client, clerk_a):
    client.force_login(clerk_a)
    return client


@pytest.fixture
def shelf(clerk_a, catalog_reviewer_a, dept_a):
    """A 2025 draft in F05, a 2026 draft, and a 2026 item published and also sent to 政务微博."""
    old = draft(
        clerk_a,
        dept_a,
        title="二〇二五年的草稿",
        created_on=D(2025, 11, 3),
        categories=[Category.objects.get(agency=None, code="F05")],
    )
    new = draft(clerk_a, dept_a, title="二〇二六年的草稿")
    out = published(clerk_a, catalog_reviewer_a, dept_a, title="已发布的通知")
    s.channel_record(actor=clerk_a, item=out, channel="weibo", published_on=D(2026, 3, 3))
    return {"old": old, "new": new, "out": out}


def test_the_staff_list_filters_by_state_category_year_channel_and_text(staff, shelf):
    assert _titles(staff.get(OFFICE, {"status": "published"})) == {"已发布的通知"}
    category = Category.objects.get(agency=None, code="F05")
    assert _titles(staff.get(OFFICE, {"category": category.pk})) == {"二〇二五年的草稿"}
    assert _titles(staff.get(OFFICE, {"year": 2025})) == {"二〇二五年的草稿"}
    assert _titles(staff.get(OFFICE, {"channel": "weibo"})) == {"已发布的通知"}
    assert _titles(staff.get(OFFICE, {"q": "草稿", "year": 2026})) == {"二〇二六年的草稿"}
    assert len(_titles(staff.get(OFFICE))) == 3


def test_the_staff_list_finds_items_past_the_publication_limit(client, clerk_a, dept_a):
    """overdue=1: unpublished 主动公开 items whose 20 working days have run out."""
    with time_machine.travel(dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC), tick=False):
        late = draft(clerk_a, dept_a, title="迟迟未发布", created_on=D(2026, 3, 2))
    with time_machine.travel(dt.datetime(2026, 3, 27, 9, tzinfo=dt.UTC), tick=False):
        draft(clerk_a, dept_a, title="刚起草", created_on=D(2026, 3, 27))
    client.force_login(clerk_a)
    with time_machine.travel(dt.datetime(2026, 3, 31, 9, tzinfo=dt.UTC), tick=False):
        assert _titles(client.get(OFFICE, {"overdue": "1"})) == {late.title}


@pytest.mark.parametrize(
    "query",
    [{"status": "lost"}, {"year": "two"}, {"category": "999999"}, {"page": "0"}, {"overdue": "2"}],
)
def test_bad_staff_list_values_are_a_400_with_the_reason(staff, shelf, query):
    response = staff.get(OFFICE, query)
    assert response.status_code == 400 and 'class="error"' in response.content.decode()


def test_the_staff_list_pages_through_every_item(staff, clerk_a, dept_a, monkeypatch):
    """No more stop at 200: numbered pages of all the items; past the last, the last page."""
    monkeypatch.setattr("gongkai.catalog.views.office.OFFICE_PAGE_SIZE", 2)
    for n in range(5):
        draft(clerk_a, dept_a, title=f"第{n}号草稿")
    pages = [_titles(staff.get(OFFICE, {"page": page})) for page in (1, 2, 3)]
    assert [len(p) for p in pages] == [2, 2, 1] and len(set().union(*pages)) == 5
    past = staff.get(OFFICE, {"page": 7})
    assert past.context["pager"].number == 3
    text = staff.get(OFFICE, {"page": 2}).content.decode()
    assert 'aria-current="page">2<' in text and "?page=1" in text and "?page=3" in text


# Public pages -----------------------------------------------------------------------------------


@pytest.fixture
def many(clerk_a, catalog_reviewer_a, dept_a):
    return [published(clerk_a, catalog_reviewer_a, dept_a, title=f"第{n}号公告") for n in range(45)]


def test_the_public_catalogue_has_numbered_pages(client, many, dept_a):
    url = reverse("catalog:catalogue", args=[dept_a.code])
    first = client.get(url)
    text = first.content.decode()
    assert '<nav class="pager" aria-label="分页">' in text
    for label in ("首页", "上一页", "下一页", "尾页", "跳至页码"):
        assert label in text
    assert 'aria-current="page">1<' in text and "?page=3" in text
    last = client.get(url, {"page": 3})
    assert len(last.context["page"].items) == 5 and last.context["pager"].pages == 3
    assert client.get(url, {"page": 30}).context["pager"].number == 3
    shown = [
        i.pk for page in (1, 2, 3) for i in client.get(url, {"page": page}).context["page"].items
    ]
    assert shown == [i.pk for i in sorted(many, key=lambda i: (i.published_at, i.pk), reverse=True)]


def test_an_old_cursor_link_lands_on_its_page(client, many, dept_a):
    url = reverse("catalog:catalogue", args=[dept_a.code])
    first = client.get(url).context["page"]
    second = client.get(url, {"cursor": first.next_cursor})
    assert second.context["pager"].number == 2
    assert second.context["page"].items == client.get(url, {"page": 2}).context["page"].items


def test_numbered_pages_keep_the_filters(client, many, dept_a):
    url = reverse("catalog:catalogue", args=[dept_a.code])
    text = client.get(url, {"validity": "valid"}).content.decode()
    assert "?validity=valid&amp;page=2" in text
    assert '<input type="hidden" name="validity" value="valid">' in text


def test_a_deep_page_reads_keys_first_then_rows(dept_a, many, django_assert_max_num_queries):
    """The last page costs the same few queries as the first (count, keys, rows)."""
    with django_assert_max_num_queries(3):
        page = catalogue_numbered(agency=dept_a, number=3)
    assert len(page.items) == 5 and page.next_cursor is None
    assert catalogue_numbered(agency=dept_a, number=1).next_cursor == encode_cursor(
        catalogue_numbered(agency=dept_a, number=1).items[-1]
    )


def test_search_results_have_numbered_pages(client, many):
    url = reverse("catalog:search")
    first = client.get(url, {"q": "公告"})
    assert first.context["pager"].pages == 3
    text = first.content.decode()
    assert "?q=%E5%85%AC%E5%91%8A&amp;page=2" in text and "尾页" in text
    last = client.get(url, {"q": "公告", "page": 3})
    assert len(last.context["result"].hits) == 5
    past = client.get(url, {"q": "公告", "page": 9})
    assert past.status_code == 200 and past.context["pager"].number == 3
    assert len(past.context["result"].hits) == 5


def test_the_search_api_answers_the_last_page_past_the_end(client, many):
    body = client.get("/api/catalog/search/", {"q": "公告", "page": 9}).json()
    assert body["page"] == 3 and len(body["results"]) == 5


# The paginator ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "pages", "window"),
    [
        (1, 1, [1]),
        (1, 5, [1, 2, 3, 4, 5]),
        (1, 20, [1, 2, 3, None, 20]),
        (10, 20, [1, None, 8, 9, 10, 11, 12, None, 20]),
        (4, 20, [1, 2, 3, 4, 5, 6, None, 20]),
        (20, 20, [1, None, 18, 19, 20]),
    ],
)
def test_the_pager_shows_the_ends_and_the_neighbours(number, pages, window):
    assert NumberedPage([], pages * 10, number, pages, 10).window() == window


def test_a_page_past_the_end_is_the_last_and_an_empty_list_has_one_page():
    assert paginate(list(range(25)), 9, size=10).items == [20, 21, 22, 23, 24]
    empty = paginate([], 4, size=10)
    assert (empty.number, empty.pages, empty.start_index, empty.end_index) == (1, 1, 0, 0)
