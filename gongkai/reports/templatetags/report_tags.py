from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def num(value):
    """A cell as printed: blank for None, amounts without trailing zeros."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return value


@register.filter
def indent(level):
    return f"level-{min(int(level or 0), 3)}"
