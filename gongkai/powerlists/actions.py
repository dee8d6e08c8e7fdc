"""The adjustments staff can record on an existing item, shared by the office pages and the API:
one table of which form parses the input and which service records it. Each is a transition of
the item's workflow, offered only from the statuses it starts from."""

from django.utils.translation import gettext_lazy as _

from gongkai.core.actions import Action, ActionTable

from . import services as s
from .forms import AdjustmentForm, ContentForm
from .permissions import POLICY
from .states import WORKFLOW

# Each adjustment has a page of its own with one form, posted by its fields' own names.
TABLE = ActionTable("powerlists.PowerItem", policy=POLICY, workflow=WORKFLOW, prefixed=False)


def _current_content(item) -> dict:
    """A change or a re-listing starts from the item's current content."""
    return item.content()


TABLE.add(
    Action(
        "change",
        _("变更"),
        lambda actor, item, data: s.power_item_change(actor=actor, item=item, **data),
        ContentForm,
        initial=_current_content,
    ),
    Action(
        "remove",
        _("取消"),
        lambda actor, item, data: s.power_item_remove(actor=actor, item=item, **data),
        AdjustmentForm,
    ),
    Action(
        "relist",
        _("重新列入"),
        lambda actor, item, data: s.power_item_relist(actor=actor, item=item, **data),
        ContentForm,
        initial=_current_content,
    ),
)
