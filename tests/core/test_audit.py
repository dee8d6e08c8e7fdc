"""The audit trail: one helper, append-only in Python and in the database."""

import pytest
from django.db import DatabaseError, connection, transaction

from gongkai.agencies.services import agency_update
from gongkai.core.audit import audit_record, diff, snapshot
from gongkai.core.models import AuditEvent
from gongkai.core.selectors import audit_history


def test_service_change_records_actor_agency_old_new_and_ip(rf, dept_a, admin_a):
    from gongkai.core.middleware import RequestContextMiddleware

    request = rf.post("/", REMOTE_ADDR="203.0.113.7")

    def view(_request):
        agency_update(actor=admin_a, agency=dept_a, office_phone="0370-1234567")
        return None

    RequestContextMiddleware(view)(request)
    event = audit_history(obj=dept_a).first()
    assert event.action == "agency.update"
    assert event.actor == admin_a
    assert event.actor_repr == admin_a.username
    assert event.agency == dept_a
    assert event.changes == {"office_phone": ["", "0370-1234567"]}
    assert event.ip == "203.0.113.7"


def test_unchanged_values_write_no_row(dept_a, admin_a):
    before = AuditEvent.objects.count()
    agency_update(actor=admin_a, agency=dept_a, short_name=dept_a.short_name)
    assert AuditEvent.objects.count() == before


def test_system_actions_are_attributed_to_the_system(dept_a):
    event = audit_record(actor=None, action="test.system", obj=dept_a)
    assert event.actor is None
    assert event.actor_repr == "系统"


def test_diff_lists_only_changed_fields(dept_a):
    before = snapshot(dept_a, ["name", "short_name"])
    dept_a.short_name = "甲"
    assert diff(before, snapshot(dept_a, ["name", "short_name"])) == {"short_name": ["", "甲"]}


def test_rows_cannot_be_changed_or_deleted_through_the_orm(dept_a):
    event = audit_record(actor=None, action="test", obj=dept_a)
    event.note = "tampered"
    with pytest.raises(TypeError):
        event.save()
    with pytest.raises(TypeError):
        event.delete()
    with pytest.raises(TypeError):
        AuditEvent.objects.filter(pk=event.pk).update(note="tampered")
    with pytest.raises(TypeError):
        AuditEvent.objects.filter(pk=event.pk).delete()


def test_database_refuses_update_even_in_raw_sql(dept_a):
    event = audit_record(actor=None, action="test", obj=dept_a)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE core_auditevent SET note = 'x' WHERE id = %s", [event.pk])
    assert AuditEvent.objects.get(pk=event.pk).note == ""


@pytest.mark.skipif(connection.vendor != "postgresql", reason="DELETE trigger is PostgreSQL-only")
def test_postgresql_refuses_delete_in_raw_sql(dept_a):
    event = audit_record(actor=None, action="test", obj=dept_a)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM core_auditevent WHERE id = %s", [event.pk])
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_admin_offers_no_add_change_or_delete(admin_client, dept_a):
    event = audit_record(actor=None, action="test", obj=dept_a)
    assert admin_client.get("/admin/core/auditevent/add/").status_code == 403
    response = admin_client.post(f"/admin/core/auditevent/{event.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    assert AuditEvent.objects.filter(pk=event.pk).exists()
