"""Fixtures of the facts tests: default field values per record kind and small helpers."""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine

from gongkai.facts import services as s
from tests.agencies.factories import MembershipFactory

DEFAULTS = {
    "bodies": {"name": "信息公开办公室", "established_on": dt.date(2015, 1, 5)},
    "reading-points": {
        "name": "政府信息公开查阅点",
        "address": "测试市人民路1号",
        "opened_on": dt.date(2015, 1, 5),
    },
    "staff": {
        "person_name": "张敏",
        "position": "信息公开专职工作人员",
        "full_time": True,
        "started_on": dt.date(2015, 1, 5),
    },
    "budgets": {
        "year": 2024,
        "amount": Decimal("1.5"),
        "purpose": "信息公开专栏建设",
        "dedicated": True,
    },
    "meetings": {
        "held_on": dt.date(2024, 3, 12),
        "topic": "政务公开工作部署会议",
        "kind": "work",
        "attendees": 20,
    },
    "trainings": {
        "held_on": dt.date(2024, 6, 18),
        "topic": "条例专题培训",
        "organiser": "测试市甲局办公室",
        "hosted": True,
        "trainees": 30,
    },
}


def record(actor, agency, slug, /, **overrides):
    return s.record_create(actor=actor, agency=agency, kind=slug, values=DEFAULTS[slug] | overrides)


def staff(actor, agency, name, full_time, start, end=None, position="信息公开工作人员"):
    return record(
        actor,
        agency,
        "staff",
        person_name=name,
        full_time=full_time,
        started_on=start,
        ended_on=end,
        position=position,
    )


@pytest.fixture
def facts_clerk_b(dept_b):
    return MembershipFactory(agency=dept_b, role="clerk").user


@pytest.fixture
def facts_reviewer_a(dept_a):
    return MembershipFactory(agency=dept_a, role="reviewer").user


TODAY = dt.datetime(2026, 11, 27, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture
def facts_today():
    """Freeze the clock on 2026-11-27 (the demo's today): 2026 is the current year."""
    with time_machine.travel(TODAY, tick=False):
        yield TODAY.date()
