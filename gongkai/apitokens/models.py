"""API tokens: how another system (an OA system, a city's data platform, a supervisor's
dashboard) calls the API for one agency, or read-only for its subtree, without a person's login.

A token is a secret shown once; only its SHA-256 digest is kept. Each token acts through its own
principal, a user row that holds no membership and cannot log in: its permissions are the
token's access in the token's agency (`access.token_scope`), so it is audited as itself and can
never reach what its agency cannot."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.agencies.models import AgencyScopedModel

# "gk_" + 43 URL-safe characters (256 random bits). The first 8 after "gk_" are the token's
# public prefix: shown in lists and in the audit trail, so a leaked token can be recognised.
TOKEN_PREFIX = "gk_"
PREFIX_LENGTH = len(TOKEN_PREFIX) + 8


def new_secret() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def digest_of(secret: str) -> str:
    """The stored form of a token. A fast hash is right here: the secret is 256 random bits,
    not a password that could be guessed (as GitHub and GitLab store theirs)."""
    return hashlib.sha256(secret.encode()).hexdigest()


class Access(models.TextChoices):
    READ = "read", _("只读")
    WRITE = "write", _("读写")


class ApiToken(AgencyScopedModel):
    name = models.CharField(
        _("名称"), max_length=100, help_text=_("调用方系统，如“市政府OA系统”。")
    )
    access = models.CharField(_("权限"), max_length=8, choices=Access.choices)
    subtree = models.BooleanField(
        _("包括下级机关"), default=False, help_text=_("只读令牌可以包括全部下级机关。")
    )
    prefix = models.CharField(_("令牌前缀"), max_length=PREFIX_LENGTH, unique=True, editable=False)
    digest = models.CharField(_("令牌摘要"), max_length=64, unique=True, editable=False)
    # The principal the token acts as: audit rows and authored records name it.
    principal = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("令牌账号"),
        on_delete=models.PROTECT,
        related_name="api_token",
        editable=False,
    )
    expires_on = models.DateField(
        _("有效期至"), null=True, blank=True, help_text=_("含当日；不填则长期有效，直至撤销。")
    )
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("创建人"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    last_used_at = models.DateTimeField(_("最近使用时间"), null=True, blank=True)
    last_used_ip = models.GenericIPAddressField(_("最近使用地址"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("撤销时间"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("撤销人"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("API 令牌")
        verbose_name_plural = _("API 令牌")
        ordering = ["agency__path", "-created_at"]
        constraints = [
            # Like the 督导 role: a subtree is only ever read.
            models.CheckConstraint(
                condition=Q(subtree=False) | Q(access="read"), name="apitoken_subtree_read_only"
            ),
            models.UniqueConstraint(
                fields=["agency", "name"],
                condition=Q(revoked_at__isnull=True),
                name="apitoken_name_unique_while_in_use",
            ),
        ]

    def __str__(self):
        return f"{self.name}（{self.prefix}…）"

    def is_expired(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.expires_on is not None and today > self.expires_on

    @property
    def state_label(self) -> str:
        if self.revoked_at is not None:
            return str(_("已撤销"))
        if self.is_expired():
            return str(_("已过期"))
        return str(_("有效"))
