"""The report's life: start (text prefilled), enter figures, override a failed check with a
reason, finalise (snapshot), publish, revise as a new version; who may do which; the audit."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from gongkai.core.errors import DomainError, InvalidTransition
from gongkai.core.models import AuditEvent
from gongkai.reports import selectors
from gongkai.reports import services as s
from gongkai.reports.models import AnnualReport
from tests.reports.fixtures import application, frozen
from tests.reports.test_check import edit, zeros

D = dt.date
CARRY = "t3_carry@t3:carried_over.total"
CARRY_NP = "t3_carry@t3:carried_over.natural_person"


@pytest.fixture(autouse=True)
def _today():
    """Reports on 2024 are written in early 2025."""
    with frozen(2025, 3, 1):
        yield


@pytest.fixture
def records(dept_a):
    """Two 2024 applications of 测试市甲局: one granted, one open at the year end."""
    application(dept_a, received=D(2024, 3, 1), served=D(2024, 3, 15), outcome="granted")
    application(dept_a, received=D(2024, 12, 20))


@pytest.fixture
def draft(records, clerk_a, dept_a):
    return s.report_start(actor=clerk_a, agency=dept_a, year=2024)


@pytest.fixture
def wrong_last_year(dept_a):
    """A final 2023 report whose snapshot carried 1 application forward; the records carried
    none, so the 2024 draft's 上年结转 breaks t3_carry (an error)."""
    snapshot = edit(
        zeros("gb2021", 2023),
        t3__new_received__natural_person=1, t3__new_received__total=1,
        t3__carried_forward__natural_person=1, t3__carried_forward__total=1,
    ).to_json()  # fmt: skip
    return AnnualReport.objects.create(
        agency=dept_a, year=2023, format="gb2021", status="final", snapshot=snapshot
    )


def audit_actions(report) -> list[str]:
    return list(
        AuditEvent.objects.for_object(report).order_by("pk").values_list("action", flat=True)
    )


# Start -----------------------------------------------------------------------------------------


def test_start_creates_a_draft_in_the_years_format(draft):
    assert (draft.status, draft.format, draft.version, draft.year) == ("draft", "gb2021", 1, 2024)


def test_start_prefills_the_text_with_the_figures(draft):
    """The first narrative is the system's, carrying the computed figures."""
    narrative = selectors.latest_narrative(draft)
    assert (narrative.number, narrative.prefilled) == (1, True)
    assert "2024年，新收政府信息公开申请2件，上年结转0件；办结1件" in narrative.sections["overview"]
    assert "结转下年度继续办理1件" in narrative.sections["overview"]
    assert narrative.sections["other"] == "2024年，未收取信息处理费。"


def test_start_a_gb2008_report_prefills_the_old_sections(clerk_a, dept_a):
    application(
        dept_a, received=D(2017, 3, 1), served=D(2017, 3, 5), regime="2008",
        outcome="s3_rep_agree", channel="fax",
    )  # fmt: skip
    report = s.report_start(actor=clerk_a, agency=dept_a, year=2017)
    sections = selectors.latest_narrative(report).sections
    assert report.format == "gb2008"
    assert set(sections) == {"overview", "problems", "plans", "other"}
    assert "2017年，共收到依申请公开1件，其中传真申请1件" in sections["overview"]


def test_start_refuses_a_second_report_for_the_year(draft, clerk_a, dept_a):
    with pytest.raises(DomainError) as error:
        s.report_start(actor=clerk_a, agency=dept_a, year=2024)
    assert error.value.code == "report_exists"


def test_start_refuses_a_year_not_begun(clerk_a, dept_a):
    with pytest.raises(DomainError) as error:
        s.report_start(actor=clerk_a, agency=dept_a, year=2026)
    assert error.value.code == "future_year"


def test_reviewer_cannot_start_a_report(report_reviewer_a, dept_a):
    """Starting is handling work (clerks); a reviewer reviews."""
    with pytest.raises(PermissionDenied):
        s.report_start(actor=report_reviewer_a, agency=dept_a, year=2024)


# Entered figures and text ------------------------------------------------------------------------


def test_entered_figures_are_saved_as_numbers(records, clerk_a, dept_a):
    """gb2019's typed-in cells: numbers kept (normalised), blanks dropped, others refused."""
    with frozen(2021, 2, 1):
        report = s.report_start(actor=clerk_a, agency=dept_a, year=2020)
        s.report_save_entered(
            actor=clerk_a,
            report=report,
            entered={"art20_5.licensing.prev_year_items": "1,200", "art20_5.licensing.change": ""},
        )
        report.refresh_from_db()
        assert report.entered == {"art20_5.licensing.prev_year_items": "1200"}
        assert audit_actions(report)[-2:] == ["report.edit", "report.entered"]
        data = selectors.report_data(report)
        assert data.value("t2_art20_5", "licensing", "prev_year_items") == 1200
        with pytest.raises(DomainError) as error:
            s.report_save_entered(
                actor=clerk_a, report=report, entered={"art20_5.licensing.change": "许多"}
            )
        assert error.value.code == "not_a_number"
        with pytest.raises(DomainError) as error:
            s.report_save_entered(actor=clerk_a, report=report, entered={"t3.granted.total": "1"})
        assert error.value.code == "not_an_entered_cell"


def test_missing_entered_figures_are_warnings(records, clerk_a, dept_a):
    with frozen(2021, 2, 1):
        report = s.report_start(actor=clerk_a, agency=dept_a, year=2020)
        missing = [p for p in selectors.report_problems(report) if p.kind == "missing"]
    assert len(missing) == 13  # every entered cell of gb2019
    assert {p.severity for p in missing} == {"warning"}


def test_saving_text_keeps_every_version(draft, clerk_a):
    s.report_save_narrative(actor=clerk_a, report=draft, sections={"problems": "人员不足。"})
    assert list(draft.narratives.values_list("number", flat=True)) == [2, 1]
    assert selectors.latest_narrative(draft).sections["problems"] == "人员不足。"


# Finalise, override ------------------------------------------------------------------------------


def test_finalise_is_refused_while_an_error_has_no_override(
    wrong_last_year, draft, report_reviewer_a
):
    with pytest.raises(DomainError) as error:
        s.report_finalise(actor=report_reviewer_a, report=draft)
    assert error.value.code == "checks_failed"
    assert "本年“上年结转”等于上年报告的“结转下年度继续办理”" in error.value.message
    draft.refresh_from_db()
    assert (draft.status, draft.snapshot) == ("draft", None)


def test_finalise_is_refused_while_one_of_two_errors_has_an_override(
    wrong_last_year, draft, report_reviewer_a
):
    s.report_override(actor=report_reviewer_a, report=draft, problem=CARRY, reason="上年数字有误")
    with pytest.raises(DomainError) as error:
        s.report_finalise(actor=report_reviewer_a, report=draft)
    assert error.value.code == "checks_failed"


def test_override_needs_a_written_reason(wrong_last_year, draft, report_reviewer_a):
    with pytest.raises(DomainError) as error:
        s.report_override(actor=report_reviewer_a, report=draft, problem=CARRY, reason=" 是 ")
    assert error.value.code == "override_reason"


def test_override_of_a_problem_that_does_not_exist_is_refused(draft, report_reviewer_a):
    with pytest.raises(DomainError) as error:
        s.report_override(actor=report_reviewer_a, report=draft, problem=CARRY, reason="上年有误")
    assert error.value.code == "no_such_problem"


@pytest.fixture
def finalised(wrong_last_year, draft, report_reviewer_a):
    reason = "2023年报告误将一件已办结申请计入结转，已在2023年报告中说明。"
    for problem in (CARRY_NP, CARRY):
        s.report_override(actor=report_reviewer_a, report=draft, problem=problem, reason=reason)
    return s.report_finalise(actor=report_reviewer_a, report=draft)


def test_finalise_succeeds_after_overrides_with_reasons(finalised, report_reviewer_a):
    finalised.refresh_from_db()
    assert finalised.status == "final"
    assert finalised.finalised_by == report_reviewer_a
    assert finalised.finalised_at is not None


def test_snapshot_keeps_overrides_records_and_problems(finalised, report_reviewer_a):
    """The snapshot: every cell, the checks with the overridden ones, the reasons and how many
    records the figures came from."""
    snapshot = AnnualReport.objects.get(pk=finalised.pk).snapshot
    provenance = snapshot["provenance"]
    assert [o["problem"] for o in provenance["overrides"]] == [CARRY_NP, CARRY]
    assert provenance["overrides"][0]["reason"].startswith("2023年报告误将一件")
    assert provenance["overrides"][0]["by"] == str(report_reviewer_a)
    assert provenance["records"] == {
        "agencies": 1,
        "applications": 2,
        "catalog_items": 0,
        "channel_records": 0,
        "appeal_cases": 0,
        "responses": 0,
    }
    assert provenance["source"] == "records"
    assert {p["identity"] for p in snapshot["problems"] if p["severity"] == "error"} == {"t3_carry"}
    t3 = next(t for t in snapshot["tables"] if t["key"] == "t3")
    new_received = next(r for r in t3["rows"] if r["key"] == "new_received")
    assert new_received["values"] == [2, 0, 0, 0, 0, 0, 2]


def test_final_report_reads_from_the_snapshot(finalised, dept_a):
    """Records changed after finalising do not change the final report."""
    application(dept_a, received=D(2024, 6, 1), served=D(2024, 6, 5), outcome="granted")
    report = AnnualReport.objects.get(pk=finalised.pk)
    data = selectors.report_data(report)
    assert data.value("t3", "new_received", "total") == 2
    assert data.value("t3", "granted", "total") == 1
    assert data.sources["t3:granted.total"] == "applications:result.granted.total"


def test_final_report_cannot_be_edited_or_finalised_again(finalised, clerk_a, report_reviewer_a):
    with pytest.raises(InvalidTransition):
        s.report_save_narrative(actor=clerk_a, report=finalised, sections={"problems": "改"})
    with pytest.raises(InvalidTransition):
        s.report_finalise(actor=report_reviewer_a, report=finalised)


def test_clerk_cannot_finalise(records, draft, clerk_a):
    with pytest.raises(PermissionDenied):
        s.report_finalise(actor=clerk_a, report=draft)


def test_reviewer_can_finalise_a_report_without_errors(draft, report_reviewer_a):
    assert s.report_finalise(actor=report_reviewer_a, report=draft).status == "final"


def test_clerk_cannot_override(wrong_last_year, draft, clerk_a):
    with pytest.raises(PermissionDenied):
        s.report_override(actor=clerk_a, report=draft, problem=CARRY, reason="上年数字有误")


def test_other_agencys_reviewer_cannot_see_the_report(draft, dept_b):
    """A reviewer of another agency gets 404 (the report's existence is not revealed)."""
    from django.http import Http404

    from tests.agencies.factories import MembershipFactory

    outsider = MembershipFactory(agency=dept_b, role="reviewer").user
    with pytest.raises(Http404):
        s.report_finalise(actor=outsider, report=draft)


# Publish, new version ---------------------------------------------------------------------------


def test_publish_a_final_report(finalised, report_reviewer_a):
    report = s.report_publish(actor=report_reviewer_a, report=finalised)
    assert report.status == "published"
    assert report.published_at is not None
    assert list(selectors.published_reports(report.agency)) == [report]


def test_draft_cannot_be_published(draft, report_reviewer_a):
    with pytest.raises(InvalidTransition):
        s.report_publish(actor=report_reviewer_a, report=draft)


def test_clerk_cannot_publish(finalised, clerk_a):
    with pytest.raises(PermissionDenied):
        s.report_publish(actor=clerk_a, report=finalised)


def test_new_version_requires_a_reason(finalised, clerk_a):
    with pytest.raises(DomainError) as error:
        s.report_new_version(actor=clerk_a, report=finalised, reason="")
    assert error.value.code == "revision_reason"


@pytest.fixture
def published(finalised, report_reviewer_a):
    return s.report_publish(actor=report_reviewer_a, report=finalised)


def test_new_version_copies_the_text(published, clerk_a):
    """A revision starts as a draft (no snapshot) with the latest text of the version."""
    revised = s.report_new_version(actor=clerk_a, report=published, reason="更正上年结转数")
    assert (revised.status, revised.version, revised.revision_reason) == (
        "draft",
        2,
        "更正上年结转数",
    )
    assert revised.snapshot is None
    assert (
        selectors.latest_narrative(revised).sections
        == selectors.latest_narrative(published).sections
    )
    with pytest.raises(DomainError) as error:
        s.report_new_version(actor=clerk_a, report=published, reason="再次修订")
    assert error.value.code == "draft_exists"


def test_publishing_the_new_version_supersedes_the_old(published, clerk_a, report_reviewer_a):
    revised = s.report_new_version(actor=clerk_a, report=published, reason="更正上年结转数")
    for problem in (CARRY_NP, CARRY):
        s.report_override(
            actor=report_reviewer_a, report=revised, problem=problem, reason="理由同第1版"
        )
    s.report_finalise(actor=report_reviewer_a, report=revised)
    s.report_publish(actor=report_reviewer_a, report=revised)
    published.refresh_from_db()
    revised.refresh_from_db()
    assert (published.status, revised.status) == ("superseded", "published")
    assert list(selectors.published_reports(published.agency)) == [revised]


def test_publishing_a_revision_of_an_unpublished_final_version_supersedes_it(
    finalised, clerk_a, report_reviewer_a
):
    """Revised before it was published: the final first version is replaced all the same."""
    revised = s.report_new_version(actor=clerk_a, report=finalised, reason="定稿后发现错误")
    for problem in (CARRY_NP, CARRY):
        s.report_override(
            actor=report_reviewer_a, report=revised, problem=problem, reason="理由同第1版"
        )
    s.report_finalise(actor=report_reviewer_a, report=revised)
    s.report_publish(actor=report_reviewer_a, report=revised)
    finalised.refresh_from_db()
    assert finalised.status == "superseded"
    assert selectors.previous_report(
        AnnualReport(agency=finalised.agency, year=2025, subtree=False)
    ) == AnnualReport.objects.get(pk=revised.pk)


# Audit ------------------------------------------------------------------------------------------


def test_every_state_change_writes_an_audit_row(published, clerk_a, report_reviewer_a):
    """create, override ×2, finalise, publish on the first version; new_version, finalise,
    publish on the second, and supersede on the first."""
    assert audit_actions(published) == [
        "report.create",
        "report.override",
        "report.override",
        "report.finalise",
        "report.publish",
    ]
    revised = s.report_new_version(actor=clerk_a, report=published, reason="更正上年结转数")
    for problem in (CARRY_NP, CARRY):
        s.report_override(
            actor=report_reviewer_a, report=revised, problem=problem, reason="理由同第1版"
        )
    s.report_finalise(actor=report_reviewer_a, report=revised)
    s.report_publish(actor=report_reviewer_a, report=revised)
    assert audit_actions(revised) == [
        "report.new_version",
        "report.override",
        "report.override",
        "report.finalise",
        "report.publish",
    ]
    assert audit_actions(published)[-1] == "report.supersede"
    finalise = AuditEvent.objects.for_object(revised).get(action="report.finalise")
    assert finalise.changes == {"status": ["draft", "final"]}
    assert finalise.actor == report_reviewer_a


def test_text_edits_are_audited(draft, clerk_a):
    s.report_save_narrative(actor=clerk_a, report=draft, sections={"problems": "人员不足。"})
    assert audit_actions(draft)[-1] == "report.narrative"


def test_new_version_copies_the_entered_figures(clerk_a, report_reviewer_a, dept_a):
    """gb2019's typed-in figures go with the revision."""
    with frozen(2021, 2, 1):
        report = s.report_start(actor=clerk_a, agency=dept_a, year=2020)
        s.report_save_entered(
            actor=clerk_a, report=report, entered={"art20_8.admin_fees.prev_year_items": "3"}
        )
        s.report_finalise(actor=report_reviewer_a, report=report)
        revised = s.report_new_version(actor=clerk_a, report=report, reason="补填项目数量")
    assert revised.entered == {"art20_8.admin_fees.prev_year_items": "3"}
    assert selectors.report_data(revised).value("t2_art20_8", "admin_fees", "prev_year_items") == 3
