"""Panels another app adds to an object's page: the one hook for showing, not doing.

An action (core.actions) changes an object; a panel only shows something about it that the
page's own app cannot compute without importing an app above it: the 答复书 that letters would
issue is shown to the reviewer on the case page, and applications knows nothing of letters.
An app registers its panels from its `actions.py`, beside the actions it adds to other apps'
tables (those modules are imported before a page is first shown). The page asks for the panels
of its name (`"applications.case"`) and includes their HTML where it shows them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from .actions import discover


@dataclasses.dataclass(frozen=True)
class Panel:
    key: str  # stable: "letters.draft_decision"
    page: str  # the page that shows it: "applications.case"
    template: str
    # Who may see it: (user, target) → bool, asked before anything is computed (the app's
    # permission policy, e.g. staff who handle or review the case).
    allowed: Callable[[Any, Any], bool]
    # The template's context: (request, target) → dict; None when there is nothing to show.
    context: Callable[[Any, Any], dict | None]
    # Shown only while this holds (the case's status), before permission and context.
    when: Callable[[Any], bool] | None = None
    order: int = 0


PANELS: dict[str, dict[str, Panel]] = {}


def register(panel: Panel) -> Panel:
    page = PANELS.setdefault(panel.page, {})
    if panel.key in page:
        raise ImproperlyConfigured(f"{panel.page}: panel {panel.key} registered twice")
    page[panel.key] = panel
    return panel


def panels_for(page: str) -> list[Panel]:
    discover()
    return sorted(PANELS.get(page, {}).values(), key=lambda p: (p.order, p.key))


def render_panels(page: str, request, target) -> list[SafeString]:
    """The HTML of each panel of `page` this user may see for `target` now, in order."""
    shown = []
    for panel in panels_for(page):
        if panel.when is not None and not panel.when(target):
            continue
        if not panel.allowed(request.user, target):
            continue
        context = panel.context(request, target)
        if context is not None:
            shown.append(render_to_string(panel.template, context, request=request))
    return shown
