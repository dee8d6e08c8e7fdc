"""Every backend returns exactly what the reference semantics (tokens.matches) says, on
whichever database the suite runs: SQLite FTS5 or PostgreSQL GIN."""

import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.search import tokens
from gongkai.search.backends import IndexDoc, SearchQuery, get_backend
from gongkai.search.backends.base import RELEVANCE_WINDOW

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


def doc(doc_id, title, body="", day=1, **facets):
    return IndexDoc(
        doc_id=doc_id,
        published=datetime.datetime(2017, 1, day, tzinfo=UTC),
        title=title,
        body=body,
        facets={key: [str(v) for v in values] for key, values in facets.items()},
    )


def found(text, **kwargs):
    return set(get_backend().search(SearchQuery(text, limit=1000, **kwargs)).doc_ids)


@pytest.fixture
def corpus():
    docs = [
        doc(1, "关于印发商丘市工业转型方案的通知", "商工信〔2017〕12号", 3, agency=[1, 4]),
        doc(
            2,
            "商丘市工业和信息化委员会2017年政府信息公开工作年度报告",
            "安全生产，监督检查",
            5,
            agency=[1, 5],
        ),
        doc(
            3,
            "节能监察",
            "依据商工信〔2017〕112号文件开展安全生产监督检查",
            7,
            agency=[1, 4],
            year=[2018],
        ),
        doc(4, "GB11643 标准 说明", "身份号码", 9, agency=[2]),
    ]
    get_backend().index(docs)
    return docs


def test_two_character_query_finds_a_substring_across_word_boundaries(corpus):
    assert found("丘市") == {1, 2}


def test_document_number_is_found_exactly(corpus):
    assert found("商工信〔2017〕12号") == {1}
    assert found("112号") == {3}
    assert found("〔2017〕1") == {1, 3}


def test_punctuation_in_query_or_text_separates(corpus):
    assert found("生产，监督") == {2}
    assert found("生产监督") == {3}


def test_mixed_chinese_and_ascii_and_word_prefix(corpus):
    assert found("gb116") == {4}
    assert found("2017年") == {2}
    assert found("11643 标准") == set()  # "gb11643" is one word
    assert found("gb11643 标准") == {4}


def test_single_character_finds_it_anywhere(corpus):
    assert found("委") == {2}
    assert found("号") == {1, 3, 4}


def test_facets_filter_and_combine(corpus):
    assert found("商丘", facets={"agency": ["4"]}) == {1}
    assert found("商丘", facets={"agency": ["4", "5"]}) == {1, 2}
    assert found("工信", facets={"agency": ["4"], "year": ["2018"]}) == {3}


def test_date_order_is_newest_first_and_pages(corpus):
    backend = get_backend()
    page = backend.search(SearchQuery("工", order="date", limit=2))
    assert page.doc_ids == [3, 2] and page.total == 3 and not page.total_capped
    assert backend.search(SearchQuery("工", order="date", limit=2, offset=2)).doc_ids == [1]


def test_relevance_prefers_title_matches(corpus):
    assert get_backend().search(SearchQuery("安全生产")).doc_ids[0] in {2, 3}
    assert get_backend().search(SearchQuery("节能")).doc_ids == [3]


def test_reindexing_replaces_and_removal_removes(corpus):
    backend = get_backend()
    backend.index([doc(1, "新标题", day=20)])
    assert found("商丘") == {2}
    assert found("新标") == {1}
    backend.remove([1, 2])
    assert found("新标") == set() and found("商丘") == set()
    backend.clear()
    assert found("节能") == set()


def test_empty_or_punctuation_only_query_finds_nothing(corpus):
    assert found("") == set()
    assert found("，。！") == set()


def test_relevance_looks_at_the_newest_window_only():
    backend = get_backend()
    backend.index(
        doc(n, "公告", "公告" * (1 if n > 1 else 50), day=1) for n in range(1, RELEVANCE_WINDOW + 3)
    )
    page = backend.search(SearchQuery("公告"))
    assert page.total == RELEVANCE_WINDOW and page.total_capped  # "more than 1,000"
    assert 1 not in page.doc_ids  # the oldest is outside the window however relevant
    assert backend.search(SearchQuery("公告", order="date", offset=1000, limit=5)).doc_ids == [2, 1]


ALPHABET = "政府信息公开工作商丘市年度报告〔〕号，。 2017GBab"
texts = st.text(alphabet=ALPHABET, min_size=0, max_size=40)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(bodies=st.lists(texts, min_size=1, max_size=6), query=st.text(ALPHABET, max_size=6))
def test_every_backend_agrees_with_the_reference(django_db_blocker, bodies, query):
    backend = get_backend()
    backend.clear()
    backend.index(doc(n + 1, "", body) for n, body in enumerate(bodies))
    expected = {
        n + 1
        for n, body in enumerate(bodies)
        if tokens.matches(["", body], tokens.parse_query(query))
    }
    if not tokens.parse_query(query):
        expected = set()
    assert found(query) == expected


def test_relevance_puts_title_matches_first_then_newest(corpus):
    backend = get_backend()
    backend.index([doc(5, "其他", "商丘市工业", day=28), doc(6, "商丘工业 12号", "无关", day=2)])
    # Titles with 工业: 2 (5 Jan), 1 (3 Jan), 6 (2 Jan); then the body-only match 5 (28 Jan).
    assert backend.search(SearchQuery("工业")).doc_ids == [2, 1, 6, 5]
    assert backend.search(SearchQuery("12号")).doc_ids == [6, 1]  # title, then body


def test_a_year_filter_finds_items_at_the_turn_of_the_year():
    # The catalogue's year value is the publication year in one time zone; the PostgreSQL
    # backend reads a year filter as a period, which must hold it whichever zone it was.
    shanghai = datetime.timezone(datetime.timedelta(hours=8))
    moments = [
        datetime.datetime(2016, 12, 31, 23, 59, 59, tzinfo=shanghai),
        datetime.datetime(2017, 1, 1, 0, 0, 0, tzinfo=shanghai),  # 2016 in UTC
        datetime.datetime(2017, 12, 31, 23, 59, 59, tzinfo=UTC),  # 2018 in China
        datetime.datetime(2018, 1, 1, 0, 0, 0, tzinfo=UTC),
    ]
    docs = [
        IndexDoc(n * 2 + offset + 1, moment, "年报", "", {"year": [str(local.year)]})
        for n, moment in enumerate(moments)
        for offset, local in enumerate((moment.astimezone(shanghai), moment.astimezone(UTC)))
    ]
    get_backend().index(docs)
    for year in ("2016", "2017", "2018"):
        expected = {doc.doc_id for doc in docs if doc.facets["year"] == [year]}
        assert found("年报", facets={"year": [year]}) == expected
        page = get_backend().search(SearchQuery("年报", facets={"year": [year]}, order="date"))
        assert page.doc_ids == sorted(expected, reverse=True)
