"""The one state machine of a power-list item: every adjustment moves it along this table.

(not yet listed) ──add──▶ in force ──change──▶ in force
                            │ ▲
                     remove │ │ relist
                            ▼ │
                          removed

Listing an item is the transition from INITIAL (no item yet). Each action appends a version of
the item's content; its ChangeKind (新增, 变更, 取消) is what the published adjustment record
says, so a re-listing is a version "added" again (CHANGE_KIND).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.core.workflow import INITIAL, Transition, Workflow


class ItemStatus(models.TextChoices):
    IN_FORCE = "in_force", _("现行有效")
    REMOVED = "removed", _("已取消")


class ChangeKind(models.TextChoices):
    ADDED = "added", _("新增")
    CHANGED = "changed", _("变更")
    REMOVED = "removed", _("取消")


S = ItemStatus

WORKFLOW = Workflow(
    name="powerlists.PowerItem",
    statuses=ItemStatus,
    audit_prefix="powerlists",
    refusal=_("该事项当前为“%(state)s”，不能“%(action)s”。"),
    transitions={
        "add": Transition(frozenset({INITIAL}), S.IN_FORCE, _("新增")),
        "change": Transition(frozenset({S.IN_FORCE}), S.IN_FORCE, _("变更")),
        "remove": Transition(frozenset({S.IN_FORCE}), S.REMOVED, _("取消")),
        "relist": Transition(frozenset({S.REMOVED}), S.IN_FORCE, _("重新列入")),
    },
)

# The kind of version each action appends.
CHANGE_KIND = {
    "add": ChangeKind.ADDED,
    "change": ChangeKind.CHANGED,
    "remove": ChangeKind.REMOVED,
    "relist": ChangeKind.ADDED,
}
