"""The case page says what happens next and who does it, and lists every date the case must
keep: each open deadline (reply, the office's 补正 notice, a consulted party's answer, the fee
window) with its official name, date, urgency today and legal basis; the applicant's page lists
the dates the applicant must keep."""

import datetime as dt
from zoneinfo import ZoneInfo

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gongkai.applications import services as s
from gongkai.applications.deadlines import case_deadlines
from gongkai.deadlines.models import Deadline
from tests.applications.fixtures import register
from tests.letters.helpers import decided, with_consultation, with_correction, with_fee_notice

D = dt.date


def frozen(year, month, day):
    moment = dt.datetime(year, month, day, 10, tzinfo=ZoneInfo("Asia/Shanghai"))
    return time_machine.travel(moment, tick=False)


def case_page(client, user, application) -> str:
    client.force_login(user)
    response = client.get(reverse("applications_office:case", args=[application.pk]))
    assert response.status_code == 200
    return response.content.decode()


def deadlines_section(page: str) -> str:
    start = page.index('id="case-deadlines-heading"')
    return page[start : page.index("</section>", start)]


# 下一步 -----------------------------------------------------------------------------------------


def test_after_drafting_the_clerk_is_told_the_reviewer_decides(
    client, in_progress, clerk_a, reviewer_a
):
    s.application_draft_decision(
        actor=clerk_a, application=in_progress, outcome="granted", legal_basis="第三十六条"
    )
    page = case_page(client, clerk_a, in_progress)
    assert "下一步：退回答复稿或审核通过答复，由审核人办理。" in page


def test_after_approval_the_reviewer_is_told_the_clerk_serves(
    client, in_progress, clerk_a, reviewer_a
):
    decided(in_progress, clerk_a, reviewer_a)
    page = case_page(client, reviewer_a, in_progress)
    assert "下一步：送达答复，由承办人办理。" in page
    assert "没有可执行的操作" not in page


def test_a_case_awaiting_correction_says_it_waits_for_the_applicant(
    client, in_progress, clerk_a, reviewer_a
):
    with_correction(in_progress, clerk_a)
    page = case_page(client, reviewer_a, in_progress)
    assert "下一步：等待申请人补正；" in page
    assert "逾期未补正，由承办人办理" in page


def test_a_concluded_case_is_finished(client, clerk_a, dept_a):
    application = register(clerk_a, dept_a)
    s.application_withdraw(actor=clerk_a, application=application, note="申请人电话撤回")
    page = case_page(client, clerk_a, application)
    assert "办理流程已结束（已撤回），没有待办的下一步。" in page


# 期限 -------------------------------------------------------------------------------------------


def test_the_case_page_lists_the_reply_and_the_correction_notice_deadlines(client, clerk_a, dept_a):
    application = register(clerk_a, dept_a)  # received 2026-03-02
    regime = application.regime_obj
    with frozen(2026, 3, 10):
        section = deadlines_section(case_page(client, clerk_a, application))
    assert "补正告知期限" in section and "2026-03-11" in section
    assert "1个工作日内到期" in section
    assert f"{regime.name}{regime.correction_notice.basis}" in section
    assert "答复期限" in section and "2026-03-30" in section
    assert f"{regime.name}{regime.reply.basis}" in section
    # Soonest first.
    assert section.index("补正告知期限") < section.index("答复期限")


def test_a_passed_deadline_reads_overdue_in_working_days(client, clerk_a, dept_a):
    application = register(clerk_a, dept_a)
    with frozen(2026, 3, 13):  # the 补正 notice was due on Wednesday 03-11
        section = deadlines_section(case_page(client, clerk_a, application))
    assert "已逾期2个工作日" in section


def test_the_consultation_answer_is_listed_with_the_party(client, in_progress, clerk_a):
    with_consultation(in_progress, clerk_a)
    answer = Deadline.objects.get(kind=Deadline.Kind.CONSULTATION, is_open=True)
    with frozen(2026, 3, 12):
        section = deadlines_section(case_page(client, clerk_a, in_progress))
    assert "征求意见答复期限（商丘示例科技有限公司）" in section
    assert answer.due.isoformat() in section
    regime = in_progress.regime_obj
    assert f"{regime.name}{regime.consultation.basis}" in section


def test_the_fee_window_is_listed_and_due_today_on_its_last_day(client, in_progress, clerk_a):
    with_fee_notice(in_progress, clerk_a)
    payment = Deadline.objects.get(kind=Deadline.Kind.FEE_PAYMENT, is_open=True)
    with frozen(payment.due.year, payment.due.month, payment.due.day):
        section = deadlines_section(case_page(client, clerk_a, in_progress))
    assert "缴纳信息处理费期限" in section and "今日到期" in section
    assert in_progress.regime_obj.fee_payment.basis in section


def test_an_extended_reply_is_marked_and_a_pending_extension_noted(
    client, in_progress, clerk_a, head_a
):
    s.application_request_extension(actor=clerk_a, application=in_progress, reason="需调取档案。")
    with frozen(2026, 3, 20):
        assert "延期申请待审批" in deadlines_section(case_page(client, clerk_a, in_progress))
    s.application_decide_extension(
        actor=head_a, application=in_progress, approve=True, today=D(2026, 3, 20)
    )
    with frozen(2026, 3, 20):
        assert "已延期" in deadlines_section(case_page(client, clerk_a, in_progress))


def test_the_applicants_correction_date_is_listed_while_awaited(client, in_progress, clerk_a):
    with_correction(in_progress, clerk_a)  # to be corrected by 2026-03-20
    with frozen(2026, 3, 19):
        section = deadlines_section(case_page(client, clerk_a, in_progress))
    assert "申请人补正期限" in section and "2026-03-20" in section
    assert "1个工作日内到期" in section


def test_a_date_in_a_year_without_a_holiday_notice_is_marked_provisional(client, clerk_a, dept_a):
    application = register(clerk_a, dept_a, received=D(2026, 12, 21))
    with frozen(2026, 12, 22):
        section = deadlines_section(case_page(client, clerk_a, application))
    assert "暂定" in section


def test_the_deadlines_cost_the_same_queries_however_many_there_are(in_progress, clerk_a):
    with frozen(2026, 3, 12):
        with CaptureQueriesContext(connection) as one:
            assert len(case_deadlines(in_progress)) == 2  # reply, 补正 notice
        with_consultation(in_progress, clerk_a)
        s.application_request_extension(actor=clerk_a, application=in_progress, reason="调档。")
        with CaptureQueriesContext(connection) as more:
            assert len(case_deadlines(in_progress)) == 3  # and the party's answer
    assert len(more.captured_queries) == len(one.captured_queries)


# The applicant's page -----------------------------------------------------------------------


def test_the_applicant_sees_the_date_to_correct_by(client, applicant_user, clerk_a, dept_a):
    application = register(clerk_a, dept_a, applicant=applicant_user)
    application = s.application_start(actor=clerk_a, application=application)
    with_correction(application, clerk_a)
    client.force_login(applicant_user)
    with frozen(2026, 3, 20):
        page = client.get(reverse("applications:detail", args=[application.pk])).content.decode()
    section = deadlines_section(page)
    assert "补正期限" in section and "2026-03-20" in section and "今日到期" in section
    assert "申请人补正期限" not in section


def test_the_applicant_sees_the_fee_window_but_not_the_offices_own_limits(
    client, applicant_user, clerk_a, dept_a
):
    application = register(clerk_a, dept_a, applicant=applicant_user)
    application = s.application_start(actor=clerk_a, application=application)
    with_fee_notice(application, clerk_a)
    client.force_login(applicant_user)
    with frozen(2026, 3, 18):
        page = client.get(reverse("applications:detail", args=[application.pk])).content.decode()
    section = deadlines_section(page)
    assert "缴纳信息处理费期限" in section
    assert "补正告知期限" not in section
