"""The report as the public will read it, before it is locked or published: the reviewer reads
the same page the 年报 column shows (presentation.public_body), the warnings, and the step with
its confirmation."""

from django.shortcuts import render

from gongkai.agencies.views import staff_required
from gongkai.core.action_views import action_forms

from .. import selectors as sel
from ..actions import TABLE
from ..preflight import STEPS
from ..presentation import public_body
from .office import preflight, staff_report


@staff_required
def preview(request, pk: int):
    report = staff_report(request, pk)
    overridden = {o.problem: o for o in report.overrides.select_related("by")}
    return render(
        request,
        "reports/office/preview.html",
        {
            "report": report,
            "body": public_body(report),
            "preflight": preflight(
                report,
                problems=sel.report_problems(report),
                overridden=overridden,
                narrative=sel.latest_narrative(report),
            ),
            "steps": [
                entry for entry in action_forms(TABLE, request.user, report) if entry[0] in STEPS
            ],
        },
    )
