"""Parsing the State Council's yearly holiday notices, checked against regulation.md (c)."""

import datetime as dt

import pytest

from gongkai.workdays.loaders import chinese_calendar_days
from gongkai.workdays.notice import NoticeParseError, parse_notice
from tests.workdays.fixtures import notice_text


def _days(*spans: str) -> list[dt.date]:
    """'2023-01-21..2023-01-27' or '2023-04-05' → the dates, in order."""
    out = []
    for span in spans:
        first, _, last = span.partition("..")
        a, b = dt.date.fromisoformat(first), dt.date.fromisoformat(last or first)
        out.extend(a + dt.timedelta(days=i) for i in range((b - a).days + 1))
    return out


# regulation.md section (c), written out by hand: (days off, make-up working days, 文号).
EXPECTED = {
    2023: (
        _days(
            "2022-12-31..2023-01-02",
            "2023-01-21..2023-01-27",
            "2023-04-05",
            "2023-04-29..2023-05-03",
            "2023-06-22..2023-06-24",
            "2023-09-29..2023-10-06",
        ),
        _days(
            "2023-01-28",
            "2023-01-29",
            "2023-04-23",
            "2023-05-06",
            "2023-06-25",
            "2023-10-07",
            "2023-10-08",
        ),
        "国办发明电〔2022〕16号",
    ),
    2024: (
        _days(
            "2024-01-01",
            "2024-02-10..2024-02-17",
            "2024-04-04..2024-04-06",
            "2024-05-01..2024-05-05",
            "2024-06-10",
            "2024-09-15..2024-09-17",
            "2024-10-01..2024-10-07",
        ),
        _days(
            "2024-02-04",
            "2024-02-18",
            "2024-04-07",
            "2024-04-28",
            "2024-05-11",
            "2024-09-14",
            "2024-09-29",
            "2024-10-12",
        ),
        "国办发明电〔2023〕7号",
    ),
    2025: (
        _days(
            "2025-01-01",
            "2025-01-28..2025-02-04",
            "2025-04-04..2025-04-06",
            "2025-05-01..2025-05-05",
            "2025-05-31..2025-06-02",
            "2025-10-01..2025-10-08",
        ),
        _days("2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"),
        "国办发明电〔2024〕12号",
    ),
    2026: (
        _days(
            "2026-01-01..2026-01-03",
            "2026-02-15..2026-02-23",
            "2026-04-04..2026-04-06",
            "2026-05-01..2026-05-05",
            "2026-06-19..2026-06-21",
            "2026-09-25..2026-09-27",
            "2026-10-01..2026-10-07",
        ),
        _days("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"),
        "国办发明电〔2025〕7号",
    ),
}


@pytest.mark.parametrize("year", sorted(EXPECTED))
def test_real_notice_gives_exactly_the_published_days(year):
    holidays, makeup, number = EXPECTED[year]
    parsed = parse_notice(notice_text(year))
    assert parsed.year == year
    assert parsed.document_number == number
    assert [r.date for r in parsed.holidays] == holidays
    assert [r.date for r in parsed.makeup_days] == makeup


@pytest.mark.parametrize("year", sorted(EXPECTED))
def test_real_notice_agrees_with_chinese_calendar_on_working_days(year):
    """Every date the notice names has the same working/rest status in chinese-calendar."""
    bundled = {rule.date: rule.kind for rules in chinese_calendar_days().values() for rule in rules}
    for rule in parse_notice(notice_text(year)).days:
        assert bundled.get(rule.date, "holiday" if rule.date.weekday() >= 5 else "workday") == (
            rule.kind
        ), rule


def test_names_are_taken_from_the_items():
    parsed = parse_notice(notice_text(2023))
    names = {r.date.isoformat(): r.name for r in parsed.days}
    assert names["2022-12-31"] == "元旦"
    assert names["2023-10-07"] == "中秋节、国庆节"


def test_encouraged_rest_on_new_years_eve_2024_is_read_but_not_a_holiday():
    parsed = parse_notice(notice_text(2024))
    assert dt.date(2024, 2, 9) not in {r.date for r in parsed.days}
    assert any("倡导性" in r.meaning for r in parsed.readings)


def test_items_without_title_need_a_year():
    text = "一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。"
    with pytest.raises(NoticeParseError):
        parse_notice(text)
    assert len(parse_notice(text, year=2026).days) == 4


def test_year_given_must_match_the_title():
    with pytest.raises(NoticeParseError) as info:
        parse_notice(notice_text(2026), year=2027)
    assert "2026" in info.value.message


def test_weekday_annotation_that_contradicts_the_year_is_refused():
    text = "一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。"
    with pytest.raises(NoticeParseError) as info:
        parse_notice(text, year=2027)  # 2027-01-01 is a Friday
    assert "请核对年份" in info.value.message


def test_day_count_must_match_the_range():
    with pytest.raises(NoticeParseError) as info:
        parse_notice("二、春节：2月10日至17日放假调休，共7天。", year=2024)
    assert "共7天" in info.value.message and info.value.sentence.startswith("2月10日")


def test_makeup_day_on_a_weekday_is_refused():
    with pytest.raises(NoticeParseError) as info:
        parse_notice("三、清明节：4月4日至6日放假调休，共3天。4月8日（星期一）上班。", year=2024)
    assert "本就是工作日" in info.value.message


def test_unknown_sentence_is_refused_and_named():
    text = notice_text(2026).replace("5月9日（周六）上班。", "5月9日（周六）上班。另行通知。")
    with pytest.raises(NoticeParseError) as info:
        parse_notice(text)
    assert info.value.sentence == "另行通知"


def test_unknown_paragraph_outside_the_items_is_refused():
    text = notice_text(2026) + "\n以上安排如有变化以本网站为准。"
    with pytest.raises(NoticeParseError) as info:
        parse_notice(text)
    assert "以上安排如有变化" in info.value.sentence


def test_text_with_no_items_is_refused():
    with pytest.raises(NoticeParseError):
        parse_notice("国务院办公厅关于2027年部分节假日安排的通知")


def test_half_width_punctuation_and_spaces_are_accepted():
    text = "一、元旦: 1月1日(周四)至3日(周六)放假调休, 共3天。1月4日(周日)上班。"
    assert len(parse_notice(text, year=2026).days) == 4
