"""The one state machine of a catalogue item: nothing is released without a 保密审查.

draft → submitted → (reviewer) approved → published → withdrawn; a reviewer may return a
submission to draft with an opinion, and an approved item may be published at once or at a
scheduled time.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.core.states import Transition


class ItemStatus(models.TextChoices):
    DRAFT = "draft", _("草稿")
    SUBMITTED = "submitted", _("待保密审查")
    APPROVED = "approved", _("审查通过，待发布")
    PUBLISHED = "published", _("已发布")
    WITHDRAWN = "withdrawn", _("已撤回")


S = ItemStatus


TRANSITIONS: dict[str, Transition] = {
    "edit": Transition(frozenset({S.DRAFT}), None, "修改"),
    "submit": Transition(frozenset({S.DRAFT}), S.SUBMITTED, "提交保密审查"),
    "return": Transition(frozenset({S.SUBMITTED}), S.DRAFT, "退回修改"),
    "approve": Transition(frozenset({S.SUBMITTED}), S.APPROVED, "保密审查通过"),
    "schedule": Transition(frozenset({S.APPROVED}), None, "定时发布"),
    "publish": Transition(frozenset({S.APPROVED}), S.PUBLISHED, "发布"),
    "withdraw": Transition(frozenset({S.PUBLISHED}), S.WITHDRAWN, "撤回"),
    # After publication only the register fields change (validity, normative status, channels).
    "update_register": Transition(frozenset({S.PUBLISHED, S.WITHDRAWN}), None, "更新登记信息"),
}

# Statuses in which the text may still change (attachments added, fields edited).
EDITABLE = frozenset({S.DRAFT})
PUBLIC = frozenset({S.PUBLISHED})


def target_of(action: str, status: str) -> str:
    transition = TRANSITIONS[action]
    return transition.target_from(
        status, refusal=f"当前状态为“{ItemStatus(status).label}”，不能执行“{transition.label}”。"
    )


def actions_from(status: str) -> list[str]:
    return [name for name, t in TRANSITIONS.items() if status in t.sources]
