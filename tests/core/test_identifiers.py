"""Identity-number and credit-code validation (GB 11643, GB 32100 and document formats)."""

import datetime as dt
import time

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import translation

from gongkai.core.identifiers import (
    credit_code_check_char,
    mask_address,
    mask_email,
    mask_identifier,
    resident_id_check_char,
    validate_credit_code,
    validate_hk_macau_permit,
    validate_passport,
    validate_residence_permit,
    validate_resident_id,
    validate_taiwan_permit,
)


def _error_code(validator, value):
    with pytest.raises(ValidationError) as info:
        validator(value)
    return info.value.code


class TestResidentId:
    def test_accepts_the_gb11643_example_with_x_check(self):
        assert validate_resident_id("11010519491231002X") == "11010519491231002X"

    def test_normalises_lowercase_x_spaces_and_fullwidth_digits(self):
        assert validate_resident_id(" 110105 19491231 002x ") == "11010519491231002X"
        assert validate_resident_id("１１０１０５１９４９１２３１００２Ｘ") == "11010519491231002X"

    def test_check_character_is_iso7064_mod_11_2(self):
        assert resident_id_check_char("11010519491231002") == "X"
        assert resident_id_check_char("44052418800101001") == "4"

    @pytest.mark.parametrize("wrong", ["110105194912310021", "110105194912310020"])
    def test_rejects_wrong_check_digit(self, wrong):
        assert _error_code(validate_resident_id, wrong) == "check_digit"

    @pytest.mark.parametrize("short", ["11010519491231002", "1101051949123100211", ""])
    def test_rejects_wrong_length(self, short):
        assert _error_code(validate_resident_id, short) == "length"

    @pytest.mark.parametrize(
        "bad", ["1101051949123100X2", "11010519491231A02X", "11010519491231002Y"]
    )
    def test_rejects_wrong_characters(self, bad):
        assert _error_code(validate_resident_id, bad) == "characters"

    def test_rejects_impossible_birth_date(self):
        first17 = "11010519491331002"  # month 13
        assert _error_code(validate_resident_id, first17 + resident_id_check_char(first17)) == (
            "birth_date"
        )

    def test_residence_permit_needs_hk_macau_taiwan_prefix_and_check_digit(self):
        first17 = "81000019900101123"
        good = first17 + resident_id_check_char(first17)
        assert validate_residence_permit(good) == good
        assert _error_code(validate_residence_permit, "11010519491231002X") == "format"
        wrong = first17 + ("0" if good[-1] != "0" else "1")
        assert _error_code(validate_residence_permit, wrong) == "check_digit"


class TestCreditCode:
    def test_accepts_valid_code(self):
        assert validate_credit_code("91350100M000100Y43") == "91350100M000100Y43"

    def test_normalises_case_and_spaces(self):
        assert validate_credit_code("91350100m000100y43 ") == "91350100M000100Y43"

    def test_check_character_follows_gb32100(self):
        assert credit_code_check_char("91350100M000100Y4") == "3"

    def test_rejects_wrong_check_character(self):
        assert _error_code(validate_credit_code, "91350100M000100Y44") == "check_digit"

    @pytest.mark.parametrize("value", ["91350100M000100Y4", "91350100M000100Y433", ""])
    def test_rejects_wrong_length(self, value):
        assert _error_code(validate_credit_code, value) == "length"

    @pytest.mark.parametrize("letter", ["I", "O", "S", "V", "Z", "-"])
    def test_rejects_characters_outside_the_31_character_set(self, letter):
        value = "91350100M000100Y4" + letter
        with pytest.raises(ValidationError) as info:
            validate_credit_code(value)
        assert info.value.code == "characters"
        assert letter in info.value.messages[0]


class TestTravelDocuments:
    def test_passport_formats(self):
        assert validate_passport("E12345678") == "E12345678"
        assert validate_passport("ea1234567") == "EA1234567"
        assert _error_code(validate_passport, "E12") == "length"
        assert _error_code(validate_passport, "ABCDEFGH") == "characters"
        assert _error_code(validate_passport, "E1234-5678") == "characters"

    def test_hk_macau_permit(self):
        assert validate_hk_macau_permit("H12345678") == "H12345678"
        assert validate_hk_macau_permit("M1234567890") == "M1234567890"
        assert _error_code(validate_hk_macau_permit, "X12345678") == "format"
        assert _error_code(validate_hk_macau_permit, "H1234567") == "format"

    def test_taiwan_permit(self):
        assert validate_taiwan_permit("12345678") == "12345678"
        assert _error_code(validate_taiwan_permit, "1234567") == "format"
        assert _error_code(validate_taiwan_permit, "T2345678") == "format"


def test_masking_keeps_only_the_ends():
    assert mask_identifier("11010519491231002X") == "110***********002X"
    assert mask_identifier("E12345678") == "E*******8"
    assert mask_identifier("") == ""


def test_a_masked_phone_keeps_the_carrier_prefix_and_the_last_four_digits():
    assert mask_identifier("13800000001") == "138****0001"
    assert mask_identifier("0370-3000000") == "037*****0000"


def test_a_masked_address_keeps_only_the_region():
    assert mask_address("河南省商丘市梁园区民主路1号") == "河南省商丘市****"
    assert mask_address("民主路1号") == "民主****"  # never more than half of it
    assert mask_address("  ") == ""


def test_a_masked_email_keeps_the_first_character_and_the_domain():
    assert mask_email("zhangsan@example.com") == "z***@example.com"
    assert mask_email("") == ""
    assert mask_email("not-an-address") == mask_identifier("not-an-address")


def _resident_id(first17):
    return first17 + resident_id_check_char(first17)


def _credit_code(first17):
    return first17 + credit_code_check_char(first17)


@pytest.mark.parametrize(
    ("validator", "value", "code", "message"),
    [
        (
            validate_resident_id,
            "11010519491231002",
            "length",
            "居民身份证号码应为18位，当前为17位。",
        ),
        (
            validate_resident_id,
            "11010519491231A02X",
            "characters",
            "居民身份证号码前17位只能是数字，最后一位是数字或X。",
        ),
        (
            validate_resident_id,
            _resident_id("11010519490231002"),
            "birth_date",
            "居民身份证号码中的出生日期无效。",
        ),
        (
            validate_resident_id,
            "110105194912310021",
            "check_digit",
            "居民身份证号码校验码错误，请核对后重新输入。",
        ),
        (
            validate_residence_permit,
            "11010519491231002X",
            "format",
            "港澳台居民居住证号码应为18位，并以810000、820000或830000开头。",
        ),
        (validate_passport, "E12", "length", "护照号码应为5至17位字母或数字。"),
        (
            validate_passport,
            "ABCDEFGH",
            "characters",
            "护照号码只能由字母和数字组成，且至少含一位数字。",
        ),
        (
            validate_hk_macau_permit,
            "X12345678",
            "format",
            "港澳居民来往内地通行证号码应为H或M开头，后接8位（旧证10位）数字。",
        ),
        (
            validate_taiwan_permit,
            "1234567",
            "format",
            "台湾居民来往大陆通行证号码应为8位数字（2015年以前的旧证为10位）。",
        ),
        (
            validate_credit_code,
            "91350100M000100Y4",
            "length",
            "统一社会信用代码应为18位，当前为17位。",
        ),
        (
            validate_credit_code,
            "91350100M000100YOS",
            "characters",
            "统一社会信用代码含有不允许的字符：O、S（不使用I、O、S、V、Z）。",
        ),
        (
            validate_credit_code,
            "91350100M000100Y44",
            "check_digit",
            "统一社会信用代码校验码错误，请核对后重新输入。",
        ),
    ],
)
def test_each_refusal_says_in_chinese_what_is_wrong(validator, value, code, message):
    """Every refusal keeps its own Chinese message and stable code (forms and the API show it)."""
    with translation.override("zh-hans"), pytest.raises(ValidationError) as info:
        validator(value)
    assert info.value.code == code
    assert info.value.messages == [message]


class TestResidentIdBeyondStdnumsRegionTable:
    """python-stdnum computes the check character; its stricter region check is not applied."""

    def test_accepts_every_residence_permit_prefix_whatever_the_birth_year(self):
        """stdnum's table knows 810000 only from 1997, 820000 from 1999 and not 830000 at all."""
        for prefix in ("810000", "820000", "830000"):
            number = _resident_id(prefix + "19800101123")
            assert validate_residence_permit(number) == number

    def test_accepts_a_county_code_older_than_the_holder_knows(self):
        """The region code is where the number was issued: a holder may predate the county."""
        number = _resident_id("11011219500101001")  # 通州区 (code from 1997), born 1950
        assert validate_resident_id(number) == number

    def test_refuses_a_birth_year_before_1880(self):
        assert _error_code(validate_resident_id, _resident_id("11010518791231002")) == "birth_date"

    def test_check_character_helper_refuses_anything_but_17_digits(self):
        with pytest.raises(ValueError):
            resident_id_check_char("1101051949123100")
        with pytest.raises(ValueError):
            resident_id_check_char("1101051949123100A")


@pytest.fixture
def server_clock_in_utc(monkeypatch):
    """The process's local time zone is UTC, as on many servers (Django otherwise sets TZ)."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("server_clock_in_utc")
def test_a_birth_date_is_in_the_future_by_the_china_date_not_the_servers():
    """At 01:30 on 4 March in Beijing (17:30 on 3 March UTC) a child born on 4 March has a valid
    number, and one born on 5 March does not yet."""
    with time_machine.travel(dt.datetime(2026, 3, 3, 17, 30, tzinfo=dt.UTC), tick=False):
        assert dt.date.today() == dt.date(2026, 3, 3)  # the server's own date lags behind
        born_today = _resident_id("11010520260304001")
        assert validate_resident_id(born_today) == born_today
        tomorrow = _resident_id("11010520260305001")
        assert _error_code(validate_resident_id, tomorrow) == "birth_date"


class TestCreditCodeBeyondStdnumsDigitsOnlyPrefix:
    """GB 32100's first character may be a letter; python-stdnum's uscc.validate refuses it."""

    @pytest.mark.parametrize(
        "first17",
        [
            "N2411400MA0000001",  # 农业: 村级集体经济组织
            "Y1411400MA0000001",  # 其他
            "A1110000MA0000001",  # 中央军委改革和编制办公室: 军队事业单位
        ],
    )
    def test_accepts_a_letter_for_the_registering_department(self, first17):
        code = _credit_code(first17)
        assert validate_credit_code(code) == code

    def test_check_character_helper_refuses_characters_outside_the_set(self):
        with pytest.raises(ValueError):
            credit_code_check_char("91350100M000100YO")
        with pytest.raises(ValueError):
            credit_code_check_char("91350100M000100Y")
