"""The case page suggests catalogue items that may already hold the requested information
(Art. 36(1): 已主动公开 → tell the applicant where to get it)."""

import pytest
from django.urls import reverse

from gongkai.applications.similarity import possibly_published
from tests.applications.fixtures import register
from tests.catalog.fixtures import published

pytestmark = pytest.mark.django_db


@pytest.fixture
def budget(clerk_a, catalog_reviewer_a, dept_a):
    return published(
        clerk_a,
        catalog_reviewer_a,
        dept_a,
        title="测试市甲局2025年部门预算公开",
        doc_number="测甲〔2025〕3号",
    )


def test_an_item_matching_the_request_words_is_suggested(clerk_a, dept_a, budget):
    application = register(clerk_a, dept_a, info_title="甲局2025年的部门预算")
    assert [item.pk for _words, item in possibly_published(application)] == [budget.pk]


def test_a_document_number_alone_is_enough(clerk_a, dept_a, budget):
    application = register(clerk_a, dept_a, info_title="一份文件", doc_number="测甲〔2025〕3号")
    [(words, item)] = possibly_published(application)
    assert item.pk == budget.pk and "测甲〔2025〕3号" in words


def test_unrelated_requests_get_no_suggestion(clerk_a, dept_a, budget):
    application = register(clerk_a, dept_a, info_title="道路施工许可审批记录")
    assert possibly_published(application) == []


def test_the_case_page_lists_the_suggestion(client, clerk_a, dept_a, budget):
    application = register(clerk_a, dept_a, info_title="甲局2025年的部门预算")
    client.force_login(clerk_a)
    page = client.get(reverse("applications_office:case", args=[application.pk]))
    assert "可能已主动公开的信息" in page.content.decode() and budget.title in page.content.decode()
