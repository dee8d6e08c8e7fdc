"""Where an application falls at the year boundary: received in one year, answered in the next;
按时办结/延期办结 of the old form; a withdrawal."""

import datetime as dt

from gongkai.reports.compute import build
from tests.reports.fixtures import T3_COLUMNS, application, frozen, rows, withdrawn

D = dt.date


def _t3_total(data) -> dict:
    return {row: values[-1] for row, values in rows(data, "t3", T3_COLUMNS).items()}


def test_received_late_december_answered_in_january_is_carried_forward(dept_a, gb2021):
    """Received 2025-12-30 and served 2026-01-20: in 2025 it is new and 结转下年度."""
    application(dept_a, received=D(2025, 12, 30), served=D(2026, 1, 20), outcome="granted")
    with frozen(2026, 3, 1):
        t3 = _t3_total(build(gb2021, dept_a, 2025))
    assert (t3["new_received"], t3["carried_over"]) == (1, 0)
    assert (t3["granted"], t3["results_total"], t3["carried_forward"]) == (0, 0, 1)


def test_received_late_december_answered_in_january_is_carried_over_next_year(dept_a, gb2021):
    """The same application in 2026: 上年结转, and its result counted in 2026."""
    application(dept_a, received=D(2025, 12, 30), served=D(2026, 1, 20), outcome="granted")
    with frozen(2026, 3, 1):
        t3 = _t3_total(build(gb2021, dept_a, 2026))
    assert (t3["new_received"], t3["carried_over"]) == (0, 1)
    assert (t3["granted"], t3["results_total"], t3["carried_forward"]) == (1, 1, 0)


def test_answered_on_the_last_day_belongs_to_that_year(dept_a, gb2021):
    """Served on 31 December: concluded in that year, not carried forward."""
    application(dept_a, received=D(2025, 12, 1), served=D(2025, 12, 31), outcome="granted")
    t3 = _t3_total(build(gb2021, dept_a, 2025))
    assert (t3["results_total"], t3["carried_forward"]) == (1, 0)
    assert _t3_total(build(gb2021, dept_a, 2026))["carried_over"] == 0


def test_received_on_new_years_day_is_next_years(dept_a, gb2021):
    """Received on 1 January: new in that year, nowhere in the year before."""
    application(dept_a, received=D(2026, 1, 1))
    before = _t3_total(build(gb2021, dept_a, 2025))
    after = _t3_total(build(gb2021, dept_a, 2026))
    assert before["new_received"] == before["carried_forward"] == 0
    assert (after["new_received"], after["carried_forward"]) == (1, 1)


def test_open_for_two_years_is_carried_over_and_forward_in_the_middle_year(dept_a, gb2021):
    """Received in 2024, answered in 2026: 2025 counts it as 上年结转 and 结转下年度 only."""
    application(dept_a, received=D(2024, 11, 1), served=D(2026, 2, 1), outcome="granted")
    t3 = _t3_total(build(gb2021, dept_a, 2025))
    assert (t3["new_received"], t3["carried_over"]) == (0, 1)
    assert (t3["results_total"], t3["carried_forward"]) == (0, 1)


def test_withdrawn_across_the_year_end(dept_a, gb2021):
    """Received in December, withdrawn in January: carried forward, then 3.其他 next year."""
    withdrawn(dept_a, received=D(2025, 12, 20), closed=D(2026, 1, 5), applicant_type="research")
    first = rows(build(gb2021, dept_a, 2025), "t3", T3_COLUMNS)
    second = rows(build(gb2021, dept_a, 2026), "t3", T3_COLUMNS)
    assert first["carried_forward"] == [0, 0, 1, 0, 0, 0, 1]
    assert first["other_other"] == [0] * 7
    assert second["carried_over"] == [0, 0, 1, 0, 0, 0, 1]
    assert second["other_other"] == [0, 0, 1, 0, 0, 0, 1]


def test_on_time_and_extended_in_the_old_form(dept_a, gb2008):
    """(二)申请办结数 splits into 按时办结 (not extended, not late) and 延期办结 (extended or late);
    a case answered in January is closed in that year, on time or extended."""
    application(
        dept_a, received=D(2016, 12, 28), served=D(2017, 1, 5), regime="2008",
        outcome="s3_rep_agree", on_time=True,
    )  # fmt: skip
    application(
        dept_a, received=D(2016, 12, 1), served=D(2017, 1, 20), regime="2008",
        outcome="s3_rep_agree", extended=True, on_time=True,
    )  # fmt: skip
    # on_time not recorded: counted as on time.
    application(
        dept_a, received=D(2017, 3, 1), served=D(2017, 3, 5), regime="2008",
        outcome="s3_rep_agree",
    )  # fmt: skip
    # Answered in 2018: not closed in 2017.
    application(
        dept_a, received=D(2017, 12, 20), served=D(2018, 1, 30), regime="2008",
        outcome="s3_rep_agree", extended=True,
    )  # fmt: skip
    values = build(gb2008, dept_a, 2017).values["tongjibiao"]
    got = {k: values[k]["value"] for k in ("s3_received", "s3_closed", "s3_closed_ontime",
                                           "s3_closed_extended", "s3_rep_agree")}  # fmt: skip
    assert got == {
        "s3_received": 2,
        "s3_closed": 3,
        "s3_closed_ontime": 2,
        "s3_closed_extended": 1,
        "s3_rep_agree": 3,
    }


def test_a_late_reply_counts_as_concluded_beyond_the_period(dept_a, gb2008):
    """A reply recorded as late (on_time False, not extended) was concluded after the statutory
    period: 延期办结, like an extended one, so 申请办结数 = 按时 + 延期 always holds."""
    from gongkai.reports.check import check

    application(
        dept_a, received=D(2017, 3, 1), served=D(2017, 5, 5), regime="2008",
        outcome="s3_rep_agree", on_time=False,
    )  # fmt: skip
    data = build(gb2008, dept_a, 2017)
    assert data.value("tongjibiao", "s3_closed", "value") == 1
    assert data.value("tongjibiao", "s3_closed_ontime", "value") == 0
    assert data.value("tongjibiao", "s3_closed_extended", "value") == 1
    assert [p for p in check(data) if p.severity == "error"] == []


def test_withdrawn_in_the_old_form_is_closed_not_replied(dept_a, gb2008):
    """Withdrawn in 2017: 办结 1 (按时), 答复 0."""
    withdrawn(dept_a, received=D(2017, 3, 1), closed=D(2017, 3, 3), regime="2008")
    values = build(gb2008, dept_a, 2017).values["tongjibiao"]
    assert values["s3_closed"]["value"] == 1
    assert values["s3_closed_ontime"]["value"] == 1
    assert values["s3_replies"]["value"] == 0
