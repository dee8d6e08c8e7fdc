"""《中华人民共和国政府信息公开条例》(2019 revision, 国务院令第711号), in force from 2019-05-15."""

import datetime as dt

from .base import Regime, ReportDue, TimeLimit
from .grounds import GROUNDS_2019
from .outcomes import OUTCOMES_2019

CITATION = "《中华人民共和国政府信息公开条例》（国务院令第711号）"

REGIME_2019 = Regime(
    code="2019",
    name="2019年修订的《政府信息公开条例》",
    citation=CITATION,
    in_force_from=dt.date(2019, 5, 15),
    in_force_until=None,
    # Art. 33(2): within 20 working days of receipt; extension of at most 20 working days with
    # the consent of the head of the disclosure office, and the applicant must be told.
    reply=TimeLimit(20, "第三十三条第二款", "收到申请之日"),
    extension=TimeLimit(20, "第三十三条第二款", "原答复期限届满"),
    extension_needs="政府信息公开工作机构负责人同意，并告知申请人",
    # Art. 33(3): the time to consult third parties and other agencies is not counted.
    paused_for=frozenset({"third_party", "agency"}),
    # Arts. 32 and 34: the consulted party has 15 working days from receiving the letter.
    consultation=TimeLimit(15, "第三十二条、第三十四条", "收到征求意见书之日"),
    # Art. 30: tell the applicant once, within 7 working days of receipt; the reply period is
    # counted afresh from receipt of the corrected application.
    correction_notice=TimeLimit(7, "第三十条", "收到申请之日"),
    correction_restarts_clock=True,
    # 《政府信息公开信息处理费管理办法》(国办函〔2020〕109号): pay within 20 working days from
    # the day after the fee notice is received; charging started 2021-01-01.
    fee_payment=TimeLimit(
        20, "《政府信息公开信息处理费管理办法》", "收到收费通知之日（自次日起算）"
    ),
    fee_period_paused=True,
    fees_from=dt.date(2021, 1, 1),
    # Art. 26: within 20 working days of the information being created or changed.
    proactive_publication=TimeLimit(20, "第二十六条", "该政府信息形成或者变更之日"),
    # Art. 49: departments submit and publish last year's report by 31 January; Art. 50: the
    # people's government's report is published by 31 March.
    annual_report=ReportDue(department=(1, 31), government=(3, 31), basis="第四十九条、第五十条"),
    withholding_grounds=GROUNDS_2019,
    outcomes=OUTCOMES_2019,
    # Art. 29: the application states who applies (with identity proof) and how to reach them.
    request_contents_basis="第二十九条",
    # Art. 31: in person the day of submission; registered mail the day signed for; other
    # post, fax and e-mail the day of confirmation with the applicant.
    receipt_date_basis="第三十一条",
    # Art. 36(1): already proactively published: tell the applicant how and where to get it.
    already_public_basis="第三十六条第（一）项",
    # Art. 42: a 信息处理费 for applications clearly beyond a reasonable amount or frequency.
    fee_basis="第四十二条",
    # Art. 32: a third party, 15 working days, silence is not consent (the agency decides);
    # Art. 34: agencies that produced the information jointly, silence within 15 days = consent.
    third_party_consultation_basis="第三十二条",
    joint_consultation_basis="第三十四条",
    # Art. 30: no correction within the period without good reason: deemed abandoned
    # (视为放弃申请), counted as 其他处理 1.
    correction_lapse_outcome="other_overdue_correction",
    correction_lapse_reasons="申请人无正当理由逾期不补正，视为放弃申请，行政机关不再处理。",
)
