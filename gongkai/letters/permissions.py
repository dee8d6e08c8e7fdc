"""Who may issue letters and edit templates: one policy from the shared predicates."""

from django.utils.translation import gettext_lazy as _

from gongkai.agencies.policy import Policy, has_capability
from gongkai.agencies.roles import Capability

# A letter is issued onto a case by the staff handling it.
ISSUE_LETTER = has_capability(Capability.HANDLE)

# The draft 答复书 is read by the staff who handle or review the case, before approval.
PREVIEW_DRAFT = has_capability(Capability.HANDLE) | has_capability(Capability.REVIEW)

POLICY = Policy(
    name="letters",
    rules={
        "issue_letter": ISSUE_LETTER,
        "preview_draft": PREVIEW_DRAFT,
        # An agency's own templates are kept by its administrator; the defaults by the
        # platform's (the service checks that first).
        "edit_template": has_capability(
            Capability.ADMINISTER, refusal=_("只有本机关的管理员可以修改本机关的文书模板。")
        ),
    },
)
