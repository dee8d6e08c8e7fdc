"""Staff pages for the holiday table: list the loaded years; paste a notice → preview → save."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from gongkai.agencies.views import staff_required
from gongkai.core.errors import DomainError

from .forms import NoticeForm
from .notice import parse_notice
from .permissions import can_manage_calendar
from .selectors import loaded_years
from .services import calendar_year_load


def _manager_required(view):
    @staff_required
    def wrapped(request, *args, **kwargs):
        if not can_manage_calendar(request.user):
            raise PermissionDenied(_("只有平台管理员或省级机关管理员可以载入节假日安排。"))
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    return wrapped


@staff_required
def year_list(request):
    return render(
        request,
        "workdays/year_list.html",
        {"years": loaded_years(), "can_manage": can_manage_calendar(request.user)},
    )


@_manager_required
@require_http_methods(["GET", "POST"])
def load_notice(request):
    form = NoticeForm(request.POST or None)
    parsed = None
    if request.method == "POST" and form.is_valid():
        try:
            parsed = parse_notice(form.cleaned_data["text"], year=form.cleaned_data["year"])
        except DomainError as error:
            form.add_error("text", error.message)
        else:
            if "save" in request.POST:
                calendar_year_load(
                    year=parsed.year,
                    days=parsed.days,
                    source=" ".join(filter(None, [parsed.title, parsed.document_number]))
                    or f"{parsed.year}年节假日安排通知",
                    notice_text=form.cleaned_data["text"],
                    actor=request.user,
                )
                messages.success(
                    request,
                    _("已保存%(year)s年节假日安排，未结期限已重新计算。") % {"year": parsed.year},
                )
                return redirect("workdays:year_list")
    return render(request, "workdays/load_notice.html", {"form": form, "parsed": parsed})
