"""The year lock: once a year's report is final, nothing that year shows may change — not a
figure, not a meeting, not a staff post counted at its end — until an administrator unlocks it."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from gongkai.core.errors import DomainError
from gongkai.core.models import AuditEvent
from gongkai.facts import selectors as sel
from gongkai.facts import services as s
from gongkai.facts.models import Meeting, OtherSystemFigure, YearLock
from tests.facts.fixtures import record, staff

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("facts_today")]

D = dt.date


def locked_out(call, *args, **kwargs) -> DomainError:
    with pytest.raises(DomainError) as caught:
        call(*args, **kwargs)
    assert caught.value.code == "year_locked"
    return caught.value


@pytest.fixture
def locked_2024(admin_a, dept_a):
    return s.year_lock(actor=admin_a, agency=dept_a, year=2024)


def test_an_administrator_locks_a_year_and_it_is_audited(admin_a, dept_a, locked_2024):
    assert sel.is_locked(dept_a, 2024) and not sel.is_locked(dept_a, 2023)
    assert locked_2024.locked_by == admin_a and locked_2024.reason == "年度报告已定稿"
    assert AuditEvent.objects.filter(action="facts.year_lock", agency=dept_a).count() == 1


def test_locking_a_locked_year_again_changes_nothing(admin_a, dept_a, locked_2024):
    again = s.year_lock(actor=admin_a, agency=dept_a, year=2024, reason="再次定稿")
    assert again.pk == locked_2024.pk and again.reason == "年度报告已定稿"
    assert AuditEvent.objects.filter(action="facts.year_lock").count() == 1


def test_a_clerk_may_neither_lock_nor_unlock(clerk_a, dept_a, locked_2024):
    with pytest.raises(PermissionDenied):
        s.year_lock(actor=clerk_a, agency=dept_a, year=2023)
    with pytest.raises(PermissionDenied):
        s.year_unlock(actor=clerk_a, agency=dept_a, year=2024, reason="更正")
    assert sel.locked_years(dept_a) == {2024}


def test_a_figure_for_a_locked_year_is_refused_and_nothing_saved(clerk_a, dept_a, locked_2024):
    error = locked_out(
        s.figure_save,
        actor=clerk_a,
        agency=dept_a,
        year=2024,
        key="licensing",
        value=3,
        source="审批系统",
    )
    assert "2024年度" in error.message and "已锁定" in error.message
    assert not OtherSystemFigure.objects.exists()
    assert not AuditEvent.objects.filter(action="facts.figure_save").exists()


def test_a_locked_figure_can_be_neither_changed_nor_removed(admin_a, clerk_a, dept_a):
    figure = s.figure_save(
        actor=clerk_a, agency=dept_a, year=2024, key="licensing", value=3, source="审批系统"
    )
    s.year_lock(actor=admin_a, agency=dept_a, year=2024)
    locked_out(
        s.figures_save,
        actor=clerk_a,
        agency=dept_a,
        year=2024,
        entries={"licensing": (None, "")},
    )
    locked_out(s.figure_delete, actor=clerk_a, figure=figure)
    figure.refresh_from_db()
    assert figure.value == 3


def test_a_meeting_in_a_locked_year_can_be_neither_added_changed_nor_deleted(
    admin_a, clerk_a, dept_a
):
    meeting = record(clerk_a, dept_a, "meetings", held_on=D(2024, 3, 12))
    s.year_lock(actor=admin_a, agency=dept_a, year=2024)
    locked_out(record, clerk_a, dept_a, "meetings", held_on=D(2024, 5, 6))
    locked_out(s.record_update, actor=clerk_a, record=meeting, values={"attendees": 99})
    locked_out(s.record_delete, actor=clerk_a, record=meeting)
    # Nor moved out of the locked year, nor another one moved into it.
    locked_out(s.record_update, actor=clerk_a, record=meeting, values={"held_on": D(2025, 3, 12)})
    later = record(clerk_a, dept_a, "meetings", held_on=D(2025, 3, 12))
    locked_out(s.record_update, actor=clerk_a, record=later, values={"held_on": D(2024, 12, 30)})
    assert Meeting.objects.get(pk=meeting.pk).attendees == 20
    assert sel.meeting_training_figures([dept_a.pk], 2024)["s9_meetings"] == 1


def test_a_budget_of_a_locked_year_is_refused(clerk_a, dept_a, locked_2024):
    locked_out(record, clerk_a, dept_a, "budgets", year=2024, amount=Decimal("2"))
    record(clerk_a, dept_a, "budgets", year=2025, amount=Decimal("2"))


def test_a_post_counted_at_a_locked_year_end_cannot_be_backdated_away(admin_a, clerk_a, dept_a):
    post = staff(clerk_a, dept_a, "张敏", True, D(2020, 3, 2))
    s.year_lock(actor=admin_a, agency=dept_a, year=2024)
    locked_out(s.record_update, actor=clerk_a, record=post, values={"ended_on": D(2024, 6, 30)})
    locked_out(s.record_update, actor=clerk_a, record=post, values={"full_time": False})
    locked_out(s.record_delete, actor=clerk_a, record=post)
    locked_out(staff, clerk_a, dept_a, "李雷", False, D(2023, 5, 4))  # would count at 2024's end


def test_a_long_serving_post_can_still_end_after_the_locked_years(admin_a, clerk_a, dept_a):
    post = staff(clerk_a, dept_a, "张敏", True, D(2015, 3, 2))
    s.year_lock(actor=admin_a, agency=dept_a, year=2024)
    s.record_update(actor=clerk_a, record=post, values={"ended_on": D(2026, 6, 30)})
    # A typo in a name may be corrected: no report or public page shows names.
    s.record_update(actor=clerk_a, record=post, values={"person_name": "张敏敏"})
    post.refresh_from_db()
    assert (post.ended_on, post.person_name) == (D(2026, 6, 30), "张敏敏")
    assert sel.institution_figures([dept_a.pk], 2024)["s8_staff_fulltime"] == 1


def test_a_post_that_came_and_went_within_a_locked_year_is_locked_too(admin_a, clerk_a, dept_a):
    s.year_lock(actor=admin_a, agency=dept_a, year=2024)
    locked_out(staff, clerk_a, dept_a, "李雷", False, D(2024, 3, 1), D(2024, 6, 30))


def test_unlocking_needs_a_reason_then_allows_corrections(admin_a, clerk_a, dept_a, locked_2024):
    with pytest.raises(DomainError) as caught:
        s.year_unlock(actor=admin_a, agency=dept_a, year=2024, reason=" ")
    assert caught.value.code == "reason_required"
    assert sel.is_locked(dept_a, 2024)
    s.year_unlock(actor=admin_a, agency=dept_a, year=2024, reason="许可件数统计有误，需更正")
    assert not YearLock.objects.exists()
    event = AuditEvent.objects.get(action="facts.year_unlock")
    assert event.note == "许可件数统计有误，需更正" and event.actor == admin_a
    s.figure_save(
        actor=clerk_a, agency=dept_a, year=2024, key="licensing", value=4, source="审批系统"
    )


def test_a_year_not_yet_begun_cannot_be_locked(admin_a, dept_a):
    with pytest.raises(DomainError) as caught:
        s.year_lock(actor=admin_a, agency=dept_a, year=2027)
    assert caught.value.code == "bad_year"


def test_locks_are_per_agency(admin_a, clerk_a, dept_a, dept_b, locked_2024):
    assert not sel.is_locked(dept_b, 2024)
    assert sel.is_locked(dept_a.pk, 2024)
