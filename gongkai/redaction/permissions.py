"""Who may redact, and who may see an original: one policy from the shared predicates."""

from gongkai.agencies.policy import Policy, has_capability
from gongkai.agencies.roles import Capability

# The staff handling a case redact its files; its reviewer checks the redaction against the
# original. Targets are applications and redactions (their agency decides). A catalogue item's
# files follow the catalogue's own rules instead (`edit` while a draft, `view_original`), which
# say the same of the item's agency: owners.ItemFiles asks them.
POLICY = Policy(
    name="redaction",
    view=has_capability(Capability.HANDLE) | has_capability(Capability.REVIEW),
    rules={"redact": has_capability(Capability.HANDLE)},
)
