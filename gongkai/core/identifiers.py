"""Validation of Chinese identity and organisation numbers. Pure functions, no Django models.

Each validator returns the normalised value or raises django.core.exceptions.ValidationError
with a specific Chinese message and a stable code, so forms and the API can say exactly what is
wrong (wrong length, a character that cannot occur, a wrong check digit …).

The check characters are python-stdnum's (`stdnum.cn.ric`: GB 11643-1999, ISO 7064 MOD 11-2;
`stdnum.cn.uscc`: GB 32100-2015). Its `validate()` functions are not used: they are stricter
than the standards in ways that refuse real numbers (see the two validators below), and their
English exceptions would lose the messages that say what is wrong.
"""

import re

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from stdnum.cn import ric, uscc
from stdnum.exceptions import InvalidComponent

# GB 32100-2015 统一社会信用代码: 18 characters from a 31-character set (no I, O, S, V, Z).
# Kept here because the "not allowed" message lists the offending characters.
_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"

_FULLWIDTH = str.maketrans(
    "０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺｘ",
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZX",
)


def _clean(value: str) -> str:
    return re.sub(r"\s+", "", (value or "").translate(_FULLWIDTH)).upper()


def resident_id_check_char(first17: str) -> str:
    """The GB 11643 check character (0–9 or X) of the first 17 digits of an ID number."""
    if not re.fullmatch(r"\d{17}", first17):
        raise ValueError("the first 17 characters of an ID number are 17 digits")
    # stdnum reads the number with its check character and ignores that last character.
    return ric.calc_check_digit(first17 + "0")


def validate_resident_id(value: str) -> str:
    """A mainland 居民身份证 number (18 characters, GB 11643 check character)."""
    number = _clean(value)
    if len(number) != 18:
        raise ValidationError(
            _("居民身份证号码应为18位，当前为%(n)d位。") % {"n": len(number)}, code="length"
        )
    if not re.fullmatch(r"\d{17}[\dX]", number):
        raise ValidationError(
            _("居民身份证号码前17位只能是数字，最后一位是数字或X。"), code="characters"
        )
    # The birth date only, not stdnum's region check (ric.get_birth_place, part of
    # ric.validate): it refuses a region code not yet assigned in the birth year, though the code
    # is where the number was issued, not where the holder was born. So it refuses every
    # 港澳台居民居住证 (830000 is not in its table; 810000 and 820000 only from 1997 and 1999)
    # and people born before their county was created. The project checks the check character
    # and the birth date, as the README says.
    try:
        born = ric.get_birth_date(number)
    except InvalidComponent:
        raise ValidationError(_("居民身份证号码中的出生日期无效。"), code="birth_date") from None
    # Today in China (TIME_ZONE), not on the server's clock: a child born just after midnight in
    # Beijing has a valid number while a UTC server is still on the day before.
    if born.year < 1880 or born > timezone.localdate():
        raise ValidationError(_("居民身份证号码中的出生日期无效。"), code="birth_date")
    expected = resident_id_check_char(number[:17])
    if number[17] != expected:
        raise ValidationError(_("居民身份证号码校验码错误，请核对后重新输入。"), code="check_digit")
    return number


def validate_residence_permit(value: str) -> str:
    """港澳台居民居住证: 18 characters like an ID number, area code 810000/820000/830000."""
    number = _clean(value)
    if number[:6] not in {"810000", "820000", "830000"} or len(number) != 18:
        raise ValidationError(
            _("港澳台居民居住证号码应为18位，并以810000、820000或830000开头。"),
            code="format",
        )
    return validate_resident_id(number)


def validate_passport(value: str) -> str:
    """护照: letters and digits, 5–17 characters, at least one digit (ICAO 9303 document numbers)."""
    number = _clean(value)
    if not 5 <= len(number) <= 17:
        raise ValidationError(_("护照号码应为5至17位字母或数字。"), code="length")
    if not re.fullmatch(r"[A-Z0-9]+", number) or not re.search(r"\d", number):
        raise ValidationError(
            _("护照号码只能由字母和数字组成，且至少含一位数字。"), code="characters"
        )
    return number


def validate_hk_macau_permit(value: str) -> str:
    """港澳居民来往内地通行证: H or M followed by 8 digits (10 on older cards)."""
    number = _clean(value)
    if not re.fullmatch(r"[HM](\d{8}|\d{10})", number):
        raise ValidationError(
            _("港澳居民来往内地通行证号码应为H或M开头，后接8位（旧证10位）数字。"),
            code="format",
        )
    return number


def validate_taiwan_permit(value: str) -> str:
    """台湾居民来往大陆通行证: 8 digits (10 on cards issued before 2015)."""
    number = _clean(value)
    if not re.fullmatch(r"\d{8}|\d{10}", number):
        raise ValidationError(
            _("台湾居民来往大陆通行证号码应为8位数字（2015年以前的旧证为10位）。"),
            code="format",
        )
    return number


def credit_code_check_char(first17: str) -> str:
    """The GB 32100 check character of the first 17 characters of a 统一社会信用代码."""
    if len(first17) != 17 or any(c not in _USCC_CHARS for c in first17):
        raise ValueError("the first 17 characters of a credit code come from GB 32100's set")
    return uscc.calc_check_digit(first17)


def validate_credit_code(value: str) -> str:
    """统一社会信用代码 (GB 32100-2015): 18 characters with a check character.

    Not stdnum's uscc.validate(): it wants digits in the first 8 places, but GB 32100's
    登记管理部门码 may be a letter (A 军队单位, N 农村集体经济组织 such as a village's N2…, Y
    其他), and those organisations may apply for disclosure like any other.
    """
    code = _clean(value)
    if len(code) != 18:
        raise ValidationError(
            _("统一社会信用代码应为18位，当前为%(n)d位。") % {"n": len(code)}, code="length"
        )
    bad = sorted({c for c in code if c not in _USCC_CHARS})
    if bad:
        raise ValidationError(
            _("统一社会信用代码含有不允许的字符：%(chars)s（不使用I、O、S、V、Z）。")
            % {"chars": "、".join(bad)},
            code="characters",
        )
    if code[17] != credit_code_check_char(code[:17]):
        raise ValidationError(
            _("统一社会信用代码校验码错误，请核对后重新输入。"), code="check_digit"
        )
    return code


def mask_identifier(value: str) -> str:
    """Shows only the first 3 and last 4 characters of long numbers (e.g. 411***********123X)."""
    value = value or ""
    if len(value) >= 10:
        return value[:3] + "*" * (len(value) - 7) + value[-4:]
    if len(value) > 2:
        return value[0] + "*" * (len(value) - 2) + value[-1]
    return "*" * len(value)


def mask_address(value: str) -> str:
    """An address down to its first few characters, the region (河南省商丘市****): enough to
    see where a letter goes, not the street or the house."""
    value = (value or "").strip()
    if not value:
        return ""
    return value[: min(6, len(value) // 2)] + "****"


def mask_email(value: str) -> str:
    """An e-mail address with its name hidden but its first character (z***@example.com)."""
    value = (value or "").strip()
    name, at, domain = value.partition("@")
    if not at:
        return mask_identifier(value)
    return (name[:1] + "***" if name else "") + "@" + domain
