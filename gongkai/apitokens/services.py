"""Writes of API tokens: create (the secret is returned once, never stored), revoke, and the
record of a token's last use. Creating and revoking are atomic, permission-checked and audited;
what a token then writes is audited by the services it calls, with the token's principal as the
actor."""

import datetime
import ipaddress

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from gongkai.agencies.models import Agency
from gongkai.core.audit import audit_record, diff, snapshot
from gongkai.core.errors import DomainError, InvalidTransition

from .models import PREFIX_LENGTH, Access, ApiToken, digest_of, new_secret
from .permissions import POLICY

AUDITED_FIELDS = ("name", "access", "subtree", "expires_on", "prefix")
# A token's last use is written at most this often (not one UPDATE per request).
LAST_USED_RESOLUTION = datetime.timedelta(minutes=1)


@transaction.atomic
def token_create(
    *,
    actor,
    agency: Agency,
    name: str,
    access: str,
    subtree: bool = False,
    expires_on: datetime.date | None = None,
) -> tuple[ApiToken, str]:
    """A new token of `agency` and its secret, which is shown this once and never again."""
    POLICY.require(actor, "create_subtree" if subtree else "create", agency)
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": "请填写令牌名称（调用方系统）。"})
    if access not in Access.values:
        raise ValidationError({"access": "权限应为只读（read）或读写（write）。"})
    if subtree and access != Access.READ:
        raise DomainError(
            "包括下级机关的令牌只能是只读的。", code="token_subtree_read_only", field="subtree"
        )
    if expires_on is not None and expires_on < timezone.localdate():
        raise ValidationError({"expires_on": "有效期不能早于今天。"})
    if not agency.is_active:
        raise DomainError("这个机关已停用，不能创建令牌。", code="agency_inactive")
    if ApiToken.objects.filter(agency=agency, name=name, revoked_at__isnull=True).exists():
        raise DomainError(
            f"本机关已有名为“{name}”的令牌，请换一个名称或先撤销原令牌。",
            code="token_name_taken",
            field="name",
        )
    secret, prefix = _unused_secret()
    principal = get_user_model().objects.create_user(
        username=f"api-{prefix}", password=None, first_name=name[:150]
    )
    token = ApiToken.objects.create(
        agency=agency,
        name=name,
        access=access,
        subtree=subtree,
        prefix=prefix,
        digest=digest_of(secret),
        principal=principal,
        expires_on=expires_on,
        created_by=actor,
    )
    audit_record(
        actor=actor,
        action="apitoken.create",
        obj=token,
        changes=diff({}, snapshot(token, AUDITED_FIELDS)),
    )
    return token, secret


def _unused_secret() -> tuple[str, str]:
    users = get_user_model().objects
    while True:
        secret = new_secret()
        prefix = secret[:PREFIX_LENGTH]
        taken = ApiToken.objects.filter(prefix=prefix).exists()
        if not taken and not users.filter(username=f"api-{prefix}").exists():
            return secret, prefix


@transaction.atomic
def token_revoke(*, actor, token: ApiToken, reason: str = "") -> ApiToken:
    """Revoke at once: the next request with it answers 401 token_revoked. Irreversible."""
    token = (
        ApiToken.objects.select_for_update().select_related("agency", "principal").get(pk=token.pk)
    )
    POLICY.require(actor, "revoke", token)
    if token.revoked_at is not None:
        raise InvalidTransition("这个令牌已经撤销。", code="token_revoked")
    token.revoked_at = timezone.now()
    token.revoked_by = actor
    token.save(update_fields=["revoked_at", "revoked_by"])
    principal = token.principal
    principal.is_active = False
    principal.save(update_fields=["is_active"])
    audit_record(
        actor=actor,
        action="apitoken.revoke",
        obj=token,
        changes={"revoked_at": [None, token.revoked_at.isoformat()]},
        note=(reason or "").strip(),
    )
    return token


def token_mark_used(*, token: ApiToken, ip: str | None, now: datetime.datetime) -> None:
    """Remember when and from where the token was last used (at most once a minute). This is
    bookkeeping, not a change anyone made: it is not an audit row."""
    if token.last_used_at is not None and now - token.last_used_at < LAST_USED_RESOLUTION:
        return
    ip = ip if _is_address(ip) else None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now, last_used_ip=ip)
    token.last_used_at, token.last_used_ip = now, ip


def _is_address(value: str | None) -> bool:
    try:
        ipaddress.ip_address(value or "")
    except ValueError:
        return False
    return True
