"""The report's history: every step (start, import, reasons for failed checks, figures typed in,
finalise, publish, a new version, superseded) is a row of core.StatusChange with who, when, the
statuses before and after and the note, written by the one workflow executor; a step saves only
the fields it changes."""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gongkai.core.errors import DomainError
from gongkai.reports import services as s
from gongkai.reports.models import AnnualReport
from tests.reports.fixtures import application, frozen
from tests.reports.test_check import edit, zeros

D = dt.date
CARRY = "t3_carry@t3:carried_over.total"
CARRY_NP = "t3_carry@t3:carried_over.natural_person"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today():
    with frozen(2025, 3, 1):
        yield


@pytest.fixture
def draft(clerk_a, dept_a):
    application(dept_a, received=D(2024, 3, 1), served=D(2024, 3, 15), outcome="granted")
    return s.report_start(actor=clerk_a, agency=dept_a, year=2024)


@pytest.fixture
def wrong_last_year(dept_a):
    """A final 2023 report carrying one application forward that the records do not carry."""
    snapshot = edit(
        zeros("gb2021", 2023),
        t3__new_received__natural_person=1, t3__new_received__total=1,
        t3__carried_forward__natural_person=1, t3__carried_forward__total=1,
    ).to_json()  # fmt: skip
    return AnnualReport.objects.create(
        agency=dept_a, year=2023, format="gb2021", status="final", snapshot=snapshot
    )


def steps(report) -> list[tuple]:
    return [
        (c.action, c.old_status, c.new_status)
        for c in AnnualReport.objects.get(pk=report.pk).status_changes.order_by("at", "id")
    ]


def test_starting_a_report_is_the_first_row_of_its_history(draft, clerk_a):
    (row,) = draft.status_changes.all()
    assert (row.action, row.old_status, row.new_status, row.actor) == (
        "create",
        "",
        "draft",
        clerk_a,
    )
    assert (str(row.action_label), str(row.new_status_label)) == ("开始编制", "草稿")


def test_finalising_and_publishing_are_rows_with_the_reviewer(draft, report_reviewer_a):
    s.report_finalise(actor=report_reviewer_a, report=draft)
    s.report_publish(actor=report_reviewer_a, report=draft)
    assert steps(draft) == [
        ("create", "", "draft"),
        ("finalise", "draft", "final"),
        ("publish", "final", "published"),
    ]
    finalise = draft.status_changes.get(action="finalise")
    assert finalise.actor == report_reviewer_a
    assert (str(finalise.action_label), str(finalise.old_status_label)) == ("定稿", "草稿")


def test_a_reason_for_a_failed_check_is_on_the_history_with_its_words(
    wrong_last_year, draft, report_reviewer_a
):
    s.report_override(
        actor=report_reviewer_a, report=draft, problem=CARRY, reason="上年报告统计有误"
    )
    row = draft.status_changes.get(action="override")
    assert (row.old_status, row.new_status) == ("draft", "draft")
    assert row.note == f"{CARRY}：上年报告统计有误"
    assert str(row.action_label) == "说明理由后允许定稿"


def test_figures_typed_in_are_an_edit_but_a_new_text_is_not(clerk_a, dept_a):
    """The text keeps its own numbered versions (Narrative); the report row does not change."""
    with frozen(2021, 2, 1):
        report = s.report_start(actor=clerk_a, agency=dept_a, year=2020)
        s.report_save_entered(
            actor=clerk_a, report=report, entered={"art20_8.admin_fees.prev_year_items": "3"}
        )
        s.report_save_narrative(actor=clerk_a, report=report, sections={"problems": "人员不足。"})
    assert steps(report) == [("create", "", "draft"), ("edit", "draft", "draft")]


def test_a_new_version_starts_with_its_reason_and_supersedes_the_old_one_when_published(
    draft, clerk_a, report_reviewer_a
):
    s.report_finalise(actor=report_reviewer_a, report=draft)
    s.report_publish(actor=report_reviewer_a, report=draft)
    revised = s.report_new_version(actor=clerk_a, report=draft, reason="更正申请人类型")
    first = revised.status_changes.get()
    assert (first.action, first.old_status, first.new_status, first.note) == (
        "new_version",
        "",
        "draft",
        "更正申请人类型",
    )
    s.report_finalise(actor=report_reviewer_a, report=revised)
    s.report_publish(actor=report_reviewer_a, report=revised)
    assert steps(draft)[-1] == ("supersede", "published", "superseded")
    assert draft.status_changes.get(action="supersede").note == "被第2版替代"
    assert steps(revised) == [
        ("new_version", "", "draft"),
        ("finalise", "draft", "final"),
        ("publish", "final", "published"),
    ]


def test_an_imported_report_starts_published_and_supersedes_the_one_it_replaces(
    draft, report_reviewer_a, dept_a
):
    s.report_finalise(actor=report_reviewer_a, report=draft)
    data = zeros("gb2021", 2024)
    parsed = SimpleNamespace(
        report=data, year=2024, format_id="gb2021", to_json=lambda: data.to_json()
    )
    imported = s.report_import(
        actor=None,  # the import command runs as the system
        agency=dept_a,
        parsed=parsed,
        filename="2024年报.txt",
        content=b"2024",
        replace=True,
    )
    assert steps(imported) == [("import", "", "published")]
    assert imported.status_changes.get().note == "2024年报.txt"
    assert steps(draft)[-1] == ("supersede", "final", "superseded")


def test_a_refused_step_leaves_no_history(wrong_last_year, draft, clerk_a, report_reviewer_a):
    with pytest.raises(DomainError):
        s.report_finalise(actor=report_reviewer_a, report=draft)
    with pytest.raises(PermissionDenied):
        s.report_finalise(actor=clerk_a, report=draft)
    assert steps(draft) == [("create", "", "draft")]


def test_a_step_saves_only_the_fields_it_changes(draft, report_reviewer_a):
    """Publishing writes the status and the publication time, not the whole row (the snapshot
    and the figures stay as they are in the database)."""
    s.report_finalise(actor=report_reviewer_a, report=draft)
    with CaptureQueriesContext(connection) as queries:
        s.report_publish(actor=report_reviewer_a, report=draft)
    updates = [q["sql"] for q in queries if q["sql"].startswith('UPDATE "reports_annualreport"')]
    assert len(updates) == 1
    assert '"status"' in updates[0] and '"published_at"' in updates[0]
    assert '"snapshot"' not in updates[0] and '"entered"' not in updates[0]
