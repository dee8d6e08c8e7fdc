"""Agency and membership services: permission checks and audit rows."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from gongkai.agencies.models import Membership
from gongkai.agencies.services import (
    agency_create,
    agency_update,
    membership_grant,
    membership_revoke,
)
from gongkai.core.errors import DomainError
from gongkai.core.models import AuditEvent


def test_agency_admin_may_change_office_facts(admin_a, dept_a):
    agency_update(actor=admin_a, agency=dept_a, office_email="gk@example.cn")
    dept_a.refresh_from_db()
    assert dept_a.office_email == "gk@example.cn"


def test_agency_admin_may_not_rename_the_agency(admin_a, dept_a):
    with pytest.raises(PermissionDenied):
        agency_update(actor=admin_a, agency=dept_a, name="改名")


def test_clerk_may_not_change_agency(clerk_a, dept_a):
    with pytest.raises(PermissionDenied):
        agency_update(actor=clerk_a, agency=dept_a, office_phone="1")


def test_other_agency_admin_gets_not_found(admin_b, dept_a):
    with pytest.raises(Http404):
        agency_update(actor=admin_b, agency=dept_a, office_phone="0370-1")


def test_supervisor_cannot_write(supervisor, dept_a):
    with pytest.raises(PermissionDenied):
        agency_update(actor=supervisor, agency=dept_a, office_phone="0370-1")


def test_only_platform_admins_create_agencies(admin_a, dept_a):
    with pytest.raises(PermissionDenied):
        agency_create(
            actor=admin_a, parent=dept_a, code="x1", name="新机关", level="city", kind="department"
        )


def test_invalid_office_email_is_refused_and_nothing_saved(admin_a, dept_a):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        agency_update(actor=admin_a, agency=dept_a, office_email="not-an-email")
    dept_a.refresh_from_db()
    assert dept_a.office_email == ""


def test_grant_and_revoke_are_audited(admin_a, dept_a, public_user):
    membership = membership_grant(actor=admin_a, agency=dept_a, user=public_user, role="clerk")
    membership_revoke(actor=admin_a, membership=membership)
    actions = list(
        AuditEvent.objects.filter(agency=dept_a, action__startswith="membership.")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions[-2:] == ["membership.grant", "membership.revoke"]
    assert not Membership.objects.filter(user=public_user).exists()


def test_duplicate_grant_is_a_clear_error(admin_a, dept_a, clerk_a):
    with pytest.raises(DomainError) as info:
        membership_grant(actor=admin_a, agency=dept_a, user=clerk_a, role="clerk")
    assert info.value.code == "membership_exists"


def test_admin_cannot_revoke_own_admin_role(admin_a, dept_a):
    own = Membership.objects.get(user=admin_a, agency=dept_a, role="admin")
    with pytest.raises(PermissionDenied) as info:
        membership_revoke(actor=admin_a, membership=own)
    assert str(info.value) == "不能撤销自己的岗位，请由其他管理员办理。"
    assert Membership.objects.filter(pk=own.pk).exists()
