"""The catalogue registers itself with search: `gongkai search reindex` indexes its published
主动公开 items, and only those."""

import io

import pytest
from django.core.management import CommandError, call_command

from gongkai.catalog.indexing import CatalogSource
from gongkai.search.backends import SearchQuery, get_backend
from gongkai.search.sources import registered
from tests.catalog.fixtures import draft, published

pytestmark = pytest.mark.django_db


def reindex():
    out = io.StringIO()
    call_command("search", "reindex", "--no-progress", stdout=out)
    return out.getvalue()


def test_the_catalogue_is_a_registered_search_source():
    assert any(isinstance(source, CatalogSource) for source in registered())


def test_reindex_indexes_published_items_and_not_drafts(clerk_a, catalog_reviewer_a, dept_a):
    shown = published(clerk_a, catalog_reviewer_a, dept_a, title="关于公布节能监察结果的通知")
    draft(clerk_a, dept_a, title="关于节能监察工作的草稿")
    get_backend().clear()

    assert "已索引 1 条" in reindex()

    assert get_backend().search(SearchQuery("节能监察")).doc_ids == [shown.pk]


def test_reindex_of_a_catalogue_without_published_items_says_so(clerk_a, dept_a):
    draft(clerk_a, dept_a)

    with pytest.raises(CommandError, match="没有已发布的主动公开条目可以索引。"):
        reindex()


def test_reindex_of_an_empty_catalogue_is_fine():
    assert "已索引 0 条" in reindex()
