"""The one state machine of an annual report. Nobody else lists report statuses: every set of
statuses other modules need is named here.

draft → final (a reviewer locks the figures: snapshot) → published (on the portal's 年报 column).
A final or published report never changes: a new version (with a reason) starts as a draft, and
when it is published the version it replaces becomes superseded. Starting a report, importing a
published one and starting a new version are the transitions from INITIAL (no report yet).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.core.workflow import INITIAL, Transition, Workflow


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("草稿")
    FINAL = "final", _("已定稿")
    PUBLISHED = "published", _("已发布")
    SUPERSEDED = "superseded", _("已被新版本替代")


S = ReportStatus

# Named sets of statuses -----------------------------------------------------------------------
# A locked version no newer version has replaced: the year's report as it stands. It may be
# revised, it counts as last year's report for the checks, and publishing (or importing) a newer
# version supersedes it.
STANDING = frozenset({S.FINAL, S.PUBLISHED})
# The figures are frozen in a snapshot: nothing on the report changes any more.
LOCKED = frozenset({S.FINAL, S.PUBLISHED, S.SUPERSEDED})
# Not replaced by a newer version, the draft included: what the roll-up shows for an agency.
CURRENT = frozenset(set(S) - {S.SUPERSEDED})


# Labels are lazily translated: shown in the reader's language, not the importer's.
WORKFLOW = Workflow(
    name="reports.AnnualReport",
    statuses=ReportStatus,
    audit_prefix="report",
    refusal=_("当前状态为“%(state)s”，不能执行“%(action)s”。"),
    transitions={
        "create": Transition(frozenset({INITIAL}), S.DRAFT, _("开始编制")),
        # A report published before Gongkai, kept with its original file.
        "import": Transition(frozenset({INITIAL}), S.PUBLISHED, _("导入已发布的年报")),
        "edit": Transition(frozenset({S.DRAFT}), None, _("修改")),
        "refresh": Transition(frozenset({S.DRAFT}), None, _("按记录重新计算")),
        "override": Transition(frozenset({S.DRAFT}), None, _("说明理由后允许定稿")),
        "finalise": Transition(frozenset({S.DRAFT}), S.FINAL, _("定稿")),
        "publish": Transition(frozenset({S.FINAL}), S.PUBLISHED, _("发布")),
        "supersede": Transition(STANDING, S.SUPERSEDED, _("被新版本替代"), aside=True),
        # Creates the next version as a draft; checked against the state of the version it
        # revises (services pass it as `state=`).
        # Possible once locked, but not the work's next step (a published report is done).
        "new_version": Transition(STANDING, S.DRAFT, _("修订（新版本）"), aside=True),
    },
)
