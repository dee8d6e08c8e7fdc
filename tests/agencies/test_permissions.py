"""Scope of each role: own agency for most roles, the whole subtree for supervisors."""

from gongkai.agencies.permissions import agency_ids_with, can, forget_scope
from gongkai.agencies.roles import Capability
from gongkai.agencies.selectors import agencies_visible_to
from gongkai.agencies.services import membership_grant


def test_clerk_sees_only_own_agency(clerk_a, dept_a, dept_b, city):
    assert set(agencies_visible_to(user=clerk_a)) == {dept_a}
    assert can(clerk_a, Capability.HANDLE, dept_a)
    assert not can(clerk_a, Capability.VIEW, dept_b)
    assert not can(clerk_a, Capability.VIEW, city)


def test_supervisor_sees_whole_subtree_read_only(supervisor, city, dept_a, dept_b, county_dept):
    assert set(agencies_visible_to(user=supervisor)) == {
        city,
        dept_a,
        dept_b,
        county_dept.parent,
        county_dept,
    }
    for cap in (
        Capability.HANDLE,
        Capability.REVIEW,
        Capability.ADMINISTER,
        Capability.APPROVE_EXTENSION,
    ):
        assert agency_ids_with(supervisor, cap) == frozenset()


def test_roles_in_several_agencies_combine(clerk_a, dept_a, dept_b):
    membership_grant(actor=None, agency=dept_b, user=clerk_a, role="reviewer")
    forget_scope(clerk_a)
    assert can(clerk_a, Capability.HANDLE, dept_a)
    assert not can(clerk_a, Capability.REVIEW, dept_a)
    assert can(clerk_a, Capability.REVIEW, dept_b)
    assert not can(clerk_a, Capability.HANDLE, dept_b)


def test_public_and_anonymous_users_have_no_scope(public_user, dept_a):
    from django.contrib.auth.models import AnonymousUser

    assert not can(public_user, Capability.VIEW, dept_a)
    assert not can(AnonymousUser(), Capability.VIEW, dept_a)


def test_inactive_staff_lose_their_scope(clerk_a, dept_a):
    clerk_a.is_active = False
    forget_scope(clerk_a)
    assert not can(clerk_a, Capability.VIEW, dept_a)
