"""Fixtures of the powerlists tests: content of a plausible item and small helpers."""

import datetime as dt

import pytest

from gongkai.powerlists import services as s
from tests.agencies.factories import MembershipFactory

LISTED_ON = dt.date(2015, 12, 20)


def content(**overrides) -> dict:
    fields = {
        "power_type": "licensing",
        "name": "固定资产投资项目节能审查",
        "legal_basis": "《中华人民共和国节约能源法》第十五条",
        "responsible_unit": "节能与综合利用科",
        "process": "受理—审查—决定—送达",
        "responsibilities": "受理责任；审查责任；决定责任；送达责任；事后监管责任。",
        "accountability": "对符合法定条件的申请不予受理的。",
        "supervision": "监督电话：0370-3260000",
    }
    fields.update(overrides)
    return fields


def adjustment(on=LISTED_ON, **overrides) -> dict:
    fields = {
        "effective_on": on,
        "reason": "公布权力清单和责任清单",
        "document": "商政〔2015〕50号",
    }
    fields.update(overrides)
    return fields


def add(actor, agency, on=LISTED_ON, **overrides):
    code = overrides.pop("code", "")
    return s.power_item_add(
        actor=actor, agency=agency, code=code, **adjustment(on), **content(**overrides)
    )


@pytest.fixture
def powerlist_reviewer_a(dept_a):
    return MembershipFactory(agency=dept_a, role="reviewer").user


@pytest.fixture
def powerlist_clerk_b(dept_b):
    return MembershipFactory(agency=dept_b, role="clerk").user
