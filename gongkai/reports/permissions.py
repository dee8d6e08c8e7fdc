"""Who may do what to an annual report: one policy, built from the shared predicates. Services
ask it (through the workflow executor or `POLICY.require`); pages ask `POLICY.allows`."""

from gongkai.agencies.policy import Policy, has_capability
from gongkai.agencies.roles import Capability

from .states import WORKFLOW

HANDLE = has_capability(Capability.HANDLE)
REVIEW = has_capability(Capability.REVIEW)

POLICY = Policy(
    name="reports",
    workflows=[WORKFLOW],
    rules={
        # Clerks write the report (start it, type in figures, edit the text, revise it) …
        "create": HANDLE,
        "edit": HANDLE,
        "refresh": HANDLE,
        "new_version": HANDLE,
        "import": HANDLE,
        # … a reviewer vouches for it: reasons for failed checks, the locked figures, publishing.
        "override": REVIEW,
        "finalise": REVIEW,
        "publish": REVIEW,
        "supersede": REVIEW,
        # The agency's report settings (channel rows of the old form, the roll-up threshold).
        "settings": has_capability(Capability.ADMINISTER),
    },
)
