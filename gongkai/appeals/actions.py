"""What staff can do on a case's page: one table read by the case page and the API alike.
Editing (and correcting) the whole case has its own page, like recording one."""

from django.utils.translation import gettext_lazy as _

from gongkai.core.actions import Action, ActionTable

from . import forms as f
from . import services as s
from .permissions import POLICY
from .states import WORKFLOW

# The page shows each form where it belongs and no two share a field name: the fields are
# posted by their own names, as before the table (and as API clients post them).
TABLE = ActionTable("appeals.AppealCase", policy=POLICY, workflow=WORKFLOW, prefixed=False)

TABLE.add(
    Action(
        "record_outcome",
        _("登记审结结果"),
        lambda actor, case, d: s.appeal_record_outcome(actor=actor, case=case, **d),
        f.OutcomeForm,
    ),
    # Not a transition: decisions and judgments often arrive after the case is closed.
    Action(
        "attach",
        _("上传材料"),
        lambda actor, case, d: s.document_add(actor=actor, case=case, **d),
        f.DocumentForm,
        order=10,
    ),
)
