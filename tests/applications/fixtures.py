"""Application fixtures: made through the services, like the real thing."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.accounts.services import applicant_profile_save
from gongkai.applications import services as s
from gongkai.applications.services import (
    application_register,
    application_start,
    application_submit_online,
)
from tests.accounts.factories import UserFactory
from tests.agencies.factories import MembershipFactory

PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PERSON_ID = "11010519491231002X"


def png(name="id.png"):
    return SimpleUploadedFile(name, PNG_BYTES, content_type="image/png")


def submit_online(applicant, agency, **overrides):
    """An application the applicant submitted online: it awaits confirmation (Art. 31(3))."""
    fields = dict(
        identity_proof=png(),
        info_title="2025年工业发展专项资金拟支持项目名单",
        provision_form="electronic",
        delivery_method="email",
    )
    fields.update(overrides)
    application, code = application_submit_online(applicant=applicant, agency=agency, **fields)
    application.query_code = code
    return application


def conclude(application, clerk, reviewer, *, outcome="granted", on=dt.date(2026, 3, 20)):
    """Decide (an Art. 36 outcome), approve, serve by post and close the case on `on`."""
    application = s.application_draft_decision(
        actor=clerk,
        application=application,
        outcome=outcome,
        legal_basis="《政府信息公开条例》第三十六条",
        reasons="依法答复。",
    )
    application = s.application_approve_decision(actor=reviewer, application=application)
    application = s.application_serve(
        actor=clerk, application=application, method="post", served_on=on
    )
    return s.application_close(actor=clerk, application=application, closed_on=on)


def register(actor, agency, *, received=dt.date(2026, 3, 2), **overrides):
    fields = dict(
        channel="in_person",
        submitted_on=received,
        applicant_type="natural_person",
        applicant_id_type="resident_id",
        applicant_name="张三",
        applicant_identifier=PERSON_ID,
        contact_phone="13800000001",
        info_title="2025年工业发展专项资金拟支持项目名单",
        provision_form="electronic",
        delivery_method="email",
    )
    fields.update(overrides)
    application, code = application_register(actor=actor, agency=agency, **fields)
    application.query_code = code
    return application


@pytest.fixture
def reviewer_a(dept_a):
    return MembershipFactory(agency=dept_a, role="reviewer").user


@pytest.fixture
def head_a(dept_a):
    return MembershipFactory(agency=dept_a, role="head").user


@pytest.fixture
def applicant_user(db):
    user = UserFactory()
    applicant_profile_save(
        user=user,
        kind="person",
        person_name="李明",
        id_type="resident_id",
        id_number=PERSON_ID,
        contact_phone="13800000009",
        address="河南省商丘市文化路1号",
    )
    return user


@pytest.fixture
def in_progress(clerk_a, dept_a):
    return application_start(actor=clerk_a, application=register(clerk_a, dept_a))
