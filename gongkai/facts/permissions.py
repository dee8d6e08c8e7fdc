"""Who may do what with an agency's yearly facts: one policy, built from the shared predicates.
Services ask it (`POLICY.require`); pages ask `POLICY.allows` / `POLICY.can_view`.

Yearly facts have no workflow: records and figures are entered and corrected until the year is
locked (when its report becomes final), and only an administrator locks or unlocks a year.
"""

from gongkai.agencies.policy import Policy, has_capability
from gongkai.agencies.roles import Capability

HANDLE = has_capability(Capability.HANDLE)
ADMINISTER = has_capability(Capability.ADMINISTER)

# Reading is the policy's default view rule: VIEW in the agency (a supervisor's subtree too).
POLICY = Policy(
    name="facts",
    rules={
        "record": HANDLE,  # the dated records: bodies, reading points, staff, …
        "figures": HANDLE,  # figures from other systems, by form, API or import
        "lock": ADMINISTER,
        "unlock": ADMINISTER,
    },
)
