"""Reply outcomes of each regime, with their legal basis and the report row they are counted in.

For the 2019 Regulation the catalogue is exactly the rows of table 三 of the annual-report
formats (国办公开办函〔2019〕60号 and 〔2021〕30号): the codes are the row keys of
shared/reference/report_formats.json. For the 2008 Regulation it is the reply rows of the old
政府信息公开情况统计表 (keys of its `legacy_tongjibiao` format).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Outcome:
    code: str  # also the report row key
    group: (
        str  # the report group: 予以公开 / 部分公开 / 不予公开 / 无法提供 / 不予处理 / 其他处理 …
    )
    label: str  # the report row's label as printed
    basis: str  # the article(s) a reply of this kind cites
    discloses: bool = False  # information (or part of it) is provided
    withholds: bool = False  # a reply that must say what is withheld and why
    automatic: bool = False  # recorded by the workflow itself (lapses), never chosen by hand
    # A referral to a procedure under other laws (2019 Art. 36(7)): counted in its report row but
    # not a decision to withhold; the letter tells the applicant where to go.
    referral: bool = False


G_GRANTED, G_PARTIAL, G_DENIED = "予以公开", "部分公开", "不予公开"
G_UNABLE, G_NOT_PROCESSED, G_OTHER = "无法提供", "不予处理", "其他处理"

OUTCOMES_2019: tuple[Outcome, ...] = (
    Outcome(
        "granted", G_GRANTED, "（一）予以公开", "第三十六条第（一）项、第（二）项", discloses=True
    ),
    Outcome(
        "partial",
        G_PARTIAL,
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "第三十七条",
        discloses=True,
        withholds=True,
    ),
    Outcome(
        "denied_state_secret",
        G_DENIED,
        "1.属于国家秘密",
        "第十四条、第三十六条第（三）项",
        withholds=True,
    ),
    Outcome(
        "denied_law_forbidden",
        G_DENIED,
        "2.其他法律行政法规禁止公开",
        "第十四条、第三十六条第（三）项",
        withholds=True,
    ),
    Outcome(
        "denied_three_security_one_stability",
        G_DENIED,
        "3.危及“三安全一稳定”",
        "第十四条、第三十六条第（三）项",
        withholds=True,
    ),
    Outcome(
        "denied_third_party",
        G_DENIED,
        "4.保护第三方合法权益",
        "第十五条、第三十二条、第三十六条第（三）项",
        withholds=True,
    ),
    Outcome(
        "denied_internal_affairs",
        G_DENIED,
        "5.属于三类内部事务信息",
        "第十六条第一款、第三十六条第（三）项",
        withholds=True,
    ),
    Outcome(
        "denied_process_info",
        G_DENIED,
        "6.属于四类过程性信息",
        "第十六条第二款、第三十六条第（三）项",
        withholds=True,
    ),
    Outcome(
        "denied_enforcement_file",
        G_DENIED,
        "7.属于行政执法案卷",
        "第十六条第二款、第三十六条第（三）项",
        withholds=True,
    ),
    # regulation.md: no article of its own; commonly tied to Art. 36(7) (unverified). Art. 36(7)
    # is a referral ("告知申请人依照有关法律、行政法规的规定办理"), not a ground for 不予公开: the
    # report counts it in 不予公开 row 8, the letter does not announce 不予公开.
    Outcome(
        "denied_admin_query", G_DENIED, "8.属于行政查询事项", "第三十六条第（七）项", referral=True
    ),
    Outcome(
        "unable_not_held",
        G_UNABLE,
        "1.本机关不掌握相关政府信息",
        "第三十六条第（四）项、第（五）项",
    ),
    Outcome("unable_needs_creation", G_UNABLE, "2.没有现成信息需要另行制作", "第三十八条"),
    Outcome("unable_unclear_after_correction", G_UNABLE, "3.补正后申请内容仍不明确", "第三十条"),
    Outcome("np_petition_complaint", G_NOT_PROCESSED, "1.信访举报投诉类申请", "第三十九条第一款"),
    Outcome("np_repeat", G_NOT_PROCESSED, "2.重复申请", "第三十六条第（六）项"),
    Outcome("np_publication", G_NOT_PROCESSED, "3.要求提供公开出版物", "第三十九条第二款"),
    Outcome("np_mass_repeat", G_NOT_PROCESSED, "4.无正当理由大量反复申请", "第三十五条"),
    # regulation.md: legal basis not located (unverified); the agency states its own.
    Outcome(
        "np_confirm_or_reissue",
        G_NOT_PROCESSED,
        "5.要求行政机关确认或重新出具已获取信息",
        "《政府信息公开条例》相关规定",
    ),
    Outcome(
        "other_overdue_correction",
        G_OTHER,
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "第三十条",
        automatic=True,
    ),
    Outcome(
        "other_overdue_fee",
        G_OTHER,
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "《政府信息公开信息处理费管理办法》",
        automatic=True,
    ),
    Outcome("other_other", G_OTHER, "3.其他", "《政府信息公开条例》相关规定"),
)

OUTCOMES_2008: tuple[Outcome, ...] = (
    Outcome(
        "s3_rep_already_public",
        "属于已主动公开范围",
        "1.属于已主动公开范围数",
        "第二十一条第（一）项",
        discloses=True,
    ),
    Outcome("s3_rep_agree", "同意公开", "2.同意公开答复数", "第二十一条第（一）项", discloses=True),
    Outcome(
        "s3_rep_partial",
        "同意部分公开",
        "3.同意部分公开答复数",
        "第二十二条",
        discloses=True,
        withholds=True,
    ),
    Outcome(
        "s3_ref_state_secret",
        "不同意公开",
        "涉及国家秘密",
        "第十四条、第二十一条第（二）项",
        withholds=True,
    ),
    Outcome(
        "s3_ref_commercial_secret",
        "不同意公开",
        "涉及商业秘密",
        "第十四条、第二十一条第（二）项",
        withholds=True,
    ),
    Outcome(
        "s3_ref_privacy",
        "不同意公开",
        "涉及个人隐私",
        "第十四条、第二十一条第（二）项",
        withholds=True,
    ),
    Outcome(
        "s3_ref_security_stability",
        "不同意公开",
        "危及国家安全、公共安全、经济安全和社会稳定",
        "第八条、第二十一条第（二）项",
        withholds=True,
    ),
    Outcome(
        "s3_ref_not_gov_info",
        "不同意公开",
        "不是《条例》所指政府信息",
        "第二条、第二十一条第（二）项",
        withholds=True,
    ),
    Outcome(
        "s3_ref_other_legal",
        "不同意公开",
        "法律、法规规定的其他情形",
        "第二十一条第（二）项",
        withholds=True,
    ),
    Outcome(
        "s3_rep_not_this_agency",
        "不属于本行政机关公开",
        "5.不属于本行政机关公开数",
        "第二十一条第（三）项",
    ),
    Outcome("s3_rep_not_exist", "申请信息不存在", "6.申请信息不存在数", "第二十一条第（三）项"),
    Outcome("s3_rep_amend", "告知作出更改补充", "7.告知作出更改补充数", "第二十一条第（四）项"),
    Outcome(
        "s3_rep_other_channel", "告知通过其他途径办理", "8.告知通过其他途径办理数", "第二十一条"
    ),
)


# How each outcome is counted in each report format's table of replies ---------------------------
# The 2019 codes are gb2021's rows; gb2019 prints （六）其他处理 as one row. The 2008 codes are the
# old form's rows. Across regimes (a 2008 reply in a later format, or the other way round) the
# nearest row is used; the choices are documented in docs/reports.md.
WITHDRAWN = "withdrawn"  # not an outcome: the applicant withdrew; counted as 其他处理 (2019+)

_2019_TO_GB2008 = {
    "granted": "s3_rep_agree",
    "partial": "s3_rep_partial",
    "denied_state_secret": "s3_ref_state_secret",
    "denied_law_forbidden": "s3_ref_other_legal",
    "denied_three_security_one_stability": "s3_ref_security_stability",
    "denied_third_party": "s3_ref_commercial_secret",
    "denied_internal_affairs": "s3_ref_not_gov_info",
    "denied_process_info": "s3_ref_not_gov_info",
    "denied_enforcement_file": "s3_ref_other_legal",
    "denied_admin_query": "s3_rep_other_channel",
    "unable_not_held": "s3_rep_not_this_agency",
    "unable_needs_creation": "s3_rep_not_exist",
    "unable_unclear_after_correction": "s3_rep_amend",
    "np_petition_complaint": "s3_rep_other_channel",
    "np_repeat": "s3_rep_other_channel",
    "np_publication": "s3_rep_other_channel",
    "np_mass_repeat": "s3_ref_other_legal",
    "np_confirm_or_reissue": "s3_rep_other_channel",
    "other_other": "s3_rep_other_channel",
}
_2008_TO_GB2021 = {
    "s3_rep_already_public": "granted",
    "s3_rep_agree": "granted",
    "s3_rep_partial": "partial",
    "s3_ref_state_secret": "denied_state_secret",
    "s3_ref_commercial_secret": "denied_third_party",
    "s3_ref_privacy": "denied_third_party",
    "s3_ref_security_stability": "denied_three_security_one_stability",
    "s3_ref_not_gov_info": "other_other",
    "s3_ref_other_legal": "denied_law_forbidden",
    "s3_rep_not_this_agency": "unable_not_held",
    "s3_rep_not_exist": "unable_not_held",
    "s3_rep_amend": "unable_unclear_after_correction",
    "s3_rep_other_channel": "other_other",
}
_GB2019_FOLD = {
    "other_overdue_correction": "other_total",
    "other_overdue_fee": "other_total",
    "other_other": "other_total",
}


def report_row(regime: str, outcome: str, family: str) -> str | None:
    """The row of `family`'s reply table (gb2008, gb2019, gb2021) that counts an application of
    `regime` ("2008"/"2019") concluded with `outcome` (or WITHDRAWN); None: no reply row (a
    withdrawal or a lapse in the old form, which counts it as 办结 only)."""
    if not outcome:
        return None
    if family == "gb2008":
        if outcome == WITHDRAWN:
            return None
        return outcome if str(regime) == "2008" else _2019_TO_GB2008.get(outcome)
    if outcome == WITHDRAWN:
        row = "other_other"
    elif str(regime) == "2008":
        row = _2008_TO_GB2021.get(outcome)
    else:
        row = outcome
    return _GB2019_FOLD.get(row, row) if family == "gb2019" and row else row
