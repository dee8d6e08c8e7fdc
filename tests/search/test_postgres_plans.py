"""PostgreSQL reads the newest matches by walking the newest documents or period by period
(time slices), sized from an estimate, and reads a year filter as a period. Every way must
give the exact answer, in order: the estimate, the walk's bound and the slicing are forced
here into every combination."""

import datetime
import importlib

import pytest
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.search import tokens
from gongkai.search.backends import IndexDoc, SearchQuery, get_backend
from gongkai.search.backends import postgres as pg
from gongkai.search.backends.postgres_estimates import TermStatistics, estimated_share
from gongkai.search.backends.postgres_terms import candidates_tsquery, text_tsquery

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL plans"),
]

UTC = datetime.UTC
SHANGHAI = datetime.timezone(datetime.timedelta(hours=8))
# Around the turns of 2017 and 2018 in both zones, and in between.
MOMENTS = [
    datetime.datetime(2016, 12, 31, 15, 59, 59, tzinfo=UTC),  # 2016 in China, 2016 in UTC
    datetime.datetime(2016, 12, 31, 16, 0, 0, tzinfo=UTC),  # 2017 in China, 2016 in UTC
    datetime.datetime(2017, 1, 1, 0, 0, 0, tzinfo=UTC),
    datetime.datetime(2017, 3, 9, 7, 0, 0, tzinfo=UTC),
    datetime.datetime(2017, 7, 1, 12, 0, 0, tzinfo=UTC),
    datetime.datetime(2017, 12, 31, 15, 59, 59, tzinfo=UTC),
    datetime.datetime(2017, 12, 31, 16, 0, 0, tzinfo=UTC),  # 2018 in China, 2017 in UTC
    datetime.datetime(2018, 1, 1, 0, 0, 0, tzinfo=UTC),
    datetime.datetime(2019, 5, 4, 3, 2, 1, tzinfo=UTC),
]
# (estimated share, walk threshold, walk bound, documents per second scale, most slices,
# share of every term: 1.0 leaves all terms but one, or all if there is a filter, to the LIKE)
PLANS = {
    "v3 walk": (1.0, 0.5, 10_000, 1.0, 6, 1.0),
    "walk gives up at once": (1.0, 0.5, 1, 1.0, 6, 1.0),
    "one slice, every term": (0.0, 0.5, 10_000, 1.0, 6, 0.0),
    "one slice, common terms left out": (0.0, 0.5, 10_000, 1.0, 6, 1.0),
    "many small slices": (1.0, 2.0, 10_000, 1e9, 50, 0.0),
    "small slices, then the rest": (1.0, 2.0, 10_000, 1e9, 3, 1.0),
}


@pytest.fixture
def force_plan(monkeypatch):
    def force(name, documents):
        share, walk_share, walk_rows, density, slices, term_share = PLANS[name]
        monkeypatch.setattr(pg, "estimated_share", lambda *args: share)
        monkeypatch.setattr(pg, "WALK_SHARE", walk_share)
        monkeypatch.setattr(pg, "WALK_ROWS", walk_rows)
        monkeypatch.setattr(pg, "MAX_SLICES", slices)
        stats = TermStatistics(unlisted=term_share, documents=documents * density)
        monkeypatch.setattr(pg, "term_statistics", lambda: stats)

    return force


def _year(moment: datetime.datetime, zone) -> str:
    return str(moment.astimezone(zone).year)


ALPHABET = "政府信息公开工作商丘市年度报告〔〕号，。 2017GB"
documents = st.lists(
    st.tuples(
        st.text(ALPHABET, max_size=30),
        st.sampled_from(MOMENTS),
        st.sampled_from([UTC, SHANGHAI, None]),  # the zone of the year value; None: no year
    ),
    min_size=1,
    max_size=12,
)


@settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    bodies=documents,
    query=st.text(ALPHABET, max_size=5),
    years=st.sampled_from([[], ["2017"], ["2016"], ["2018"], ["2016", "2018"]]),
    plan=st.sampled_from(sorted(PLANS)),
)
def test_every_plan_gives_the_newest_matches_in_order(force_plan, bodies, query, years, plan):
    force_plan(plan, len(bodies))
    backend = get_backend()
    backend.clear()
    docs = [
        IndexDoc(n + 1, moment, "", body, {"year": [_year(moment, zone)]} if zone else {})
        for n, (body, moment, zone) in enumerate(bodies)
    ]
    backend.index(docs)
    phrases = tokens.parse_query(query)
    expected = [
        doc.doc_id
        for doc in sorted(docs, key=lambda d: (d.published, d.doc_id), reverse=True)
        if phrases
        and tokens.matches(["", doc.body], phrases)
        and (not years or set(years) & set(doc.facets.get("year", ())))
    ]
    facets = {"year": years} if years else {}
    page = backend.search(SearchQuery(query, facets=facets, order="date", limit=100))
    assert page.doc_ids == expected


def test_a_year_value_outside_its_period_is_still_found():
    backend = get_backend()
    backend.index(
        [
            IndexDoc(1, MOMENTS[4], "", "公开", {"year": ["2017"]}),
            IndexDoc(2, MOMENTS[4], "", "公开", {"year": ["2012"]}),  # not a publication year
            IndexDoc(3, MOMENTS[8], "", "公开", {"year": ["2017"]}),
        ]
    )
    assert backend.search(SearchQuery("公开", facets={"year": ["2012"]})).doc_ids == [2]
    page = backend.search(SearchQuery("公开", facets={"year": ["2017"]}, order="date"))
    assert page.doc_ids == [3, 1]


def test_the_migration_gives_old_rows_the_same_time_lexemes():
    backend = get_backend()
    backend.index(
        IndexDoc(n + 1, moment, "", "公开", {"year": [_year(moment, SHANGHAI)]})
        for n, moment in enumerate(MOMENTS)
    )
    backend.index([IndexDoc(99, MOMENTS[4], "", "公开", {"year": ["2012"]})])
    migration = importlib.import_module("gongkai.search.migrations.0002_time_block_lexemes")

    def vectors():
        with connection.cursor() as cursor:
            cursor.execute("SELECT doc_id, tsv::text FROM search_searchdocument ORDER BY doc_id")
            return cursor.fetchall()

    indexed = vectors()
    with connection.schema_editor() as editor:
        migration.remove_time_lexemes(None, editor)
        assert vectors() != indexed
        migration.add_time_lexemes(None, editor)
    assert vectors() == indexed


def test_the_estimate_is_a_product_of_rarest_terms_and_filters():
    stats = TermStatistics(
        {"工作": 0.9, "作推": 0.2, "推进": 0.5, "#agencyx1": 0.1, "#agencyx2": 0.05}, 0.01
    )
    assert estimated_share(SearchQuery("工作推进"), stats) == 0.2
    assert estimated_share(SearchQuery("工作 量子"), stats) == pytest.approx(0.9 * 0.01)
    filtered = SearchQuery("工作", facets={"agency": ["1", "2"], "year": ["2017"]})
    assert estimated_share(filtered, stats) == pytest.approx(0.9 * 0.15 * 0.01)
    assert estimated_share(filtered, stats, frozenset({"year"})) == pytest.approx(0.9 * 0.15)


def test_a_prefix_is_left_to_the_recheck_when_its_phrase_has_other_terms():
    assert (
        text_tsquery(SearchQuery("商工信〔2017〕12号")) == "'商工' & '工信' & '信' & '2017' & '12'"
    )
    assert text_tsquery(SearchQuery("号")) == "'号':*"
    assert text_tsquery(SearchQuery("gb116 号")) == "'gb116':* & '号':*"


def test_common_terms_are_left_to_the_recheck_but_never_the_filters():
    share = {"监督": 0.9, "督管": 0.8, "管理": 0.95, "人口": 0.6, "口监": 0.02}.get
    common = SearchQuery("监督管理", facets={"agency": ["25"]})
    assert candidates_tsquery(common, lambda t: share(t, 0.0)) == "('#agencyx25')"
    assert candidates_tsquery(SearchQuery("监督管理"), lambda t: share(t, 0.0)) == "'督管'"
    both = SearchQuery("监督管理 人口监测")
    assert candidates_tsquery(both, lambda t: share(t, 0.0)) == "'口监' & '监测'"
