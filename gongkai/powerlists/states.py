"""The one state machine of a power-list item: every adjustment moves it along this table.

(not yet listed) ──added──▶ in force ──changed──▶ in force
                               │ ▲
                         removed │ │ added (re-listed)
                               ▼ │
                             removed
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.core.errors import InvalidTransition


class ItemStatus(models.TextChoices):
    IN_FORCE = "in_force", _("现行有效")
    REMOVED = "removed", _("已取消")


class ChangeKind(models.TextChoices):
    ADDED = "added", _("新增")
    CHANGED = "changed", _("变更")
    REMOVED = "removed", _("取消")


# (status before, change) -> status after. None: the item has no version yet.
TRANSITIONS: dict[tuple[str | None, str], str] = {
    (None, ChangeKind.ADDED): ItemStatus.IN_FORCE,
    (ItemStatus.IN_FORCE, ChangeKind.CHANGED): ItemStatus.IN_FORCE,
    (ItemStatus.IN_FORCE, ChangeKind.REMOVED): ItemStatus.REMOVED,
    (ItemStatus.REMOVED, ChangeKind.ADDED): ItemStatus.IN_FORCE,
}


def status_after(status: str | None, change: str) -> str:
    try:
        return TRANSITIONS[(status, change)]
    except KeyError:
        state = ItemStatus(status).label if status else _("尚未列入清单")
        raise InvalidTransition(
            f"该事项当前为“{state}”，不能“{ChangeKind(change).label}”。",
            code="invalid_transition",
        ) from None


def changes_from(status: str | None) -> list[str]:
    return [change for (source, change) in TRANSITIONS if source == status]
