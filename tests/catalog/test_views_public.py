"""The public column: pages, search, feeds, sitemap and the JSON export — published items only."""

import json

import pytest
from django.urls import reverse

from gongkai.catalog import services as s
from tests.catalog.fixtures import draft, published

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(clerk_a, catalog_reviewer_a, dept_a):
    return published(clerk_a, catalog_reviewer_a, dept_a)


def test_column_shows_sub_columns_and_latest_items(client, item, dept_a):
    page = client.get(reverse("catalog:column", args=[dept_a.code]))
    assert page.status_code == 200
    text = page.content.decode()
    for heading in (
        "政府信息公开指南",
        "政府信息公开目录",
        "政府信息公开制度",
        "法定主动公开内容",
        "政府信息公开年报",
    ):
        assert heading in text
    assert item.title in text


def test_item_page_shows_the_catalogue_fields(client, item):
    page = client.get(reverse("catalog:item", args=[item.agency.code, item.public_id]))
    text = page.content.decode()
    assert page.status_code == 200
    for value in (item.index_number, "测工信〔2026〕12号", "2026-03-02", "内容概述", item.summary):
        assert value in text


def test_drafts_are_not_public(client, clerk_a, dept_a):
    hidden = draft(clerk_a, dept_a)
    assert (
        client.get(reverse("catalog:item", args=[dept_a.code, hidden.public_id])).status_code == 404
    )


def test_a_withdrawn_item_becomes_a_notice_and_leaves_feeds(client, item, clerk_a):
    feed = reverse("catalog:rss", args=[item.agency.code])
    assert item.title in client.get(feed).content.decode()
    s.item_withdraw(actor=clerk_a, item=item, reason="内容有误")
    page = client.get(reverse("catalog:item", args=[item.agency.code, item.public_id]))
    assert page.status_code == 410 and "内容有误" in page.content.decode()
    assert item.title not in client.get(feed).content.decode()
    assert (
        item.title
        not in client.get(reverse("catalog:atom", args=[item.agency.code])).content.decode()
    )
    sitemap = client.get("/sitemap-items.xml").content.decode()
    assert str(item.public_id) not in sitemap


def test_catalogue_pages_by_keyset(client, clerk_a, catalog_reviewer_a, dept_a):
    for n in range(23):
        published(clerk_a, catalog_reviewer_a, dept_a, title=f"第{n}号公告")
    url = reverse("catalog:catalogue", args=[dept_a.code])
    first = client.get(url)
    assert first.context["page"].total == 23 and len(first.context["page"].items) == 20
    cursor = first.context["page"].next_cursor
    second = client.get(url, {"cursor": cursor})
    assert len(second.context["page"].items) == 3
    seen = {i.pk for i in first.context["page"].items} | {
        i.pk for i in second.context["page"].items
    }
    assert len(seen) == 23


def test_a_garbled_cursor_is_the_first_page(client, item, dept_a):
    page = client.get(reverse("catalog:catalogue", args=[dept_a.code]), {"cursor": "%%%"})
    assert page.status_code == 200 and page.context["page"].items


def test_search_page_highlights_and_filters(client, item, dept_b):
    page = client.get(reverse("catalog:search"), {"q": "转型"})
    assert page.status_code == 200
    assert "<mark>转型</mark>" in page.content.decode()
    other = client.get(reverse("catalog:search"), {"q": "转型", "agency": dept_b.code})
    assert other.context["result"].total == 0


def test_search_by_document_number_and_city_subtree(client, item, city):
    page = client.get(reverse("catalog:search"), {"q": "测工信〔2026〕12号", "agency": city.code})
    assert [h.item.pk for h in page.context["result"].hits] == [item.pk]


def test_search_with_only_punctuation_says_what_is_wrong(client, item):
    page = client.get(reverse("catalog:search"), {"q": "，。"})
    assert page.status_code == 400
    assert "请输入至少一个汉字" in page.content.decode()


def test_json_export_streams_the_public_catalogue(client, item, clerk_a, dept_a):
    draft(clerk_a, dept_a, title="未发布的草稿")
    response = client.get(reverse("catalog:export", args=[dept_a.code]))
    rows = json.loads(b"".join(response.streaming_content))
    assert [r["index_number"] for r in rows] == [item.index_number]


def test_sitemap_lists_columns_and_items(client, item):
    assert "sitemap-items.xml" in client.get("/sitemap.xml").content.decode()
    assert str(item.public_id) in client.get("/sitemap-items.xml").content.decode()


def test_attachments_download_only_when_published(client, clerk_a, catalog_reviewer_a, dept_a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    pending = draft(clerk_a, dept_a)
    import pymupdf

    with pymupdf.open() as document:
        document.new_page().insert_text((72, 72), "Notice")
        pdf = document.tobytes()
    attachment = s.attachment_add(
        actor=clerk_a, item=pending, file=SimpleUploadedFile("a.pdf", pdf)
    )
    url = reverse("catalog:attachment", args=[dept_a.code, pending.public_id, attachment.pk])
    assert client.get(url).status_code == 404
    s.item_submit(actor=clerk_a, item=pending)
    s.item_approve(actor=catalog_reviewer_a, item=pending, findings_seen=True)
    s.item_publish(actor=clerk_a, item=pending)
    assert client.get(url).status_code == 200
