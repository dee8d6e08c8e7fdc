"""Reply deadlines from real notices, worked out by hand (day 1 = the day after receipt)."""

import datetime as dt

import pytest

from gongkai.core.errors import DomainError
from gongkai.deadlines.compute import Pause, period_due, reply_deadline
from gongkai.regimes import get_regime
from gongkai.regimes.rules import CountingRules

D = dt.date


def _due(calendar, received, **kwargs):
    return reply_deadline(calendar=calendar, received=received, **kwargs)


@pytest.mark.parametrize(
    ("received", "due", "why"),
    [
        # Friday before the 2023 New Year: 12-31..01-02 off; 01-28 and 01-29 are make-up days.
        (D(2022, 12, 30), D(2023, 2, 2), "2023 元旦 + 春节 with two make-up days"),
        # Just before the 2024 Spring Festival: 02-04 (Sun) and 02-18 (Sun) are make-up days,
        # 02-09 (除夕) stays a working day, 02-10..17 off.
        (D(2024, 2, 2), D(2024, 3, 6), "2024 春节"),
        # Before the 2025 National Day 8-day break: 09-28 (Sun) and 10-11 (Sat) make-up days.
        (D(2025, 9, 26), D(2025, 10, 30), "2025 国庆中秋 8 days"),
        # Received on a make-up Saturday (2026-02-14): day 1 is after the 9-day holiday.
        (D(2026, 2, 14), D(2026, 3, 20), "received on a make-up Saturday"),
        # Received on a holiday itself (2025-10-03).
        (D(2025, 10, 3), D(2025, 11, 4), "received on a holiday"),
        # The issue's example: 2026 National Day with the 10-10 make-up Saturday.
        (D(2026, 9, 28), D(2026, 10, 30), "2026 国庆"),
    ],
)
def test_reply_due_dates_from_real_notices(bundled_calendar, received, due, why):
    assert _due(bundled_calendar, received).due == due, why


def test_extension_adds_twenty_working_days(bundled_calendar):
    result = _due(bundled_calendar, D(2026, 9, 28), extended=True)
    assert (result.due, result.extended_due) == (D(2026, 10, 30), D(2026, 11, 27))


def test_2008_regime_fifteen_plus_fifteen(bundled_calendar):
    # 2017 端午: 05-28..30 off. Day 1 = 06-02, day 15 = 06-22.
    result = _due(bundled_calendar, D(2017, 6, 1), extended=True)
    assert result.regime.code == "2008"
    assert result.due == D(2017, 6, 22)
    assert bundled_calendar.workdays_between(result.due, result.extended_due) == 15


def test_regime_follows_the_receipt_date(bundled_calendar):
    assert _due(bundled_calendar, D(2019, 5, 14)).regime.code == "2008"
    assert _due(bundled_calendar, D(2019, 5, 15)).regime.code == "2019"


def test_a_regime_that_was_not_in_force_is_refused(bundled_calendar):
    with pytest.raises(DomainError) as info:
        _due(bundled_calendar, D(2018, 3, 1), regime=get_regime("2019"))
    assert info.value.code == "regime_mismatch"


def test_correction_restarts_the_clock(bundled_calendar):
    result = _due(bundled_calendar, D(2026, 9, 28), restart=D(2026, 10, 12))
    assert result.due == bundled_calendar.add_workdays(D(2026, 10, 12), 20)
    assert any("重新计算" in line for line in result.explanation)


def test_consultation_pause_moves_the_due_date_by_its_working_days(bundled_calendar):
    plain = _due(bundled_calendar, D(2026, 3, 2)).due
    paused = _due(bundled_calendar, D(2026, 3, 2), pauses=[Pause(D(2026, 3, 9), D(2026, 3, 13))])
    assert bundled_calendar.workdays_between(plain, paused.due) == 5
    assert any("期间5个工作日不计入" in line for line in paused.explanation)


def test_a_pause_within_the_extension_says_how_many_working_days_it_excluded(bundled_calendar):
    """Received 2026-03-02, first due 03-30; extended; a pause 04-01..04-10 excludes 7 working
    days (04-04..04-06 is the 清明 holiday), which the explanation must say (not 0)."""
    plain = _due(bundled_calendar, D(2026, 3, 2), extended=True)
    paused = _due(
        bundled_calendar,
        D(2026, 3, 2),
        extended=True,
        pauses=[Pause(D(2026, 4, 1), D(2026, 4, 10))],
    )
    assert paused.due == plain.due == D(2026, 3, 30)
    assert bundled_calendar.workdays_between(plain.extended_due, paused.extended_due) == 7
    assert any("期间7个工作日不计入" in line for line in paused.explanation)
    assert not any("期间0个工作日" in line for line in paused.explanation)


def test_the_issues_combined_example(bundled_calendar):
    """gongkai deadline --received 2026-09-28 --pause 2026-10-09:2026-10-20 --restart 2026-10-12:
    the clock restarts on 10-12, the pause stops it 10-13..10-20 (6 working days), so day 1 is
    10-21 and day 20 is 11-17."""
    result = _due(
        bundled_calendar,
        D(2026, 9, 28),
        pauses=[Pause(D(2026, 10, 9), D(2026, 10, 20))],
        restart=D(2026, 10, 12),
    )
    assert result.due == D(2026, 11, 17)


def test_restart_before_receipt_is_refused(bundled_calendar):
    with pytest.raises(DomainError):
        _due(bundled_calendar, D(2026, 9, 28), restart=D(2026, 9, 1))


def test_reversed_pause_is_refused(bundled_calendar):
    with pytest.raises(DomainError):
        _due(bundled_calendar, D(2026, 9, 28), pauses=[Pause(D(2026, 10, 9), D(2026, 10, 1))])


def test_counting_the_receipt_day_is_a_configurable_rule(bundled_calendar):
    default = _due(bundled_calendar, D(2026, 3, 2)).due
    counted = _due(bundled_calendar, D(2026, 3, 2), rules=CountingRules(count_receipt_day=True))
    assert bundled_calendar.workdays_between(counted.due, default) == 1


def test_explanation_names_holidays_and_makeup_days(bundled_calendar):
    lines = _due(bundled_calendar, D(2024, 2, 2)).explanation
    text = "\n".join(lines)
    assert "2024-02-10 至 2024-02-17：春节放假，不计入" in text
    assert "2024-02-04：周日调休上班（春节），计为第1个工作日" in text
    assert "答复期限届满日：2024-03-06（周三），即第20个工作日" in text


def test_other_periods_use_the_regimes_limits(bundled_calendar):
    regime = get_regime("2019")
    correction = period_due(
        calendar=bundled_calendar, start=D(2026, 9, 28), limit=regime.correction_notice
    )
    # 09-29, 09-30, (10-01..07 off), 10-08, 10-09, 10-10 (make-up Sat), 10-12, 10-13
    assert correction.due == D(2026, 10, 13)
    assert bundled_calendar.workdays_between(D(2026, 9, 28), correction.due) == 7


def test_the_counting_rule_cites_the_civil_procedure_law_on_periods(bundled_calendar):
    """The day of receipt is not counted: 《民事诉讼法》Art. 85 (periods), not 《行政诉讼法》
    Art. 83 (the simplified procedure)."""
    result = _due(bundled_calendar, D(2026, 3, 2))
    received = next(line for line in result.explanation if line.startswith("收到申请之日"))
    assert "《中华人民共和国民事诉讼法》第八十五条" in received
    assert "行政诉讼法" not in "".join(result.explanation)
