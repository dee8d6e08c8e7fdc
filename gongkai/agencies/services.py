"""Writes to agencies and memberships. Each is atomic, checks permission, and is audited."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from gongkai.core.audit import audit_record, diff, snapshot
from gongkai.core.errors import DomainError

from .models import Agency, Membership
from .permissions import forget_scope, require, require_membership_change
from .roles import Capability, Role

AGENCY_EDITABLE_FIELDS = (
    "name",
    "short_name",
    "credit_code",
    "level",
    "kind",
    "is_active",
    "sort_order",
    *Agency.OFFICE_FIELDS,
)
# What an agency's own administrator may change; the rest is platform configuration.
AGENCY_SELF_SERVICE_FIELDS = ("short_name", "credit_code", *Agency.OFFICE_FIELDS)


def _require_platform_admin(actor) -> None:
    if actor is not None and not actor.is_superuser:
        raise PermissionDenied


@transaction.atomic
def agency_create(*, actor, parent: Agency | None, code: str, name: str, **fields) -> Agency:
    """Create an agency under `parent` (None: a root). Platform administrators only."""
    _require_platform_admin(actor)
    unknown = set(fields) - set(AGENCY_EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"unknown agency fields: {sorted(unknown)}")
    agency = Agency(parent=parent, code=code, name=name, **fields)
    agency.path = "/"  # provisional; fixed once the id is known
    agency.full_clean(exclude=["path"])
    agency.save()
    agency.path = f"{parent.path if parent else '/'}{agency.pk}/"
    agency.depth = parent.depth + 1 if parent else 0
    agency.save(update_fields=["path", "depth"])
    audit_record(
        actor=actor,
        action="agency.create",
        obj=agency,
        changes=diff({}, snapshot(agency, ("code", "parent", *AGENCY_EDITABLE_FIELDS))),
    )
    return agency


@transaction.atomic
def agency_update(*, actor, agency: Agency, **fields) -> Agency:
    """Change an agency's facts. Its administrator may change the office facts shown in the
    指南; anything else (name, level, …) is platform configuration."""
    if actor is not None and not actor.is_superuser:
        require(actor, Capability.ADMINISTER, agency)
        allowed = AGENCY_SELF_SERVICE_FIELDS
    else:  # a platform administrator, or the system itself (demo loader, migrations)
        allowed = AGENCY_EDITABLE_FIELDS
    forbidden = set(fields) - set(allowed)
    if forbidden:
        raise PermissionDenied(f"cannot change {sorted(forbidden)}")
    agency = Agency.objects.select_for_update().get(pk=agency.pk)
    before = snapshot(agency, fields)
    for name, value in fields.items():
        setattr(agency, name, value)
    agency.full_clean(exclude=["path"])
    changes = diff(before, snapshot(agency, fields))
    if changes:
        agency.save(update_fields=list(changes))
        audit_record(actor=actor, action="agency.update", obj=agency, changes=changes)
    return agency


@transaction.atomic
def agency_move(*, actor, agency: Agency, new_parent: Agency | None) -> Agency:
    """Re-parent an agency (机构改革), rewriting the paths of its whole subtree."""
    _require_platform_admin(actor)
    agency = Agency.objects.select_for_update().get(pk=agency.pk)
    if new_parent is not None and new_parent.is_in_subtree_of(agency):
        raise DomainError("不能把机关移到它自己的下级机关之下。", code="agency_cycle")
    old_path, old_parent = agency.path, agency.parent_id
    new_path = f"{new_parent.path if new_parent else '/'}{agency.pk}/"
    depth_shift = (new_parent.depth + 1 if new_parent else 0) - agency.depth
    for node in Agency.objects.select_for_update().subtree_of(agency):
        node.path = new_path + node.path[len(old_path) :]
        node.depth += depth_shift
        node.save(update_fields=["path", "depth"])
    agency.refresh_from_db()
    agency.parent = new_parent
    agency.save(update_fields=["parent"])
    audit_record(
        actor=actor,
        action="agency.move",
        obj=agency,
        changes={"parent": [old_parent and str(old_parent), new_parent and str(new_parent.pk)]},
    )
    return agency


@transaction.atomic
def membership_grant(*, actor, agency: Agency, user, role: str) -> Membership:
    """Grant `role` in `agency` to `user` (permissions.membership_refusal says who may: never
    to oneself; 督导 only from above). Audited on the agency, listed on its members page."""
    if role not in Role.values:
        raise ValidationError({"role": "未知岗位。"})
    require_membership_change(actor, agency=agency, role=role, user=user)
    if hasattr(user, "api_token"):  # an API token's principal (apitokens) holds no roles
        raise DomainError("API 令牌的账号不能授予岗位。", code="token_principal")
    if Membership.objects.filter(user=user, agency=agency, role=role).exists():
        raise DomainError(
            f"{user.get_username()} 已是{agency.name}的{Role(role).label}。",
            code="membership_exists",
        )
    membership = Membership.objects.create(user=user, agency=agency, role=role, granted_by=actor)
    audit_record(
        actor=actor,
        action="membership.grant",
        obj=membership,
        changes={"user": [None, user.get_username()], "role": [None, role]},
    )
    forget_scope(user)
    return membership


@transaction.atomic
def membership_revoke(*, actor, membership: Membership) -> None:
    """Revoke a role, under the same rule as granting it (never one's own)."""
    membership = (
        Membership.objects.select_for_update(of=("self",))
        .select_related("agency", "user")
        .get(pk=membership.pk)
    )
    require_membership_change(
        actor,
        agency=membership.agency,
        role=membership.role,
        user=membership.user,
        revoking=True,
    )
    audit_record(
        actor=actor,
        action="membership.revoke",
        obj=membership,
        agency=membership.agency,
        changes={"user": [membership.user.get_username(), None], "role": [membership.role, None]},
    )
    user = membership.user
    membership.delete()
    forget_scope(user)
