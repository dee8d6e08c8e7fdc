"""The one way a page or the API runs an action from a table (core.actions): parse the form,
call the service, say what happened. Views only find the object and render their page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .actions import ActionTable
from .errors import DomainError


def add_service_error(form, error: DomainError | ValidationError) -> None:
    """Show a service's refusal on the form: on its field when the form has that field."""
    if isinstance(error, ValidationError):
        if hasattr(error, "error_dict"):
            for field, messages_ in error.message_dict.items():
                form.add_error(field if field in form.fields else None, messages_)
        else:
            form.add_error(None, "；".join(error.messages))
    else:
        form.add_error(error.field if error.field in form.fields else None, error.message)


def _page_prefix(table: ActionTable, name: str, prefix: str) -> str | None:
    """A form's prefix on a page: the object's prefix and the action's name, unless the
    table's pages post plain field names (`prefixed=False`)."""
    return f"{prefix}{name}" if table.prefixed else (prefix or None)


def action_forms(table: ActionTable, user, target, *, bound=None, prefix: str = "") -> list[tuple]:
    """[(name, label, form, action)] of the actions the user may take now, for the page;
    `bound` = (name, form) keeps a refused form with its errors. `prefix` tells apart the
    forms of several objects on one page (each comment on its consultation's page)."""
    return [
        (
            action.name,
            action.label,
            bound[1]
            if bound and bound[0] == action.name
            else table.form(action.name, target, prefix=_page_prefix(table, action.name, prefix)),
            action,
        )
        for action in table.available(user, target)
    ]


def action_post(
    request,
    *,
    table: ActionTable,
    target,
    name: str,
    success_url: str | Callable[[Any], str],
    template: str,
    context: Callable[[tuple], dict],
    prefix: str = "",
) -> HttpResponse:
    """The POST of one action's form on an object's page. Success: the action's message and a
    redirect to `success_url` (a callable gets the service's result: an action that creates an
    object may lead to it). Refusal (invalid input, a service's DomainError or
    ValidationError): the page `template` again with status 400, its context from
    `context((name, bound form))` — the target re-read first, since the rolled-back step may
    have changed it in memory — with that action's form open. `prefix`: the one the page gave
    the object's forms (`action_forms`). An action the object's state does not allow is
    refused before its service runs (it may read what that state brings): the page again,
    the action's form open with the refusal."""
    if name not in table:
        raise Http404
    table.require(request.user, name, target)
    prefix = _page_prefix(table, name, prefix)
    form = table.form(name, target, request.POST, request.FILES, prefix=prefix)
    try:
        table.check_state(name, target)
    except DomainError as error:  # the page may not show this state's forms: said on top
        messages.error(request, error.message)
    else:
        if form.is_valid():
            try:
                result = table.perform(request.user, name, target, form.cleaned_data)
            except (DomainError, ValidationError) as error:
                add_service_error(form, error)
            else:
                action = table[name]
                done = action.done_message(result)
                messages.success(
                    request, done or _("已完成：%(action)s") % {"action": action.label}
                )
                return redirect(success_url(result) if callable(success_url) else success_url)
    target.refresh_from_db()
    page = context((name, form))
    page.setdefault("open_action", name)
    return render(request, template, page, status=400)


def _not_scalar(form, data) -> str | None:
    """The first field given an object or a list where it takes one value (a JSON body can
    say anything; a form field of one value cannot read it)."""
    from django import forms

    if not hasattr(data, "get"):
        return None
    for name, field in form.fields.items():
        value = data.get(name)
        if isinstance(value, (dict, list)) and not isinstance(
            field, (forms.MultipleChoiceField, forms.ModelMultipleChoiceField, forms.FileField)
        ):
            return name
    return None


def action_api(request, *, table: ActionTable, target, name: str, respond: Callable, data=None):
    """POST …/actions/<name>/ in the API: the same form as the page, unprefixed; a refusal
    is the API's JSON error (400 bad input, 403/404 permission, 409 not in this state).
    `data`: the input, when the endpoint completes the request's (a partial change filled in
    with the object's current values); by default the request's own."""
    from rest_framework.response import Response

    from .api import form_error_response

    if name not in table:
        return Response(
            {"code": "unknown_action", "message": _("未知的操作“%(action)s”。") % {"action": name}},
            status=400,
        )
    table.require(request.user, name, target)
    table.check_state(name, target)  # InvalidTransition: the API's 409
    data = request.data if data is None else data
    form = table.form(name, target, data, request.FILES, prefix=None)
    shapeless = _not_scalar(form, data)
    if shapeless:
        return Response(
            {
                "code": "invalid",
                "message": _("“%(field)s”应为单个值，不能是对象或列表。") % {"field": shapeless},
                "field": shapeless,
            },
            status=400,
        )
    if not form.is_valid():
        return form_error_response(form)
    table.perform(request.user, name, target, form.cleaned_data)
    return respond(target)
