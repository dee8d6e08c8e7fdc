"""`gongkai token`: an agency's API tokens from the command line (docs/api.md).

gongkai token create --agency CODE --user USERNAME --name NAME [--access read|write]
                     [--subtree] [--expires YYYY-MM-DD] [--quiet]
gongkai token list [--agency CODE] [--all]
gongkai token revoke PREFIX --user USERNAME [--reason TEXT]

Creating and revoking are done as a named administrator of the agency (`--user`), with the same
rules and audit as the office page. `create` prints the token once (alone on stdout with
--quiet, for scripts); it cannot be shown again."""

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.http import Http404
from django.utils import timezone

from gongkai.agencies.models import Agency
from gongkai.apitokens import services
from gongkai.apitokens.models import PREFIX_LENGTH, Access, ApiToken
from gongkai.core.errors import DomainError


class Command(BaseCommand):
    help = "API 令牌：create 创建、list 列出、revoke 撤销。"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="创建令牌（令牌只显示这一次）")
        create.add_argument("--agency", required=True, help="机关代码")
        create.add_argument("--user", required=True, help="操作人用户名（须为该机关管理员）")
        create.add_argument("--name", required=True, help="令牌名称（调用方系统）")
        create.add_argument("--access", choices=Access.values, default=Access.READ)
        create.add_argument("--subtree", action="store_true", help="包括全部下级机关（只读）")
        create.add_argument("--expires", help="有效期至 YYYY-MM-DD（含当日）")
        create.add_argument("--quiet", action="store_true", help="只输出令牌")
        listing = sub.add_parser("list", help="列出令牌（不含令牌本身）")
        listing.add_argument("--agency", help="机关代码")
        listing.add_argument("--all", action="store_true", help="包括已撤销的令牌")
        revoke = sub.add_parser("revoke", help="撤销令牌（立即生效，不能恢复）")
        revoke.add_argument("prefix", help="令牌前缀（gk_ 加8位）或完整令牌")
        revoke.add_argument("--user", required=True, help="操作人用户名（须为该机关管理员）")
        revoke.add_argument("--reason", default="", help="撤销原因")

    def handle(self, *args, action, **options):
        getattr(self, action)(**options)

    def create(self, *, agency, user, name, access, subtree, expires, quiet, **options):
        agency = _agency(agency)
        actor = _user(user)
        try:
            expires_on = datetime.date.fromisoformat(expires) if expires else None
        except ValueError:
            raise CommandError(f"有效期“{expires}”不是 YYYY-MM-DD 格式的日期。") from None
        token, secret = _run(
            lambda: services.token_create(
                actor=actor,
                agency=agency,
                name=name,
                access=access,
                subtree=subtree,
                expires_on=expires_on,
            ),
            actor,
            agency,
        )
        if quiet:
            self.stdout.write(secret)
            return
        self.stdout.write(
            f"已创建令牌“{token.name}”（{token.get_access_display()}，{_scope(token)}）："
        )
        self.stdout.write(secret)
        self.stdout.write("请立即保存：令牌只显示这一次，平台不保存令牌本身。")

    def list(self, *, agency, all, **options):
        rows = ApiToken.objects.select_related("agency").order_by("agency__path", "-created_at")
        if agency:
            rows = rows.filter(agency=_agency(agency))
        if not all:
            rows = rows.filter(revoked_at__isnull=True)
        for token in rows:
            used = (
                timezone.localtime(token.last_used_at).strftime("%Y-%m-%d %H:%M")
                if token.last_used_at
                else "从未使用"
            )
            expires = token.expires_on.isoformat() if token.expires_on else "长期"
            self.stdout.write(
                f"{token.prefix}…  {token.agency.code}  {token.name}  "
                f"{token.get_access_display()}  {_scope(token)}  有效期至 {expires}  "
                f"最近使用 {used}  {token.state_label}"
            )

    def revoke(self, *, prefix, user, reason, **options):
        actor = _user(user)
        token = (
            ApiToken.objects.select_related("agency").filter(prefix=prefix[:PREFIX_LENGTH]).first()
        )
        if token is None:
            raise CommandError(f"没有前缀为“{prefix[:PREFIX_LENGTH]}”的令牌。")
        _run(
            lambda: services.token_revoke(actor=actor, token=token, reason=reason),
            actor,
            token.agency,
        )
        self.stdout.write(self.style.SUCCESS(f"已撤销令牌“{token.name}”（{token.prefix}…）。"))


def _scope(token) -> str:
    return "本机关及全部下级机关" if token.subtree else "本机关"


def _agency(code: str) -> Agency:
    agency = Agency.objects.filter(code=code).first()
    if agency is None:
        raise CommandError(f"没有代码为“{code}”的机关。")
    return agency


def _user(username: str):
    user = get_user_model().objects.filter(username=username, is_active=True).first()
    if user is None:
        raise CommandError(f"没有用户名为“{username}”的在用账号。")
    return user


def _run(call, actor, agency):
    try:
        return call()
    except DomainError as error:
        raise CommandError(error.message) from None
    except ValidationError as error:
        raise CommandError("；".join(error.messages)) from None
    except (PermissionDenied, Http404) as error:
        why = str(error).rstrip("。") or f"只有{agency.name}的管理员可以管理它的 API 令牌"
        raise CommandError(f"用户“{actor.get_username()}”不能这样做：{why}。") from None
