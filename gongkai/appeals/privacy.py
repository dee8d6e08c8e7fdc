"""Anonymising what the public sees of a case: names become “张某”, ID and phone numbers go."""

import re

# 18-character resident ID / credit codes, then mainland mobile and landline numbers.
_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])[0-9A-Z]{17}[0-9Xx](?![0-9A-Za-z])")
_PHONE = re.compile(r"(?<!\d)(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8})(?!\d)")


def mask_name(name: str) -> str:
    """The first character, then 某: 张三丰 → 张某."""
    name = (name or "").strip()
    return (name[:1] if len(name) > 1 else "") + "某"


def anonymise(text: str, names=()) -> str:
    """`text` with every given name masked and identifying numbers removed."""
    text = text or ""
    for name in sorted({(n or "").strip() for n in names}, key=len, reverse=True):
        if len(name) >= 2:
            text = text.replace(name, mask_name(name))
    text = _ID_NUMBER.sub("［证件号码］", text)
    return _PHONE.sub("［电话号码］", text)


def names_in(text: str, names=()) -> list[str]:
    """The given names (two characters or more) that occur in `text`."""
    return [n for n in {(n or "").strip() for n in names} if len(n) >= 2 and n in (text or "")]
