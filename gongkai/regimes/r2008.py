"""《中华人民共和国政府信息公开条例》(2007, 国务院令第492号), in force 2008-05-01 to 2019-05-14."""

import datetime as dt

from .base import Regime, ReportDue, TimeLimit
from .grounds import GROUNDS_2008
from .outcomes import OUTCOMES_2008

CITATION = "《中华人民共和国政府信息公开条例》（国务院令第492号）"

REGIME_2008 = Regime(
    code="2008",
    name="2008年施行的《政府信息公开条例》",
    citation=CITATION,
    in_force_from=dt.date(2008, 5, 1),
    in_force_until=dt.date(2019, 5, 14),
    # Art. 24: answer on the spot, or within 15 working days of receipt; extension of at most
    # 15 working days with the consent of the head of the disclosure office.
    reply=TimeLimit(15, "第二十四条第二款", "收到申请之日"),
    extension=TimeLimit(15, "第二十四条第二款", "原答复期限届满"),
    extension_needs="政府信息公开工作机构负责人同意，并告知申请人",
    # Art. 24(3): only the time for consulting a third party is not counted.
    paused_for=frozenset({"third_party"}),
    consultation=None,  # the 2008 text sets no fixed period for the third party's answer
    correction_notice=None,  # Art. 21(4): tell the applicant to correct; no time limit set
    correction_restarts_clock=True,
    fee_payment=None,  # 2008 charged cost fees only (Arts. 27–28), with no payment period
    fee_period_paused=False,
    fees_from=None,
    # Art. 18: within 20 working days of the information being created or changed.
    proactive_publication=TimeLimit(20, "第十八条", "该政府信息形成或者变更之日"),
    # Art. 31: every agency publishes its annual report by 31 March.
    annual_report=ReportDue(department=(3, 31), government=(3, 31), basis="第三十一条"),
    withholding_grounds=GROUNDS_2008,
    outcomes=OUTCOMES_2008,
    # Art. 20: the application contains the applicant's name and contact details (no identity
    # proof is required by the 2008 text); it set no rule on the day of receipt.
    request_contents_basis="第二十条",
    receipt_date_basis=None,
    # Art. 21(1): within the scope of disclosure: tell the applicant how and where to get it.
    already_public_basis="第二十一条第（一）项",
    fee_basis=None,  # cost fees only (Arts. 27–28), no 信息处理费
    # Art. 23: a third party is consulted in writing (text of the 2007 Regulation; not yet in
    # regulation.md). Consulting other agencies was not provided for (Art. 24 pauses only the
    # third party's time).
    third_party_consultation_basis="第二十三条",
    joint_consultation_basis=None,
    # Art. 21(4): the reply to an unclear application is to tell the applicant to amend it
    # (告知作出更改、补充). The 2008 text has no 视为放弃 rule: when the period passes without
    # an amendment, that told-to-amend reply is the case's outcome (统计表 row 7).
    correction_lapse_outcome="s3_rep_amend",
    correction_lapse_reasons=(
        "本机关已告知申请人作出更改、补充，申请人逾期未更改、补充，本申请按已告知作出更改补充办结，"
        "不再处理。"
    ),
)
