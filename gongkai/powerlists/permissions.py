"""Who may do what to an agency's power list: one policy, built from the shared predicates.
Services ask it (through the workflow executor or `POLICY.require`); nothing else decides.

Recording an adjustment is a clerk's job; the approval itself happened outside (the approving
document is recorded with it).
"""

from gongkai.agencies.policy import Policy, has_capability
from gongkai.agencies.roles import Capability

from .states import WORKFLOW

HANDLE = has_capability(Capability.HANDLE)

POLICY = Policy(
    name="powerlists",
    workflows=[WORKFLOW],
    rules={
        "add": HANDLE,
        "change": HANDLE,
        "remove": HANDLE,
        "relist": HANDLE,
        "import": HANDLE,
    },
)
