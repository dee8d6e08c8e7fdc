"""PostgreSQL picks between two plans from its term statistics; both must give the exact
answer. The walk plan is forced here by pretending every term is common."""

import datetime

import pytest
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.search import tokens
from gongkai.search.backends import IndexDoc, SearchQuery, get_backend
from gongkai.search.backends import postgres as pg

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL plans"),
]


@pytest.fixture
def everything_common(monkeypatch):
    monkeypatch.setattr(pg, "lexeme_frequencies", lambda: {})
    monkeypatch.setattr(pg, "estimated_share", lambda query, freq: 1.0)


def _docs(bodies):
    return [
        IndexDoc(
            n + 1,
            datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC),
            "",
            body,
            {"agency": [str(n % 3)]},
        )
        for n, body in enumerate(bodies)
    ]


ALPHABET = "政府信息公开工作商丘市年度报告〔〕号，。 2017GB"


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    bodies=st.lists(st.text(ALPHABET, max_size=40), min_size=1, max_size=8),
    query=st.text(ALPHABET, max_size=5),
)
def test_the_walk_plan_is_exact(everything_common, bodies, query):
    backend = get_backend()
    backend.clear()
    backend.index(_docs(bodies))
    phrases = tokens.parse_query(query)
    expected = {
        n + 1 for n, body in enumerate(bodies) if phrases and tokens.matches(["", body], phrases)
    }
    assert set(backend.search(SearchQuery(query, limit=100)).doc_ids) == expected


def test_the_walk_falls_back_to_the_index_when_it_finds_too_few(everything_common, monkeypatch):
    monkeypatch.setattr(pg, "WALK_ROWS", 3)
    backend = get_backend()
    backend.index(_docs(["工作"] * 2 + ["其他"] * 5 + ["工作"]))
    page = backend.search(SearchQuery("工作", order="date"))
    assert page.doc_ids == [8, 2, 1] and page.total == 3


def test_the_walk_applies_filters(everything_common):
    backend = get_backend()
    backend.index(_docs(["工作"] * 6))
    assert set(backend.search(SearchQuery("工作", facets={"agency": ["1"]})).doc_ids) == {2, 5}


def test_the_estimate_is_the_rarest_term_or_filter():
    freq = {"工作": 0.9, "作推": 0.2, "推进": 0.5, "#agencyx1": 0.1, "#agencyx2": 0.05}
    assert pg.estimated_share(SearchQuery("工作推进"), freq) == 0.2
    assert pg.estimated_share(SearchQuery("工作 量子"), freq) == 0.0  # 量子 is not common
    filtered = SearchQuery("工作", facets={"agency": ["1", "2"]})
    assert pg.estimated_share(filtered, freq) == pytest.approx(0.15)
