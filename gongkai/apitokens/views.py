"""The office page of an agency's API tokens (its administrators only): list, create (the
secret is shown once, on the answer to the creating POST, never stored), revoke."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from gongkai.agencies.permissions import agency_ids_with, require
from gongkai.agencies.roles import Capability
from gongkai.agencies.selectors import agency_get_visible
from gongkai.agencies.views import staff_required
from gongkai.core.errors import DomainError

from . import selectors, services
from .forms import TokenCreateForm, TokenRevokeForm
from .models import ApiToken
from .throttling import TokenRateThrottle


def _rate() -> str:
    return TokenRateThrottle().rate or _("不限")


@staff_required
@require_http_methods(["GET", "POST"])
def agency_tokens(request, pk: int):
    agency = agency_get_visible(user=request.user, pk=pk)
    require(request.user, Capability.ADMINISTER, agency)
    form = TokenCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            token, secret = services.token_create(
                actor=request.user, agency=agency, **form.cleaned_data
            )
        except ValidationError as error:
            for field, problems in error.message_dict.items():
                form.add_error(field if field in form.fields else None, problems)
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            response = render(
                request,
                "apitokens/token_created.html",
                {"agency": agency, "token": token, "secret": secret, "rate": _rate()},
            )
            # The secret is in this page only: no cache may keep it.
            response["Cache-Control"] = "no-store"
            return response
    return render(
        request,
        "apitokens/agency_tokens.html",
        {
            "agency": agency,
            "tokens": selectors.tokens_of(agency=agency),
            "form": form,
            "rate": _rate(),
        },
    )


@staff_required
@require_http_methods(["GET", "POST"])
def token_revoke(request, pk: int):
    token = get_object_or_404(
        ApiToken.objects.select_related("agency"),
        pk=pk,
        agency_id__in=agency_ids_with(request.user, Capability.VIEW),
    )
    require(request.user, Capability.ADMINISTER, token.agency)
    form = TokenRevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.token_revoke(
                actor=request.user, token=token, reason=form.cleaned_data["reason"]
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("已撤销令牌“%(name)s”。") % {"name": token.name})
        return redirect("apitokens:agency_tokens", pk=token.agency_id)
    return render(request, "apitokens/token_revoke.html", {"token": token, "form": form})
