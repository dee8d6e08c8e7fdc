"""Intake on every channel, receipt dates by Art. 31, numbers and query codes."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.applications.models import Application, ApplicationDocument
from gongkai.applications.services import (
    application_confirm_receipt,
    application_submit_online,
)
from gongkai.applications.services.base import hash_query_code
from gongkai.applications.states import Status
from gongkai.core.errors import DomainError
from gongkai.deadlines.models import Deadline
from tests.applications.fixtures import png, register

D = dt.date
REQUEST = {
    "info_title": "商丘市2025年技术改造项目名单",
    "provision_form": "electronic",
    "delivery_method": "download",
}


def test_in_person_application_is_received_on_the_day_submitted(clerk_a, dept_a):
    application = register(clerk_a, dept_a, received=D(2026, 3, 2))
    assert application.status == Status.RECEIVED
    assert (application.received_on, application.receipt_basis, application.regime) == (
        D(2026, 3, 2),
        "submitted",
        "2019",
    )
    reply = Deadline.objects.get(object_id=str(application.pk), kind="reply")
    assert reply.due == D(2026, 3, 30)
    assert Deadline.objects.get(object_id=str(application.pk), kind="correction_notice").due == (
        D(2026, 3, 11)
    )


def test_registered_letter_is_received_when_signed_for(clerk_a, dept_a):
    application = register(
        clerk_a, dept_a, channel="registered_mail", received=D(2026, 3, 2), signed_on=D(2026, 3, 4)
    )
    assert application.received_on == D(2026, 3, 4)


def test_ordinary_letter_waits_for_confirmation(clerk_a, dept_a):
    application = register(clerk_a, dept_a, channel="ordinary_mail")
    assert application.status == Status.SUBMITTED and application.received_on is None
    application = application_confirm_receipt(
        actor=clerk_a, application=application, confirmed_on=D(2026, 3, 3)
    )
    assert (application.status, application.received_on) == (Status.RECEIVED, D(2026, 3, 3))


def test_online_application_needs_a_profile(public_user, dept_a):
    with pytest.raises(DomainError) as info:
        application_submit_online(
            applicant=public_user, agency=dept_a, identity_proof=png(), **REQUEST
        )
    assert info.value.code == "profile_missing"
    assert not Application.objects.exists()


def test_online_application_snapshots_the_profile_and_awaits_confirmation(applicant_user, dept_a):
    application, code = application_submit_online(
        applicant=applicant_user,
        agency=dept_a,
        identity_proof=png(),
        today=D(2026, 3, 2),
        **REQUEST,
    )
    assert application.status == Status.SUBMITTED
    assert (application.applicant_name, application.applicant_type) == ("李明", "natural_person")
    assert application.documents.get().kind == ApplicationDocument.Kind.IDENTITY_PROOF
    assert len(code) == 10 and code not in application.query_code_hash
    assert application.query_code_hash == hash_query_code(application.number, code)


def test_numbers_are_sequential_per_agency_and_year(clerk_a, dept_a):
    first, second = register(clerk_a, dept_a), register(clerk_a, dept_a)
    assert first.number == "dept-a-2026-00001" and second.number == "dept-a-2026-00002"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"info_title": ""}, "info_title"),
        ({"applicant_identifier": "110105194912310021"}, "applicant_identifier"),
        (
            {"applicant_type": "commercial", "applicant_identifier": "91350100M000100Y44"},
            "applicant_identifier",
        ),
        ({"contact_phone": ""}, "contact_phone"),
        ({"provision_form": "fax"}, "provision_form"),
    ],
)
def test_bad_input_is_refused_by_field_and_nothing_saved(clerk_a, dept_a, overrides, field):
    with pytest.raises(ValidationError) as info:
        register(clerk_a, dept_a, **overrides)
    assert field in info.value.message_dict
    assert not Application.objects.exists()


@pytest.mark.parametrize(
    ("upload", "code"),
    [
        (SimpleUploadedFile("id.png", b"", content_type="image/png"), "upload_empty"),
        (SimpleUploadedFile("id.exe", b"MZ\x90\x00" * 20, content_type="image/png"), "upload_type"),
        (SimpleUploadedFile("id.pdf", b"\x89PNG\r\n\x1a\n" + b"0" * 40), "upload_extension"),
        (
            SimpleUploadedFile("big.png", b"\x89PNG\r\n\x1a\n" + b"0" * (11 * 1024 * 1024)),
            "upload_too_large",
        ),
    ],
)
def test_identity_proof_upload_is_checked(applicant_user, dept_a, upload, code):
    with pytest.raises(DomainError) as info:
        application_submit_online(
            applicant=applicant_user, agency=dept_a, identity_proof=upload, **REQUEST
        )
    assert info.value.code == code
    assert not Application.objects.exists()


def test_clerk_of_another_agency_cannot_register(clerk_a, dept_b):
    from django.http import Http404

    with pytest.raises(Http404):
        register(clerk_a, dept_b)
