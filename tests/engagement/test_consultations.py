"""Drafting and publishing a consultation: what a draft needs, and that its text is frozen
once the public can read it."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.http import Http404

from gongkai.core.errors import DomainError, InvalidTransition
from gongkai.core.models import AuditEvent
from gongkai.engagement import services as s
from gongkai.engagement.models import Consultation
from tests.engagement.fixtures import draft, frozen, png, shanghai

pytestmark = pytest.mark.django_db


def test_a_draft_needs_a_title(clerk_a, dept_a):
    with pytest.raises(DomainError) as refused:
        draft(clerk_a, dept_a, title="   ")
    assert refused.value.field == "title"
    assert not Consultation.objects.exists()


def test_the_window_cannot_close_before_it_opens(clerk_a, dept_a):
    with pytest.raises(DomainError) as refused:
        draft(clerk_a, dept_a, opens_on=dt.date(2026, 3, 10), closes_on=dt.date(2026, 3, 9))
    assert (refused.value.code, refused.value.field) == ("window_reversed", "closes_on")


def test_the_database_refuses_a_reversed_window(clerk_a, dept_a):
    consultation = draft(clerk_a, dept_a)
    with pytest.raises(IntegrityError):
        Consultation.objects.filter(pk=consultation.pk).update(opens_on=dt.date(2026, 5, 1))


def test_the_draft_text_is_sanitised(clerk_a, dept_a):
    consultation = draft(
        clerk_a, dept_a, draft_text='<p onclick="x()">第一条</p><script>x()</script>'
    )
    assert consultation.draft_text == "<p>第一条</p>"


def test_publishing_needs_background_basis_and_text(clerk_a, dept_a):
    for missing in ("background", "basis", "draft_text"):
        consultation = draft(clerk_a, dept_a, **{missing: ""})
        with frozen(shanghai(2026, 3, 1)), pytest.raises(DomainError) as refused:
            s.consultation_publish(actor=clerk_a, consultation=consultation)
        assert refused.value.field == missing


def test_an_attachment_can_stand_in_for_the_draft_text(clerk_a, dept_a):
    consultation = draft(clerk_a, dept_a, draft_text="")
    s.consultation_attach(actor=clerk_a, consultation=consultation, file=png("草案.png"))
    with frozen(shanghai(2026, 3, 1)):
        s.consultation_publish(actor=clerk_a, consultation=consultation)
    assert consultation.attachments.get().title == "草案.png"


def test_a_window_that_has_already_started_cannot_be_published(clerk_a, dept_a):
    consultation = draft(clerk_a, dept_a)
    with frozen(shanghai(2026, 3, 5)), pytest.raises(DomainError) as refused:
        s.consultation_publish(actor=clerk_a, consultation=consultation)
    assert refused.value.code == "opens_in_past"
    consultation.refresh_from_db()
    assert consultation.status == "draft"


def test_publishing_is_dated_and_audited(clerk_a, dept_a):
    consultation = draft(clerk_a, dept_a)
    with frozen(shanghai(2026, 3, 1, 9)):
        s.consultation_publish(actor=clerk_a, consultation=consultation)
    consultation.refresh_from_db()
    assert consultation.status == "published"
    assert consultation.published_at == shanghai(2026, 3, 1, 9)
    audit = AuditEvent.objects.get(action="engagement.publish", object_id=str(consultation.pk))
    assert audit.changes["status"] == ["draft", "published"] and audit.actor == clerk_a


def test_the_text_is_frozen_once_published(consultation, clerk_a):
    with frozen(shanghai(2026, 3, 1, 10)), pytest.raises(InvalidTransition):
        s.consultation_update(actor=clerk_a, consultation=consultation, title="新标题")
    with pytest.raises(InvalidTransition):
        s.consultation_attach(actor=clerk_a, consultation=consultation, file=png())


def test_only_handling_staff_of_the_agency_draft(dept_a, clerk_b, supervisor, public_user):
    with pytest.raises(Http404):
        draft(clerk_b, dept_a)
    with pytest.raises(PermissionDenied):
        draft(supervisor, dept_a)
    with pytest.raises(Http404):
        draft(public_user, dept_a)
    assert not Consultation.objects.exists()
