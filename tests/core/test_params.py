"""Whole numbers from a query string (core.params): one parser for every list's page, year and
id, so that nothing a visitor types in the address bar reaches int(), a date or the database
unchecked."""

import pytest
from django.http import QueryDict

from gongkai.core.params import (
    MAX_ID,
    BadParameter,
    id_param,
    int_param,
    page_param,
    year_param,
)


@pytest.mark.parametrize("text, number", [("7", 7), (" 12 ", 12), ("-3", -3), ("+4", 4)])
def test_plain_decimal_numbers_are_read(text, number):
    assert int_param(text) == number


@pytest.mark.parametrize(
    "text",
    ["", "abc", "²", "１２", "1_000", "1.5", "1e3", "%", "\x00", "9" * 20, "x" * 5000, None, []],
)
def test_anything_else_is_none_not_an_error(text):
    """Only ASCII digits count: "²" and "１２" are digits to str.isdigit (int() reads "１２" and
    "1_000"); twenty digits would overflow a date or the database."""
    assert int_param(text) is None


def test_bounds_are_inclusive():
    assert int_param("1", minimum=1, maximum=3) == 1
    assert int_param("3", minimum=1, maximum=3) == 3
    assert int_param("0", minimum=1) is None
    assert int_param("4", maximum=3) is None


@pytest.mark.parametrize("text", ["abc", "0", "-1", "99999999999999999999"])
def test_a_bad_page_number_is_the_first_page(text):
    assert page_param(QueryDict(f"page={text}")) is None


def test_a_year_that_is_not_a_year_is_a_clear_400():
    with pytest.raises(BadParameter) as info:
        year_param(QueryDict("year=99999999999999999999"))
    assert info.value.message == "年份应为1900至2999之间的整数。"
    assert info.value.field == "year" and info.value.code == "bad_parameter"


def test_an_absent_or_empty_parameter_is_none():
    assert year_param(QueryDict("")) is None
    assert year_param(QueryDict("year=")) is None
    assert id_param(QueryDict("agency="), "agency") is None


def test_an_id_is_positive_and_fits_a_bigint():
    assert id_param(QueryDict(f"agency={MAX_ID}"), "agency") == MAX_ID
    for text in ("0", str(MAX_ID + 1), "abc"):
        with pytest.raises(BadParameter):
            id_param(QueryDict(f"agency={text}"), "agency", label="机关")


def test_a_search_text_is_trimmed_cut_and_without_nul_characters():
    from gongkai.core.params import text_param

    assert text_param(QueryDict("q=%20%E5%B7%A5%E4%B8%9A%00%20")) == "工业"
    assert len(text_param(QueryDict("q=" + "x" * 500))) == 100
