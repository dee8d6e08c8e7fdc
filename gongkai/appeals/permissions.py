"""Who may do what to an appeal case: one policy, built from the shared predicates. Services ask
it (through the workflow executor or `POLICY.require`); nothing else decides.

Clerks (HANDLE) record and maintain the cases of their agency; anyone who can VIEW the agency
(its reviewers, head, administrator, a supervisor over its subtree) reads them and their files.
"""

from gongkai.agencies.policy import Policy, has_capability
from gongkai.agencies.roles import Capability

from .states import WORKFLOW

HANDLE = has_capability(Capability.HANDLE)

POLICY = Policy(
    name="appeals",
    workflows=[WORKFLOW],
    rules={
        "create": HANDLE,
        "edit": HANDLE,
        "record_outcome": HANDLE,
        "correct": HANDLE,
        "attach": HANDLE,
        "detach": HANDLE,
    },
)
