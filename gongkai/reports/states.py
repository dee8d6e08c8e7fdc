"""The one state machine of an annual report.

draft → final (a reviewer locks the figures: snapshot) → published (on the portal's 年报 column).
A final or published report never changes: a new version (with a reason) starts as a draft, and
when it is published the version it replaces becomes superseded.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.core.states import Transition


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("草稿")
    FINAL = "final", _("已定稿")
    PUBLISHED = "published", _("已发布")
    SUPERSEDED = "superseded", _("已被新版本替代")


S = ReportStatus


TRANSITIONS: dict[str, Transition] = {
    "edit": Transition(frozenset({S.DRAFT}), None, "修改"),
    "refresh": Transition(frozenset({S.DRAFT}), None, "按记录重新计算"),
    "override": Transition(frozenset({S.DRAFT}), None, "说明理由后允许定稿"),
    "finalise": Transition(frozenset({S.DRAFT}), S.FINAL, "定稿"),
    "publish": Transition(frozenset({S.FINAL}), S.PUBLISHED, "发布"),
    "supersede": Transition(frozenset({S.PUBLISHED, S.FINAL}), S.SUPERSEDED, "被新版本替代"),
    "new_version": Transition(frozenset({S.FINAL, S.PUBLISHED}), None, "修订（新版本）"),
}
LOCKED = frozenset({S.FINAL, S.PUBLISHED, S.SUPERSEDED})


def target_of(action: str, status: str) -> str:
    transition = TRANSITIONS[action]
    return transition.target_from(
        status, refusal=f"当前状态为“{ReportStatus(status).label}”，不能执行“{transition.label}”。"
    )
