"""What an appeal case is and where it stands: kinds, outcomes, and the one table of what may be
done to a case while it is open and after it is closed.

A case is recorded open (尚未审结) or already closed; an open case is closed once by recording its
outcome; a closed case changes only by a correction, which must give its reason.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.core.errors import InvalidTransition


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


CLOSED = frozenset({Outcome.UPHELD, Outcome.CORRECTED, Outcome.OTHER})

# action: (the outcomes a case may have for it, label). Closing sets one of CLOSED.
ACTIONS: dict[str, tuple[frozenset, str]] = {
    "edit": (frozenset({Outcome.PENDING}), "修改"),
    "record_outcome": (frozenset({Outcome.PENDING}), "登记审结结果"),
    "correct": (CLOSED, "更正已审结案件"),
}


def require_state(action: str, outcome: str) -> None:
    sources, label = ACTIONS[action]
    if outcome not in sources:
        raise InvalidTransition(
            f"案件当前为“{Outcome(outcome).label}”，不能{label}。",
            code="invalid_transition",
        )


def is_closed(outcome: str) -> bool:
    return outcome in CLOSED
