"""The public 申请期限计算器 (works without JavaScript: a GET form)."""

from django.shortcuts import render

from gongkai.core.errors import DomainError
from gongkai.workdays.selectors import work_calendar

from .forms import DeadlineQueryForm


def calculator(request):
    form = DeadlineQueryForm(request.GET or None)
    result = None
    if form.is_bound and form.is_valid():
        try:
            result = form.reply_deadline()
        except DomainError as error:
            form.add_error(None, error.message)
    return render(
        request,
        "deadlines/calculator.html",
        {"form": form, "result": result, "last_year": work_calendar().last_year},
    )
