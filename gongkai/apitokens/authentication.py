"""`Authorization: Bearer <token>` for the API (REST_FRAMEWORK["DEFAULT_AUTHENTICATION_CLASSES"],
before the session).

A request that carries a Bearer header is a token request and nothing else: it never falls back
to the session, so the browser's cookie plays no part and CSRF (which protects cookies) does not
apply. A request without one is left to the session, as before.

The token's own limits are checked here, before any view runs, so that no view can forget them:
a read-only token is refused every write (403 `token_read_only`), and a read/write token every
write outside the office API (403 `token_not_allowed`). What the token may see and change is then
its principal's scope (permissions.token_scope), which every view and service already asks.

A token that is unknown, expired or revoked answers 401 with `WWW-Authenticate: Bearer`
(`token_invalid`, `token_expired`, `token_revoked`); a request with no credentials at all keeps
the API's 403 `not_authenticated`."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.permissions import SAFE_METHODS

from gongkai.agencies.permissions import assume_scope
from gongkai.core.middleware import current_client_ip

from .permissions import may_write_through, token_scope
from .selectors import token_by_secret
from .services import token_mark_used

KEYWORD = b"bearer"
REALM = 'Bearer realm="gongkai", error="invalid_token"'


class TokenInvalid(exceptions.AuthenticationFailed):
    default_code = "token_invalid"
    default_detail = _("API 令牌无效。请在 Authorization 头中发送“Bearer 令牌”。")


class TokenExpired(exceptions.AuthenticationFailed):
    default_code = "token_expired"
    default_detail = _("API 令牌已过期，请向本机关管理员申请新的令牌。")


class TokenRevoked(exceptions.AuthenticationFailed):
    default_code = "token_revoked"
    default_detail = _("API 令牌已撤销。")


class TokenReadOnly(exceptions.PermissionDenied):
    default_code = "token_read_only"
    default_detail = _("只读令牌不能修改数据。")


class TokenNotAllowed(exceptions.PermissionDenied):
    default_code = "token_not_allowed"
    default_detail = _(
        "API 令牌只能通过工作人员接口（/api/office/）修改数据；"
        "提出申请、补正、撤回和发表意见须由本人登录办理。"
    )


def _bearer(request) -> bytes | None:
    """The credentials of a Bearer header (b"" when the header has none); None: no such header."""
    scheme, _, credentials = get_authorization_header(request).partition(b" ")
    if scheme.lower() != KEYWORD:
        return None
    return credentials.strip()


class BearerTokenAuthentication(BaseAuthentication):
    def authenticate(self, request):
        credentials = _bearer(request)
        if credentials is None:
            return None
        try:
            secret = credentials.decode("ascii")
        except UnicodeDecodeError:
            raise TokenInvalid from None
        token = token_by_secret(secret) if secret and " " not in secret else None
        if token is None:
            raise TokenInvalid
        if token.revoked_at is not None or not token.principal.is_active:
            raise TokenRevoked
        if token.is_expired():
            raise TokenExpired
        scope = token_scope(token)
        if not scope:
            raise TokenRevoked(_("API 令牌所属的机关已停用。"))
        if request.method not in SAFE_METHODS:
            if token.access != "write":
                raise TokenReadOnly
            if not may_write_through(request.path_info):
                raise TokenNotAllowed
        token_mark_used(token=token, ip=current_client_ip(), now=timezone.now())
        principal = token.principal
        assume_scope(principal, scope)
        return principal, token

    def authenticate_header(self, request):
        """401 with this header for a request that sent a token; None keeps every other
        unauthenticated request a 403, as the API has always answered."""
        return REALM if _bearer(request) is not None else None
