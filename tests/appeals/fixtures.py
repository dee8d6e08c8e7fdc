"""Fixtures of the appeals tests: cases made through the services, like the real thing."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.appeals import services as s
from tests.agencies.factories import MembershipFactory

PDF_BYTES = b"%PDF-1.4\n%%EOF\n"


def pdf(name="复议决定书.pdf"):
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def record(actor, agency, **overrides):
    """An open reconsideration filed on 2026-03-02, unless told otherwise."""
    fields = dict(
        kind="reconsideration",
        appellant_name="张三",
        reviewing_body="测试市人民政府",
        case_number="",
        filed_on=dt.date(2026, 3, 2),
        summary="申请人不服不予公开的答复，申请行政复议。",
    )
    fields.update(overrides)
    return s.appeal_create(actor=actor, agency=agency, **fields)


def closed(actor, agency, outcome="upheld", closed_on=dt.date(2026, 5, 6), **overrides):
    return record(actor, agency, outcome=outcome, closed_on=closed_on, **overrides)


@pytest.fixture
def open_case(clerk_a, dept_a):
    return record(clerk_a, dept_a, case_number="测政复〔2026〕1号")


@pytest.fixture
def closed_case(clerk_a, dept_a):
    return closed(clerk_a, dept_a, case_number="测政复〔2026〕2号")


@pytest.fixture
def appeals_reviewer_a(dept_a):
    return MembershipFactory(agency=dept_a, role="reviewer").user


@pytest.fixture
def appeals_clerk_b(dept_b):
    return MembershipFactory(agency=dept_b, role="clerk").user
