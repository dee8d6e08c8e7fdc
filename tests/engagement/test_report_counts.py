"""The annual report's figures: table 二、回应解读情况 of the 2016–2018 统计表 and the
consultation counts, by agency ids (a city rolls up its subtree) and year."""

import datetime as dt

import pytest

from gongkai.catalog.models import Item
from gongkai.engagement import selectors as sel
from gongkai.engagement import services as s
from tests.catalog.fixtures import published as published_item
from tests.engagement.fixtures import AFTER, DURING, draft, frozen, shanghai, submit

pytestmark = pytest.mark.django_db


def respond(actor, agency, kind, day, leader=False):
    with frozen(shanghai(2026, 12, 31)):
        return s.response_record(
            actor=actor,
            agency=agency,
            kind=kind,
            topic=f"{kind} {day}",
            held_on=day,
            principal_leader_took_part=leader,
        )


@pytest.fixture
def responses_2026(clerk_a, dept_a):
    day = dt.date(2026, 5, 1)
    respond(clerk_a, dept_a, "press_conference", day, leader=True)
    respond(clerk_a, dept_a, "press_conference", day)
    respond(clerk_a, dept_a, "online_interview", day, leader=True)
    respond(clerk_a, dept_a, "hotline", day)
    respond(clerk_a, dept_a, "hot_topic", day)
    respond(clerk_a, dept_a, "weibo_weixin", day)
    respond(clerk_a, dept_a, "other", day)
    respond(clerk_a, dept_a, "hotline", dt.date(2025, 12, 31))  # another year


@pytest.fixture
def interpretation_2026(clerk_a, catalog_reviewer_a, dept_a):
    with frozen(shanghai(2026, 3, 20)):
        policy = published_item(clerk_a, catalog_reviewer_a, dept_a)
        return published_item(
            clerk_a,
            catalog_reviewer_a,
            dept_a,
            title="政策解读",
            interprets=policy,
            interpretation_form=Item.InterpretationForm.TEXT,
        )


def test_each_kind_counts_in_its_row_and_every_response_is_a_hotspot(
    responses_2026, interpretation_2026, dept_a
):
    assert sel.legacy_response_counts([dept_a.pk], 2026) == {
        "s2_hotspots": 8,
        "s2_pressconf": 2,
        "s2_pressconf_head": 1,
        "s2_interview": 1,
        "s2_interview_head": 1,
        "s2_interpretations": 1,
        "s2_weibo_weixin": 1,
        "s2_other": 3,  # hotline, hot topic, other
    }


def test_counts_are_by_the_day_of_the_response(responses_2026, dept_a):
    counts = sel.legacy_response_counts([dept_a.pk], 2025)
    assert counts["s2_other"] == 1 and counts["s2_hotspots"] == 1


def test_a_city_rolls_up_its_departments(responses_2026, clerk_b, dept_b, dept_a, city):
    respond(clerk_b, dept_b, "weibo_weixin", dt.date(2026, 7, 1))
    assert sel.legacy_response_counts([dept_b.pk], 2026)["s2_weibo_weixin"] == 1
    assert sel.legacy_response_counts([city.pk, dept_a.pk, dept_b.pk], 2026)["s2_weibo_weixin"] == 2


def test_an_agency_with_nothing_has_zeros(dept_b):
    assert set(sel.legacy_response_counts([dept_b.pk], 2017).values()) == {0}


def test_consultation_counts(consultation, commented, clerk_a, clerk_b, dept_a, dept_b):
    with frozen(AFTER):
        s.comment_moderate(actor=clerk_a, comment=commented["pending"], decision="publish")
        s.comment_assess(actor=clerk_a, comment=commented["published"], adoption="adopted")
        s.comment_assess(
            actor=clerk_a, comment=commented["pending"], adoption="not_adopted", reason="超出范围"
        )
        s.consultation_publish_feedback(actor=clerk_a, consultation=consultation, summary="见下。")
    assert sel.consultation_counts([dept_a.pk], 2026) == {
        "consultations": 1,
        "feedback_published": 1,
        "comments_received": 3,
        "comments_published": 2,
        "comments_hidden": 1,
        "comments_adopted": 1,
        "comments_partly_adopted": 0,
        "comments_not_adopted": 1,
    }
    assert sel.consultation_counts([dept_b.pk], 2026)["consultations"] == 0


def test_drafts_are_not_counted(clerk_a, dept_a):
    draft(clerk_a, dept_a)
    assert sel.consultation_counts([dept_a.pk], 2026)["consultations"] == 0


def test_comments_count_in_the_year_the_consultation_opened(consultation, citizen, dept_a):
    with frozen(DURING):
        submit(consultation, citizen)
    assert sel.consultation_counts([dept_a.pk], 2026)["comments_received"] == 1
    assert sel.consultation_counts([dept_a.pk], 2027)["comments_received"] == 0
