"""Search indexes whatever registers itself as a source: `gongkai search reindex` rebuilds the
index from every registered source, and a new source needs no change in search."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from gongkai.search import sources
from gongkai.search.backends import IndexDoc, SearchQuery, get_backend

pytestmark = pytest.mark.django_db


class ListSource(sources.SearchSource):
    """A source that is not a model: its documents are given as a list."""

    def __init__(self, name, docs, empty_message=""):
        self.name, self.docs, self.reason = name, docs, empty_message

    def count(self):
        return len(self.docs)

    def documents(self, *, chunk_size):
        return iter(self.docs)

    def empty_message(self):
        return self.reason


def doc(doc_id, title):
    published = datetime.datetime(2026, 3, doc_id, tzinfo=datetime.UTC)
    return IndexDoc(doc_id=doc_id, published=published, title=title, body="")


@pytest.fixture
def only(monkeypatch):
    """Replace the registered sources (the catalogue's among them) for one test."""

    def register(*registered):
        monkeypatch.setattr(sources, "_sources", {})
        for source in registered:
            sources.register(source)

    return register


def reindex():
    out = io.StringIO()
    call_command("search", "reindex", "--no-progress", stdout=out)
    return out.getvalue()


def test_reindex_rebuilds_the_index_from_every_registered_source(only):
    get_backend().index([doc(9, "已经删除的旧文档")])
    only(
        ListSource("first", [doc(1, "第一来源的通知"), doc(2, "第一来源的公告")]),
        ListSource("second", [doc(3, "第二来源的通知")]),
    )

    assert "已索引 3 条" in reindex()

    assert get_backend().search(SearchQuery("通知")).doc_ids == [3, 1]
    assert get_backend().search(SearchQuery("删除")).doc_ids == []


def test_sources_are_read_in_the_order_they_registered(only):
    first, second = ListSource("b", []), ListSource("a", [])
    only(first, second)

    assert sources.registered() == (first, second)


def test_reindex_with_nothing_to_index_says_why_when_a_source_thinks_it_wrong(only):
    only(ListSource("quiet", []), ListSource("catalog", [], empty_message="没有已发布的条目。"))

    with pytest.raises(CommandError, match="没有已发布的条目。"):
        reindex()


def test_reindex_with_nothing_to_index_is_fine_when_every_source_is_simply_empty(only):
    only(ListSource("quiet", []))

    assert "已索引 0 条" in reindex()


def test_registering_a_source_again_keeps_the_first(only):
    first = ListSource("twice", [])
    only(first, ListSource("twice", [doc(1, "另一份")]))

    assert sources.registered() == (first,)


def test_two_kinds_of_source_may_not_share_a_name(only):
    class Other(ListSource):
        pass

    only(ListSource("same", []))

    with pytest.raises(ValueError, match="same"):
        sources.register(Other("same", []))


def test_a_source_needs_a_name(only):
    only()

    with pytest.raises(ValueError):
        sources.register(ListSource("", []))
