"""The item page tells whoever cannot take the next step who takes it (issue 14: after 保密审查通过
the reviewer's page said only "没有可执行的操作")."""

from django.urls import reverse

from gongkai.catalog import services as s
from tests.catalog.fixtures import draft, published


def item_page(client, user, item) -> str:
    client.force_login(user)
    return client.get(reverse("catalog_office:item", args=[item.pk])).content.decode()


def test_after_the_review_the_reviewer_is_told_the_clerk_publishes(
    client, clerk_a, catalog_reviewer_a, dept_a
):
    item = draft(clerk_a, dept_a)
    s.item_submit(actor=clerk_a, item=item)
    s.item_approve(actor=catalog_reviewer_a, item=item)
    page = item_page(client, catalog_reviewer_a, item)
    assert "下一步：发布，由承办人办理。" in page
    assert "没有可执行的操作" not in page


def test_after_submitting_the_author_is_told_the_reviewer_reviews(
    client, clerk_a, catalog_reviewer_a, dept_a
):
    item = draft(clerk_a, dept_a)
    s.item_submit(actor=clerk_a, item=item)
    assert "下一步：退回修改或保密审查通过，由审核人办理。" in item_page(client, clerk_a, item)


def test_a_published_item_is_finished(client, clerk_a, catalog_reviewer_a, dept_a):
    item = published(clerk_a, catalog_reviewer_a, dept_a)
    page = item_page(client, catalog_reviewer_a, item)
    assert "办理流程已结束（已发布），没有待办的下一步。" in page
