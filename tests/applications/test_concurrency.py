"""Two reviewers approving the same decision at once: exactly one succeeds (PostgreSQL, real
concurrent transactions; SQLite serialises writers, so the race cannot be staged there)."""

import threading

import pytest
from django.db import connection, connections

from gongkai.applications import services as s
from gongkai.applications.models import Application
from gongkai.core.errors import InvalidTransition
from gongkai.core.models import StatusChange
from tests.agencies.factories import MembershipFactory
from tests.applications.fixtures import register

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks"),
]


def test_two_reviewers_approve_at_once_exactly_one_succeeds(dept_a, clerk_a):
    reviewers = [MembershipFactory(agency=dept_a, role="reviewer").user for _ in range(2)]
    application = s.application_start(actor=clerk_a, application=register(clerk_a, dept_a))
    application = s.application_draft_decision(
        actor=clerk_a, application=application, outcome="granted", legal_basis="第三十六条"
    )
    barrier = threading.Barrier(2)
    results: list = []

    def approve(reviewer):
        try:
            barrier.wait()
            s.application_approve_decision(actor=reviewer, application=application)
            results.append("ok")
        except InvalidTransition:
            results.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=approve, args=(r,)) for r in reviewers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(results) == ["ok", "refused"]
    assert (
        StatusChange.objects.filter(application=application, action="approve_decision").count() == 1
    )
    assert Application.objects.get(pk=application.pk).approved_by in reviewers
