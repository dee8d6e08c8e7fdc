"""What an appeal case is and where it stands: kinds, outcomes, and the one table of what may be
done to a case while it is open and after it is closed. Nobody else lists outcomes: every set of
them other modules need is named here.

A case is recorded open (尚未审结) or already closed (one learnt of late: creation may lead to any
outcome, the service passes the recorded one); an open case is closed once by recording its
outcome; a closed case changes only by a correction, which must give its reason and may set any
outcome, pending included (the decision recorded was not the final one).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.core.workflow import INITIAL, Transition, Workflow


class AppealKind(models.TextChoices):
    RECONSIDERATION = "reconsideration", _("行政复议")
    LITIGATION_DIRECT = "litigation_direct", _("行政诉讼（未经复议直接起诉）")
    LITIGATION_AFTER_RECONSIDERATION = (
        "litigation_after_reconsideration",
        _("行政诉讼（复议后起诉）"),
    )
    COMPLAINT = "complaint", _("举报投诉")


class Outcome(models.TextChoices):
    PENDING = "pending", _("尚未审结")
    UPHELD = "upheld", _("结果维持")
    CORRECTED = "corrected", _("结果纠正")
    OTHER = "other", _("其他结果")


# Named sets of outcomes ------------------------------------------------------------------------
OPEN = frozenset({Outcome.PENDING})
CLOSED = frozenset({Outcome.UPHELD, Outcome.CORRECTED, Outcome.OTHER})
ANY = frozenset(Outcome)
# The old 政府信息公开情况统计表 has no 尚未审结 row: a case pending at year end is counted under
# （三）其他情形 with the other outcomes.
LEGACY_OTHER = frozenset({Outcome.OTHER, Outcome.PENDING})


WORKFLOW = Workflow(
    name="appeals.AppealCase",
    statuses=Outcome,
    status_field="outcome",
    audit_prefix="appeals",
    refusal=_("案件当前为“%(state)s”，不能%(action)s。"),
    transitions={
        "create": Transition(frozenset({INITIAL}), ANY, _("登记案件")),
        "edit": Transition(OPEN, None, _("修改")),
        "record_outcome": Transition(OPEN, CLOSED, _("登记审结结果")),
        # A correction, not a next step: a closed case is finished.
        "correct": Transition(CLOSED, ANY, _("更正已审结的案件"), aside=True),
    },
)
