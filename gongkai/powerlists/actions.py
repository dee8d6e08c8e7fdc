"""The adjustments staff can record on an existing item, shared by the office pages and the API:
which form parses the input, which service records it, and from which status."""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from . import services as s
from .forms import AdjustmentForm, ContentForm
from .models import PowerItem
from .permissions import may
from .states import TRANSITIONS, ChangeKind


@dataclass(frozen=True)
class Adjustment:
    label: str
    change: str
    form: type[forms.Form]
    run: Callable
    prefilled: bool  # the form starts from the item's current content


ADJUSTMENTS: dict[str, Adjustment] = {
    "change": Adjustment(
        _("变更"),
        ChangeKind.CHANGED,
        ContentForm,
        lambda actor, item, data: s.power_item_change(actor=actor, item=item, **data),
        True,
    ),
    "remove": Adjustment(
        _("取消"),
        ChangeKind.REMOVED,
        AdjustmentForm,
        lambda actor, item, data: s.power_item_remove(actor=actor, item=item, **data),
        False,
    ),
    "relist": Adjustment(
        _("重新列入"),
        ChangeKind.ADDED,
        ContentForm,
        lambda actor, item, data: s.power_item_relist(actor=actor, item=item, **data),
        True,
    ),
}


def available(user, item: PowerItem) -> list[str]:
    return [
        name
        for name, adjustment in ADJUSTMENTS.items()
        if (item.status, adjustment.change) in TRANSITIONS and may(user, item.agency_id, name)
    ]


def adjustment_form(name: str, item: PowerItem, data=None) -> forms.Form:
    adjustment = ADJUSTMENTS[name]
    initial = item.content() if adjustment.prefilled else {}
    return adjustment.form(data, initial=initial)
