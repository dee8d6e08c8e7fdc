"""Personal numbers in text, and masking them wherever a finding quotes the file.

- 居民身份证号码: 18 characters (GB 11643) whose check character and birth date are valid
  (core.identifiers.validate_resident_id), written plainly or in groups of 6-8-4 separated by one
  space or hyphen each, in ASCII or full-width digits; the 15-digit numbers of first-generation
  cards are not looked for.
- 手机号码: a mainland mobile number 1[3-9]xxxxxxxxx, optionally after +86, 0086 or 86, written
  plainly or in groups of 3-4-4.
- 个体工商户的统一社会信用代码 (GB 32100): 18 characters with a valid check character whose
  登记管理部门码 and 机构类别码 are 9 and 2 (工商 / 个体工商户). An enterprise's code (91…) is
  public by nature and not reported.

None of them may touch another digit (or, for the 18-character numbers, a letter): a number
inside a longer run of digits is something else (an account, a serial number).
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError

from ..identifiers import credit_code_check_char, mask_identifier, validate_resident_id

ID_NUMBER, MOBILE_NUMBER, PERSON_BUSINESS_CODE = (
    "id_number",
    "mobile_number",
    "person_business_code",
)

# Full-width digits, letters, hyphen and the ideographic space read as ASCII, one character
# for one, so that positions in the text do not move.
_ASCII = str.maketrans(
    {chr(0xFF10 + i): str(i) for i in range(10)}
    | {chr(0xFF21 + i): chr(0x41 + i) for i in range(26)}
    | {chr(0xFF41 + i): chr(0x61 + i) for i in range(26)}
    | {"－": "-", "\u3000": " ", "＋": "+"}
)
_WIDE = re.compile("[\uff0b\uff0d\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000]")
_ID = re.compile(r"(?<![0-9A-Za-z])(\d{6})([ -]?)(\d{8})\2(\d{3}[\dXx])(?![0-9A-Za-z])")
_MOBILE = re.compile(
    r"(?<![0-9+])(?<!\d\.)(?:(?:\+|00)?86[ -]?)?(1[3-9]\d)([ -]?)(\d{4})\2(\d{4})(?!\d|\.\d)"
)
_CREDIT = re.compile(r"(?<![0-9A-Za-z])92[0-9A-HJ-NP-RTUW-Y]{16}(?![0-9A-Za-z])")
_LONG_DIGITS = re.compile(r"\d{11,}")


@dataclass(frozen=True)
class Number:
    kind: str  # id_number, mobile_number or person_business_code
    value: str  # normalised: 18 characters, or the 11 digits of a mobile number
    start: int
    end: int

    @property
    def masked(self) -> str:
        return mask_identifier(self.value)


def _valid_id(number: str) -> bool:
    try:
        validate_resident_id(number)
    except ValidationError:
        return False
    return True


def find_numbers(text: str) -> list[Number]:
    """Every personal number in `text`, in order of position."""
    text = text or ""
    if len(text) < 11:
        return []
    if _WIDE.search(text):
        text = text.translate(_ASCII)
    found = []
    for match in _ID.finditer(text):
        number = (match.group(1) + match.group(3) + match.group(4)).upper()
        if _valid_id(number):
            found.append(Number(ID_NUMBER, number, match.start(), match.end()))
    for match in _MOBILE.finditer(text):
        number = match.group(1) + match.group(3) + match.group(4)
        found.append(Number(MOBILE_NUMBER, number, match.start(), match.end()))
    for match in _CREDIT.finditer(text):
        code = match.group(0)
        if credit_code_check_char(code[:17]) == code[17]:
            found.append(Number(PERSON_BUSINESS_CODE, code, match.start(), match.end()))
    return sorted(found, key=lambda n: n.start) if len(found) > 1 else found


def mask_numbers(text: str) -> str:
    """`text` with every personal number masked, and any other run of 11 or more digits
    (bank accounts, numbers with a wrong check character) masked as well."""
    if not text:
        return text or ""
    parts, last = [], 0
    for number in find_numbers(text):
        if number.start >= last:
            parts += [text[last : number.start], number.masked]
            last = number.end
    parts.append(text[last:])
    return _LONG_DIGITS.sub(lambda m: mask_identifier(m.group(0)), "".join(parts))
