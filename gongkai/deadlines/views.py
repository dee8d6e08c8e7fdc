"""The public 申请期限计算器 (works without JavaScript: a GET form)."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from gongkai.core.errors import DomainError
from gongkai.workdays.calendar import YearNotLoaded
from gongkai.workdays.selectors import work_calendar

from .forms import DeadlineQueryForm


def calculator(request):
    form = DeadlineQueryForm(request.GET or None)
    result = None
    if form.is_bound and form.is_valid():
        try:
            result = form.reply_deadline()
        except YearNotLoaded as error:
            # Told to the public: what cannot be computed and why, never what an administrator
            # must do (the 工作台 banner tells them).
            form.add_error(
                None,
                _(
                    "%(year)s年的节假日安排本计算器尚未收录，落在该年的期限暂时无法计算。"
                    "请以受理机关告知的期限为准。"
                )
                % {"year": error.year},
            )
        except DomainError as error:
            form.add_error(None, error.message)
    return render(
        request,
        "deadlines/calculator.html",
        {"form": form, "result": result, "last_year": work_calendar().last_year},
    )
