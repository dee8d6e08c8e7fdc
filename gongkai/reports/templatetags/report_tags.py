from django import template

from ..document import format_number

register = template.Library()


@register.filter
def num(value):
    """A cell as printed: blank for None, amounts without trailing zeros."""
    return format_number(value)


@register.filter
def indent(level):
    return f"level-{min(int(level or 0), 3)}"
