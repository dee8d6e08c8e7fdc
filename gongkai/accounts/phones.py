"""Mainland mobile numbers: normalisation and validation (pure)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

_MOBILE = re.compile(r"^1[3-9]\d{9}$")


def normalize_phone(value: str) -> str:
    """'+86 138-0013-8000' → '13800138000'. Returns the input stripped if it is not a phone."""
    digits = re.sub(r"[\s\-()（）]", "", value or "")
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("0086"):
        digits = digits[4:]
    return digits


def looks_like_phone(value: str) -> bool:
    return bool(_MOBILE.match(normalize_phone(value)))


def validate_mobile(value: str) -> str:
    phone = normalize_phone(value)
    if not phone.isdigit():
        raise ValidationError(_("手机号码只能包含数字。"), code="characters")
    if len(phone) != 11:
        raise ValidationError(_("手机号码应为11位数字。"), code="length")
    if not _MOBILE.match(phone):
        raise ValidationError(
            _("请输入有效的中国大陆手机号码（1开头，第二位为3至9）。"), code="format"
        )
    return phone
