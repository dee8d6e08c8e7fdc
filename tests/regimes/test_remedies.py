"""The remedies a reply states, as data: 复议前置 for 不予公开 from 2024-01-01 (行政复议法 Art. 23)."""

import datetime as dt

import pytest

from gongkai.regimes import get_regime
from gongkai.regimes.remedies import (
    REMEDY_LAW_1999,
    REMEDY_LAW_2023,
    remedy_for,
    remedy_law,
    remedy_paragraph,
    review_body_words,
)

BEFORE, FROM = dt.date(2023, 12, 31), dt.date(2024, 1, 1)
ALL = [o for code in ("2019", "2008") for o in get_regime(code).outcomes]


def test_the_revised_review_law_applies_to_decisions_from_2024_01_01():
    assert remedy_law(BEFORE) is REMEDY_LAW_1999
    assert remedy_law(FROM) is REMEDY_LAW_2023
    assert (REMEDY_LAW_1999.review_basis, REMEDY_LAW_2023.review_basis) == ("第九条", "第二十条")
    assert REMEDY_LAW_1999.review_days == REMEDY_LAW_2023.review_days == 60
    assert REMEDY_LAW_2023.litigation_months == 6


@pytest.mark.parametrize("outcome", ALL, ids=lambda o: o.code)
def test_before_2024_every_outcome_offers_review_or_lawsuit(outcome):
    assert not remedy_for(outcome, BEFORE).review_first_any


@pytest.mark.parametrize("outcome", ALL, ids=lambda o: o.code)
def test_from_2024_withholding_needs_review_first_and_only_withholding(outcome):
    remedy = remedy_for(outcome, FROM)
    assert remedy.review_first == (outcome.withholds and not outcome.discloses)
    assert remedy.review_first_for_withheld_part == (outcome.withholds and outcome.discloses)


def test_which_outcomes_withhold():
    withholding = {o.code for o in ALL if o.withholds}
    assert {"partial", "denied_state_secret", "denied_third_party"} <= withholding
    assert {"s3_rep_partial", "s3_ref_privacy"} <= withholding
    # Art. 36(7) is a referral, not 不予公开: no 复议前置.
    assert "denied_admin_query" not in withholding
    assert get_regime("2019").outcome("denied_admin_query").referral


def test_denial_paragraph_says_review_comes_first_and_cites_article_23():
    text = remedy_paragraph(
        remedy_for(get_regime("2019").outcome("denied_process_info"), FROM),
        you="您",
        review_body="测试市人民政府",
    )
    assert text == (
        "您如对本答复不服，应当先自收到本答复之日起六十日内向测试市人民政府申请行政复议"
        "（《中华人民共和国行政复议法》第二十条）；对行政复议决定不服的，可以依法向人民法院"
        "提起行政诉讼（《中华人民共和国行政复议法》第二十三条第一款第（四）项、第二款）。"
    )
    assert "六个月" not in text and "或者" not in text


def test_partial_paragraph_splits_the_withheld_part_from_the_rest():
    text = remedy_paragraph(
        remedy_for(get_regime("2019").outcome("partial"), FROM), you="贵单位", review_body=""
    )
    assert text.startswith(
        "贵单位如对本答复中不予公开的部分不服，应当先自收到本答复之日起六十日内依法申请"
    )
    assert "如对本答复的其他内容不服，可以自收到本答复之日起六十日内依法申请行政复议" in text
    assert "或者自收到本答复之日起六个月内依法向人民法院提起行政诉讼" in text


def test_old_paragraph_offers_the_choice_with_the_old_articles():
    text = remedy_paragraph(
        remedy_for(get_regime("2019").outcome("denied_state_secret"), BEFORE),
        you="您",
        review_body="测试市人民政府或者上一级主管部门",
    )
    assert text == (
        "您如对本答复不服，可以自收到本答复之日起六十日内向测试市人民政府或者上一级主管部门"
        "申请行政复议（《中华人民共和国行政复议法》第九条），或者自收到本答复之日起六个月内"
        "依法向人民法院提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）。"
    )


@pytest.mark.parametrize(
    "law, is_department, government, words",
    [
        (REMEDY_LAW_2023, True, "测试市人民政府", "测试市人民政府"),  # Art. 24(1)(1)
        (REMEDY_LAW_2023, False, "测试省人民政府", "测试省人民政府"),  # Art. 24(1)(2)
        (REMEDY_LAW_1999, True, "测试市人民政府", "测试市人民政府或者上一级主管部门"),  # Art. 12
        (REMEDY_LAW_1999, False, "测试省人民政府", "测试省人民政府"),  # Art. 13
        (REMEDY_LAW_2023, True, "", ""),  # nothing above: 依法, no name
    ],
)
def test_review_body_follows_the_remedy_law(law, is_department, government, words):
    assert review_body_words(law, is_department=is_department, government=government) == words
