"""Template tags other apps' pages use to link to engagement records without importing this
app's Python code (the catalogue must not depend on the app that depends on it)."""

from django import template

from ..selectors import consultation_for_item

register = template.Library()


@register.inclusion_tag("engagement/_draft_link.html")
def draft_link(item):
    """On a final decision's page: a link back to the consultation on its draft."""
    return {"consultation": consultation_for_item(item) if item is not None else None}
