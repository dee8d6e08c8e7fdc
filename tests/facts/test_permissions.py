"""Who may do what with an agency's yearly facts: one policy (facts.permissions.POLICY). Clerks
enter records and figures, administrators lock and unlock years, supervisors and reviewers read;
a refusal in an agency the user cannot see is a 404, in one they can see a 403."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from gongkai.facts import services as s
from gongkai.facts.permissions import POLICY
from tests.agencies.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def test_a_clerk_enters_records_and_figures_but_does_not_lock(clerk_a, dept_a):
    assert POLICY.allows(clerk_a, "record", dept_a) and POLICY.allows(clerk_a, "figures", dept_a)
    assert not POLICY.allows(clerk_a, "lock", dept_a)
    assert not POLICY.allows(clerk_a, "unlock", dept_a)


def test_an_administrator_locks_and_unlocks(admin_a, dept_a):
    assert POLICY.allows(admin_a, "lock", dept_a) and POLICY.allows(admin_a, "unlock", dept_a)


def test_a_supervisor_reads_the_subtree_but_writes_nothing(supervisor, dept_a):
    assert POLICY.can_view(supervisor, dept_a)
    assert not any(POLICY.allows(supervisor, a, dept_a) for a in POLICY.rules)


def test_a_reviewer_reads_only(dept_a):
    reviewer = MembershipFactory(agency=dept_a, role="reviewer").user
    assert POLICY.can_view(reviewer, dept_a) and not POLICY.allows(reviewer, "record", dept_a)


def test_staff_of_another_agency_are_not_told_it_exists(dept_b, admin_a):
    with pytest.raises(Http404):
        s.year_lock(actor=admin_a, agency=dept_b, year=2024)


def test_a_visible_agency_without_the_role_is_a_403(supervisor, dept_a):
    with pytest.raises(PermissionDenied):
        s.year_lock(actor=supervisor, agency=dept_a, year=2024)
