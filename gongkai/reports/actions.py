"""What staff can do on a report's page: one table, read by the page and by the API
(api.py). Writing the text has its own page (views/office.narrative). Finalising and publishing
cannot be undone: each asks its question (`confirm`), answered after the warnings and the
preview (preflight.py, views/preview.py)."""

from django.utils.translation import gettext_lazy as _

from gongkai.core.actions import Action, ActionTable
from gongkai.core.release_forms import ReleaseDecisionForm, release_arguments

from . import forms as f
from . import selectors as sel
from . import services as s
from .permissions import POLICY
from .states import WORKFLOW

TABLE = ActionTable("reports.AnnualReport", policy=POLICY, workflow=WORKFLOW)


def _cells(report) -> dict:
    return {"cells": sel.entered_cells(report)}


def _entered_now(report) -> dict:
    return {f.entered_field(key): value for key, value in (report.entered or {}).items()}


def _save_entered(actor, report, data):
    entered = {f.entered_key(name): value for name, value in data.items()}
    return s.report_save_entered(actor=actor, report=report, entered=entered)


def _has_entered_cells(report) -> bool:
    return bool(sel.entered_cells(report))


TABLE.add(
    Action(
        "enter_figures",
        _("保存填报数"),
        _save_entered,
        f.EnteredForm,
        permission="edit",
        transition="edit",
        when=_has_entered_cells,
        form_kwargs=_cells,
        initial=_entered_now,
        done=_("填报数已保存。"),
    ),
    Action(
        "override",
        _("记录理由"),
        lambda a, report, d: s.report_override(
            actor=a, report=report, problem=d["problem"], reason=d["reason"]
        ),
        f.OverrideForm,
        done=_("理由已记录。"),
    ),
    Action(
        "finalise",
        _("定稿（锁定数字）"),
        lambda a, report, d: s.report_finalise(actor=a, report=report),
        confirm=_(
            "定稿后统计表的数字即被锁定，不再随记录变化，不能撤回，只能修订为新版本。确认定稿？"
        ),
        done=_("报告已定稿，数字已锁定。"),
    ),
    Action(
        "publish",
        _("发布到年报栏目"),
        lambda a, report, d: s.report_publish(actor=a, report=report, **release_arguments(d)),
        ReleaseDecisionForm,
        confirm=_("发布后公众即可在年报栏目看到本报告，不能撤回，只能修订为新版本。确认发布？"),
        done=_("报告已发布到政府信息公开年报栏目。"),
    ),
    Action(
        "new_version",
        _("修订（创建新版本）"),
        lambda a, report, d: s.report_new_version(actor=a, report=report, reason=d["reason"]),
        f.RevisionForm,
        done=lambda revised: _("已创建第%(version)s版。") % {"version": revised.version},
    ),
)
