"""The `token` scope of the API's rate limit (core.throttling): each token is counted on its
own, at REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["token"], whatever address it calls from."""

from gongkai.core.throttling import ApiRateThrottle

from .models import ApiToken


class TokenRateThrottle(ApiRateThrottle):
    scope = "token"

    def ident(self, request):
        token = request.auth
        return str(token.pk) if isinstance(token, ApiToken) else None
