"""The demo: the seed agency's 2017 回应解读 figures exactly, its two consultations, and
consistent records for the other demo agencies. Loaded once for the module, after the
agencies, accounts and catalogue demos (rolled back at the end)."""

import datetime as dt

import pytest
from django.db import transaction

from gongkai.agencies.models import Agency
from gongkai.demo.accounts import load_public_users, load_staff_users
from gongkai.demo.agencies import load_agencies
from gongkai.demo.catalog import load_catalog
from gongkai.demo.data.agencies import SEED_AGENCY_CODE
from gongkai.demo.engagement import load_demo
from gongkai.engagement import selectors as sel
from gongkai.engagement.models import Comment, ConcernResponse, Consultation


class _Rollback(Exception):
    pass


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        try:
            with transaction.atomic():
                agencies = load_agencies()
                load_staff_users(agencies)
                load_public_users()
                load_catalog()
                yield load_demo()
                raise _Rollback
        except _Rollback:
            pass


@pytest.fixture
def gxw(demo, db):
    return Agency.objects.get(code=SEED_AGENCY_CODE)


def test_seed_2017_response_table_is_exactly_the_reports(gxw):
    assert sel.legacy_response_counts([gxw.pk], 2017) == {
        "s2_hotspots": 4,
        "s2_pressconf": 0,
        "s2_pressconf_head": 0,
        "s2_interview": 0,
        "s2_interview_head": 0,
        "s2_interpretations": 2,
        "s2_weibo_weixin": 0,
        "s2_other": 2,
    }


def test_seed_2017_responses_are_the_directors_two_hotline_appearances(gxw):
    hotlines = ConcernResponse.objects.filter(agency=gxw, held_on__year=2017).order_by("held_on")
    assert [r.held_on for r in hotlines] == [dt.date(2017, 4, 14), dt.date(2017, 8, 14)]
    assert {r.kind for r in hotlines} == {"hotline"}
    assert all("刘明亮" in r.participants and "行风热线" in r.topic for r in hotlines)
    # Linked to the catalogue's reports of them.
    assert all(r.item is not None and "行风热线" in r.item.title for r in hotlines)


def test_seed_2017_consultations_are_the_two_the_report_names(gxw):
    consultations = Consultation.objects.filter(agency=gxw, opens_on__year=2017)
    titles = sorted(c.title for c in consultations)
    assert len(titles) == 2
    assert titles[0].startswith("关于征集市级领导与企业家座谈会参会企业的公告")
    assert titles[1].startswith("关于支持工业企业开展大众创业万众创新的实施意见")
    assert {c.status for c in consultations} == {"feedback_published"}
    assert sel.consultation_counts([gxw.pk], 2017) == {
        "consultations": 2,
        "feedback_published": 2,
        "comments_received": 8,
        "comments_published": 7,
        "comments_hidden": 1,
        "comments_adopted": 4,
        "comments_partly_adopted": 2,
        "comments_not_adopted": 1,
    }


def test_seed_2017_comments_fall_inside_their_windows(gxw):
    for comment in Comment.objects.filter(consultation__agency=gxw, submitted_at__year=2017):
        day = comment.submitted_at.astimezone(dt.timezone(dt.timedelta(hours=8))).date()
        assert comment.consultation.opens_on <= day <= comment.consultation.closes_on


def test_other_agencies_have_consultations_linked_to_their_final_decisions(demo, db):
    linked = Consultation.objects.filter(final_decision__isnull=False).select_related(
        "final_decision"
    )
    assert linked.count() == demo["decisions_linked"] > 40
    for consultation in linked:
        decision = consultation.final_decision
        assert decision.agency_id == consultation.agency_id
        assert decision.created_on > consultation.closes_on
        assert sel.consultation_for_item(decision) == consultation


def test_every_demo_agency_responds_every_year_from_2019(demo, db):
    for code in ["411400", "411400-czj", "411400-jyj", "411400-hbj", "411403", "411403-jyj"]:
        agency = Agency.objects.get(code=code)
        for year in range(2019, 2027):
            assert sel.legacy_response_counts([agency.pk], year)["s2_hotspots"] > 0


def test_the_seed_agency_has_an_open_consultation_in_november_2026(gxw):
    current = Consultation.objects.get(agency=gxw, opens_on=dt.date(2026, 11, 16))
    assert current.phase(dt.date(2026, 11, 27)) == "open"
    assert current.comments.filter(status="pending").count() == 1
    assert Consultation.objects.filter(agency=gxw, status="draft").count() == 1


def test_loading_twice_adds_nothing(demo, db):
    before = (Consultation.objects.count(), Comment.objects.count())
    assert set(load_demo().values()) == {0}
    assert (Consultation.objects.count(), Comment.objects.count()) == before
