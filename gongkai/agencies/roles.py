"""Staff roles and what each may do. The only place that says which role can do what."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    CLERK = "clerk", _("信息公开工作人员")
    REVIEWER = "reviewer", _("审核人")
    HEAD = "head", _("负责人")
    ADMIN = "admin", _("管理员")
    SUPERVISOR = "supervisor", _("督导")


class Capability(models.TextChoices):
    VIEW = "view", _("查看")
    HANDLE = "handle", _("办理（登记、起草、发布申请）")
    REVIEW = "review", _("审核（保密审查、答复审批）")
    APPROVE_EXTENSION = "approve_extension", _("批准延期")
    # Sharing out the casework: the clerks among themselves, and the office's head.
    ASSIGN = "assign", _("分配承办人")
    ADMINISTER = "administer", _("管理本机关信息与人员")


ROLE_CAPABILITIES: dict[str, frozenset[str]] = {
    Role.CLERK: frozenset({Capability.VIEW, Capability.HANDLE, Capability.ASSIGN}),
    Role.REVIEWER: frozenset({Capability.VIEW, Capability.REVIEW}),
    Role.HEAD: frozenset({Capability.VIEW, Capability.APPROVE_EXTENSION, Capability.ASSIGN}),
    Role.ADMIN: frozenset({Capability.VIEW, Capability.ADMINISTER}),
    # Read-only, but over the agency's whole subtree (a city's 政务公开办 over its departments).
    Role.SUPERVISOR: frozenset({Capability.VIEW}),
}

# Who holds a capability, in the words official documents use for the person who acts: the
# "下一步：…，由审核人办理" hints (core.next_steps, through the policy's rules) name them.
HOLDERS: dict[str, str] = {
    Capability.VIEW: _("工作人员"),
    Capability.HANDLE: _("承办人"),
    Capability.REVIEW: _("审核人"),
    # Art. 33 (2019): an extension needs the consent of the 政府信息公开工作机构负责人.
    Capability.APPROVE_EXTENSION: _("信息公开工作机构负责人"),
    Capability.ADMINISTER: _("管理员"),
    Capability.ASSIGN: _("承办人或负责人"),
}

# Roles whose capabilities reach every descendant of the agency they are held in.
SUBTREE_ROLES = frozenset({Role.SUPERVISOR})


def roles_with(capability: str) -> frozenset[str]:
    """The roles that give `capability` (HANDLE: the clerks a case can be assigned to)."""
    return frozenset(role for role, caps in ROLE_CAPABILITIES.items() if capability in caps)
