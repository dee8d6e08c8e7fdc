"""The demo catalogue: the seed agency's 2017 figures exactly, and plausible catalogues for the
other demo agencies in 2019–2026. Loaded once for the module (rolled back at the end)."""

from collections import Counter

import pytest
from django.db import transaction

from gongkai.catalog.models import ChannelRecord, Item, NormativeRecord
from gongkai.catalog.states import ItemStatus
from gongkai.demo.catalog import load_catalog
from gongkai.demo.data.agencies import SEED_AGENCY_CODE
from gongkai.search.backends import SearchQuery, get_backend


class _Rollback(Exception):
    pass


@pytest.fixture(scope="module")
def demo_catalog(django_db_setup, django_db_blocker):
    """Load once, inside a transaction that is rolled back after the module's tests (each
    test's own transaction nests inside it as a savepoint)."""
    with django_db_blocker.unblock():
        try:
            with transaction.atomic():
                counts = load_catalog()
                yield counts
                raise _Rollback
        except _Rollback:
            pass


@pytest.fixture
def seed_2017(demo_catalog, db):
    return Item.objects.filter(
        agency__code=SEED_AGENCY_CODE,
        status=ItemStatus.PUBLISHED,
        disclosure=Item.Disclosure.ACTIVE,
        published_at__year=2017,
    )


def test_seed_agency_published_exactly_395_items_in_2017(seed_2017):
    assert seed_2017.count() == 395
    assert not Item.objects.filter(
        agency__code=SEED_AGENCY_CODE, created_on__year=2017, status=ItemStatus.DRAFT
    ).exists()


def test_seed_channels_are_77_52_53_and_213_others(seed_2017):
    records = ChannelRecord.objects.filter(item__in=seed_2017)
    assert records.count() == 395  # one channel each
    by_channel = Counter(records.values_list("channel", flat=True))
    assert by_channel["portal"] == 77
    assert by_channel["weibo"] == 52
    assert by_channel["wechat"] == 53
    assert by_channel["gazette"] == 0
    others = sum(n for c, n in by_channel.items() if c not in {"portal", "weibo", "wechat"})
    assert others == 213
    assert by_channel["agency_website"] == 200 and by_channel["media"] == 13
    assert all(r.published_on.year == 2017 for r in records)


def test_seed_had_no_normative_documents_in_2017(seed_2017):
    assert not NormativeRecord.objects.filter(
        item__agency__code=SEED_AGENCY_CODE, issued_on__year=2017
    ).exists()
    assert not seed_2017.filter(normative__isnull=False).exists()


def test_seed_published_two_interpretations_in_2017(seed_2017):
    text, graphic = sorted(seed_2017.filter(interprets__isnull=False), key=lambda i: i.published_at)
    assert text.interpretation_form == Item.InterpretationForm.TEXT
    assert text.published_at.month == 5
    assert "大众创业万众创新" in text.title
    assert text.interprets.doc_number == "商企服〔2017〕6号"
    assert text.interprets.agency.code == SEED_AGENCY_CODE
    assert text.interprets in seed_2017  # the policy is one of the 395
    assert graphic.interpretation_form == Item.InterpretationForm.GRAPHIC
    assert graphic.published_at.month == 12
    assert graphic.interprets.title == "商丘市人民政府办公室关于促进酒业健康发展的意见"
    assert graphic.interprets.agency.code == "411400"
    assert graphic.channels.get().channel == "portal"


def test_about_a_third_of_the_seed_items_have_a_document_number(seed_2017):
    numbered = seed_2017.exclude(doc_number="").count()
    assert 100 <= numbered <= 165
    assert seed_2017.filter(doc_number__startswith="商工信〔2017〕").exists()


def test_every_item_has_a_statutory_topic_and_genre_category(seed_2017):
    for item in seed_2017.prefetch_related("categories")[:50]:
        assert {c.facet for c in item.categories.all()} == {"statutory", "topic", "genre"}
    assert len(set(seed_2017.values_list("index_number", flat=True))) == 395


def test_items_are_found_by_search(seed_2017):
    backend = get_backend()
    liquor = backend.search(SearchQuery("酒业", limit=100))
    ids = set(liquor.doc_ids)
    graphic = seed_2017.get(interprets__isnull=False, interpretation_form="graphic")
    assert {graphic.pk, graphic.interprets_id} <= ids
    seed = graphic.agency
    smart = backend.search(
        SearchQuery("智能车间", facets={"agency": [str(seed.pk)], "year": ["2017"]})
    )
    assert smart.total >= 2
    assert set(smart.doc_ids) <= set(seed_2017.values_list("pk", flat=True))
    # A city search covers its departments' items.
    city = backend.search(SearchQuery("部门预算", facets={"agency": [str(seed.parent_id)]}))
    assert city.total >= 8


def test_other_agencies_have_plausible_catalogues_for_2019_to_2026(demo_catalog, db):
    later = Item.objects.filter(created_on__year__gte=2019)
    agencies = set(later.values_list("agency__code", flat=True))
    assert {"411400", "411400-czj", "411400-jyj", "411400-hbj", "411403"} <= agencies
    per_year = Counter(
        later.filter(status=ItemStatus.PUBLISHED).values_list("agency__code", "published_at__year")
    )
    assert set(per_year) >= {("411400-czj", year) for year in range(2019, 2027)}
    assert all(25 <= n <= 90 for n in per_year.values())
    assert not later.filter(published_at__date__gt="2026-11-20").exists()
    normative = NormativeRecord.objects.filter(issued_on__year__gte=2019)
    assert normative.count() >= 30
    abolished = Item.objects.filter(validity=Item.Validity.ABOLISHED, normative__isnull=False)
    assert abolished.exists()
    assert not abolished.filter(normative__abolished_on=None).exists()
    assert later.filter(interprets__isnull=False).count() >= 20
    withheld = later.exclude(disclosure=Item.Disclosure.ACTIVE)
    assert withheld.exists() and not withheld.filter(non_disclosure_reason="").exists()
    assert not withheld.exclude(status=ItemStatus.DRAFT).exists()
    drafts = Item.objects.filter(status=ItemStatus.DRAFT, disclosure=Item.Disclosure.ACTIVE)
    assert drafts.exists() and not drafts.exclude(created_on__gte="2026-11-01").exists()
    assert ChannelRecord.objects.filter(channel="gazette").exists()
    assert Item.objects.filter(attachments__isnull=False).exists()


def test_counts_are_returned_and_a_second_run_loads_nothing(demo_catalog, db):
    assert demo_catalog["items"] == Item.objects.count()
    assert demo_catalog["published"] == Item.objects.filter(status=ItemStatus.PUBLISHED).count()
    before = (Item.objects.count(), ChannelRecord.objects.count())
    again = load_catalog()
    assert set(again.values()) == {0}
    assert (Item.objects.count(), ChannelRecord.objects.count()) == before


def test_every_demo_agency_with_complete_office_facts_has_a_guide(demo_catalog, db):
    from gongkai.catalog.models import GuideVersion

    guide = GuideVersion.objects.get(agency__code="411400-gxw")
    assert guide.version == 1 and "0370-3260000" in guide.rendered
