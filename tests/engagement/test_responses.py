"""Responses to public concerns: dated records, the principal-leader flag where the table has
it, corrections and removals kept in the audit trail."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.http import Http404

from gongkai.core.errors import DomainError
from gongkai.core.models import AuditEvent
from gongkai.engagement import services as s
from gongkai.engagement.models import ConcernResponse
from tests.catalog.fixtures import draft as draft_item
from tests.engagement.fixtures import frozen, shanghai

pytestmark = pytest.mark.django_db


def record(actor, agency, **overrides):
    fields = {
        "kind": "press_conference",
        "topic": "2026年一季度工业经济运行情况新闻发布会",
        "held_on": dt.date(2026, 4, 14),
        "participants": "局长 王伟、新闻发言人",
        "principal_leader_took_part": True,
        "link": "https://www.example.gov.cn/fbh/2026-04-14.html",
        "transcript": "介绍了一季度工业经济运行情况。",
    }
    fields.update(overrides)
    with frozen(shanghai(2026, 4, 20)):
        return s.response_record(actor=actor, agency=agency, **fields)


def test_a_response_is_recorded_with_its_details(clerk_a, dept_a):
    response = record(clerk_a, dept_a)
    assert response.get_kind_display() == "新闻发布会" and response.principal_leader_took_part
    assert response.recorded_by == clerk_a
    assert AuditEvent.objects.filter(action="engagement.response_record").count() == 1


def test_the_leader_flag_is_only_for_press_conferences_and_interviews(clerk_a, dept_a):
    with pytest.raises(DomainError) as refused:
        record(clerk_a, dept_a, kind="hotline")
    assert refused.value.field == "principal_leader_took_part"
    assert record(clerk_a, dept_a, kind="online_interview").principal_leader_took_part


def test_the_database_refuses_the_leader_flag_on_a_hotline(clerk_a, dept_a):
    response = record(clerk_a, dept_a, kind="hotline", principal_leader_took_part=False)
    with pytest.raises(IntegrityError):
        ConcernResponse.objects.filter(pk=response.pk).update(principal_leader_took_part=True)


def test_a_response_cannot_be_dated_in_the_future(clerk_a, dept_a):
    with pytest.raises(DomainError) as refused:
        record(clerk_a, dept_a, held_on=dt.date(2026, 4, 21))
    assert refused.value.code == "held_in_future"


def test_the_related_item_must_be_a_published_item_of_the_agency(clerk_a, dept_a):
    unpublished = draft_item(clerk_a, dept_a)
    with pytest.raises(DomainError) as refused:
        record(clerk_a, dept_a, item=unpublished)
    assert refused.value.field == "item"


def test_a_correction_is_audited(clerk_a, dept_a):
    response = record(clerk_a, dept_a)
    with frozen(shanghai(2026, 4, 20)):
        s.response_update(actor=clerk_a, response=response, held_on=dt.date(2026, 4, 15))
    audit = AuditEvent.objects.get(action="engagement.response_edit")
    assert audit.changes == {"held_on": ["2026-04-14", "2026-04-15"]}


def test_switching_a_press_conference_to_a_hotline_needs_the_flag_cleared(clerk_a, dept_a):
    response = record(clerk_a, dept_a)
    with pytest.raises(DomainError):
        s.response_update(actor=clerk_a, response=response, kind="hotline")
    s.response_update(
        actor=clerk_a, response=response, kind="hotline", principal_leader_took_part=False
    )
    response.refresh_from_db()
    assert response.kind == "hotline"


def test_deleting_needs_a_reason_and_leaves_the_record_in_the_audit(clerk_a, dept_a):
    response = record(clerk_a, dept_a)
    with pytest.raises(DomainError):
        s.response_delete(actor=clerk_a, response=response, reason="")
    s.response_delete(actor=clerk_a, response=response, reason="重复录入")
    assert not ConcernResponse.objects.exists()
    audit = AuditEvent.objects.get(action="engagement.response_delete")
    assert audit.note == "重复录入" and audit.changes["topic"][0] == response.topic


def test_only_handling_staff_of_the_agency_record(dept_a, clerk_b, supervisor):
    with pytest.raises(Http404):
        record(clerk_b, dept_a)
    with pytest.raises(PermissionDenied):
        record(supervisor, dept_a)
