"""Identity-number and credit-code validation (GB 11643, GB 32100 and document formats)."""

import pytest
from django.core.exceptions import ValidationError

from gongkai.core.identifiers import (
    credit_code_check_char,
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
