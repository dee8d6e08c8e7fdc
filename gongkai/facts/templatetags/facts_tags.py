"""Template filters of the facts pages."""

from decimal import Decimal

from django import template

from ..selectors import plain_decimal

register = template.Library()


@register.filter
def plain(value):
    """A Decimal without trailing zeros (1.5000 → 1.5, 100.0000 → 100)."""
    return plain_decimal(value) if isinstance(value, Decimal) else value
