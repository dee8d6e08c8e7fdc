"""Staff pages of the yearly facts: the agencies, an agency's years, one year's figures and
records, the other-system figures form, the year lock and the CSV import."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.agencies.selectors import agencies_visible_to
from gongkai.agencies.views import staff_required
from gongkai.core.action_views import add_service_error
from gongkai.core.errors import DomainError

from .. import forms as f
from .. import selectors as sel
from .. import services as s
from ..kinds import KINDS
from ..models import FigureKey
from ..permissions import POLICY
from ..services.importer import COLUMNS, read_rows
from .common import staff_agency, valid_year


@staff_required
def index(request):
    agencies = list(agencies_visible_to(user=request.user))
    return render(
        request,
        "facts/office/index.html",
        {
            "agencies": agencies,
            "can_import": any(POLICY.allows(request.user, "figures", a.pk) for a in agencies),
        },
    )


@staff_required
def agency(request, code: str):
    found = staff_agency(request, code)
    locked = sel.locked_years(found)
    years = [
        (year, sel.yearly_facts([found.pk], year), year in locked)
        for year in sel.years_with_facts(found)
    ]
    return render(
        request,
        "facts/office/agency.html",
        {
            "agency": found,
            "years": years,
            "kinds": KINDS.values(),
            "can_record": POLICY.allows(request.user, "record", found.pk),
        },
    )


def _year_context(request, found, year, **forms):
    ids = [found.pk]
    figures = sel.figures_of(found, year)
    lock = sel.year_lock_of(found, year)
    can_lock = POLICY.allows(request.user, "lock", found.pk)
    return {
        "agency": found,
        "year": year,
        "facts": sel.yearly_facts(ids, year),
        "t2": sel.t2_other_system_figures(ids, year),
        "figures": [(key, label, figures.get(key)) for key, label in FigureKey.choices],
        "records": [(kind, sel.records_touching(found, kind, year)) for kind in KINDS.values()],
        "lock": lock,
        "can_record": POLICY.allows(request.user, "record", found.pk),
        "can_figures": POLICY.allows(request.user, "figures", found.pk) and lock is None,
        "lock_form": forms.get("lock_form") or (f.LockForm() if can_lock and not lock else None),
        "unlock_form": forms.get("unlock_form") or (f.UnlockForm() if can_lock and lock else None),
    }


@staff_required
def year(request, code: str, year: int):
    found = staff_agency(request, code)
    valid_year(year, ahead=1)
    return render(request, "facts/office/year.html", _year_context(request, found, year))


@staff_required
@require_http_methods(["GET", "POST"])
def figures(request, code: str, year: int):
    found = staff_agency(request, code, "figures")
    valid_year(year)
    form = f.FiguresForm(request.POST or None, figures=sel.figures_of(found, year))
    if sel.is_locked(found, year) and request.method == "GET":
        messages.warning(request, _("%(y)d年度已锁定，数据不能修改。") % {"y": year})
    if request.method == "POST" and form.is_valid():
        try:
            changed = s.figures_save(
                actor=request.user, agency=found, year=year, entries=form.entries()
            )
        except DomainError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("已保存，%(n)d项有变化。") % {"n": changed})
            return redirect("facts_office:year", code=code, year=year)
    return render(
        request,
        "facts/office/figures.html",
        {"agency": found, "year": year, "form": form},
        status=400 if form.errors else 200,
    )


@staff_required
@require_POST
def lock(request, code: str, year: int):
    found = staff_agency(request, code, "lock")
    valid_year(year)
    form = f.LockForm(request.POST)
    if form.is_valid():
        try:
            s.year_lock(actor=request.user, agency=found, year=year, **form.cleaned_data)
        except DomainError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("已锁定%(y)d年度。") % {"y": year})
            return redirect("facts_office:year", code=code, year=year)
    context = _year_context(request, found, year, lock_form=form)
    return render(request, "facts/office/year.html", context, status=400)


@staff_required
@require_POST
def unlock(request, code: str, year: int):
    found = staff_agency(request, code, "unlock")
    valid_year(year)
    form = f.UnlockForm(request.POST)
    if form.is_valid():
        try:
            s.year_unlock(actor=request.user, agency=found, year=year, **form.cleaned_data)
        except DomainError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("已解除%(y)d年度的锁定。") % {"y": year})
            return redirect("facts_office:year", code=code, year=year)
    context = _year_context(request, found, year, unlock_form=form)
    return render(request, "facts/office/year.html", context, status=400)


@staff_required
@require_http_methods(["GET", "POST"])
def import_figures(request):
    agencies = [
        a
        for a in agencies_visible_to(user=request.user)
        if POLICY.allows(request.user, "figures", a.pk)
    ]
    if not agencies:
        raise PermissionDenied(_("您没有录入其他系统数据的岗位。"))
    chosen = request.POST.get("agency") or request.GET.get("agency")
    found = next((a for a in agencies if str(a.pk) == str(chosen)), agencies[0])
    form = f.ImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data["data"]
        try:
            if data.size > 5 * 1024 * 1024:
                raise DomainError(_("导入文件超过5MB。"), code="import_too_large")
            rows = read_rows(data.read(), data.name)
            saved = s.figures_import(
                actor=request.user,
                agency=found,
                rows=rows,
                source_name=data.name,
                source=form.cleaned_data["source"],
                dry_run=form.cleaned_data["dry_run"],
            )
        except s.ImportFailed as failure:
            form.add_error(None, failure.message)
            errors = failure.errors
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            if form.cleaned_data["dry_run"]:
                messages.success(request, _("检查通过：%(n)d行均可导入。") % {"n": len(rows)})
            else:
                messages.success(request, _("已导入%(n)d行。") % {"n": saved})
                return redirect("facts_office:agency", code=found.code)
    return render(
        request,
        "facts/office/import.html",
        {"form": form, "agency": found, "agencies": agencies, "errors": errors, "columns": COLUMNS},
        status=400 if form.errors else 200,
    )
