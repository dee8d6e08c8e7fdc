"""Filters available in every letter template without {% load %}."""

import datetime as dt

from django import template

register = template.Library()


@register.filter
def cn_date(value) -> str:
    """2026-03-05 -> '2026年3月5日' (成文日期 in Arabic numerals, GB/T 9704-2012 7.3.5)."""
    if not isinstance(value, dt.date):
        return ""
    return f"{value.year}年{value.month}月{value.day}日"


@register.filter
def clause(value) -> str:
    """Text typed as a sentence, made fit to continue one: '需调取档案。' -> '需调取档案'."""
    return str(value or "").strip().rstrip("。；;，,.、 ")
