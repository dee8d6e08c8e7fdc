"""The page where an agency keeps the 个体工商户 codes it may publish (core.release_codes)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.core.errors import DomainError
from gongkai.core.models import ReleaseAllowedCode

from .permissions import require
from .release_codes import allowed_code_add, allowed_code_remove, may_keep
from .roles import Capability
from .selectors import agencies_visible_to
from .views import staff_required


class AllowedCodeForm(forms.Form):
    code = forms.CharField(label=_("统一社会信用代码"), max_length=30)
    note = forms.CharField(
        label=_("可以公开的依据"),
        max_length=200,
        help_text=_("例如：行政许可决定依法公示（《优化营商环境条例》第×条）。"),
    )


def _agency(request, pk):
    agency = get_object_or_404(agencies_visible_to(user=request.user), pk=pk)
    require(request.user, Capability.VIEW, agency)
    return agency


@staff_required
@require_http_methods(["GET", "POST"])
def allowed_codes(request, pk: int):
    agency = _agency(request, pk)
    editable = may_keep(request.user, agency)
    form = AllowedCodeForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if not editable:
            raise PermissionDenied
        if form.is_valid():
            try:
                allowed_code_add(actor=request.user, agency=agency, **form.cleaned_data)
            except DomainError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                messages.success(request, _("已加入可公开的代码。"))
                return redirect("release:allowed_codes", pk=agency.pk)
        status = 400
    codes = ReleaseAllowedCode.objects.filter(agency=agency).select_related("added_by")
    context = {"agency": agency, "codes": codes, "form": form, "editable": editable}
    return render(request, "office/release_codes.html", context, status=status)


@staff_required
@require_POST
def allowed_code_delete(request, pk: int, code_pk: int):
    agency = _agency(request, pk)
    allowed = get_object_or_404(ReleaseAllowedCode, pk=code_pk, agency=agency)
    allowed_code_remove(actor=request.user, allowed=allowed)
    messages.success(request, _("已从列表中删除。"))
    return redirect("release:allowed_codes", pk=agency.pk)
