"""Rate limits on the whole API (REST_FRAMEWORK["DEFAULT_THROTTLE_CLASSES"]): every endpoint
counts each request against exactly one scope —

* `anon`: a visitor not signed in, counted per client address;
* `user`: a person signed in through the site's session, counted per account;
* `token`: an integration calling with an API token, counted per token
  (gongkai.apitokens.throttling).

Rates are REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"] (settings, from the environment), read at each
request so that a change of settings applies at once. A request over its limit answers 429
`throttled` with Retry-After (core.api.exception_handler). Counts live in Django's default cache:
shared by every worker with Redis (production), per process otherwise.

The web pages have their own, narrower limits (SMS codes, case look-ups, comments, logins)."""

from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

from .client import client_address


class ApiRateThrottle(SimpleRateThrottle):
    """A scope of the API's rate limit. Subclasses say whose request they count (`ident`);
    every client address comes from `client_address`, the one place that decides it."""

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def client_address(self, request) -> str:
        """The client's address as the rest of the platform sees it (behind the proxy)."""
        return client_address(request) or ""

    # DRF's own throttles call get_ident; ours too, so that nothing reads the headers twice.
    def get_ident(self, request) -> str:
        return self.client_address(request)

    def ident(self, request) -> str | None:
        """Whose requests this scope counts; None: not this scope's request."""
        raise NotImplementedError

    def get_cache_key(self, request, view):
        ident = self.ident(request)
        if ident is None:
            return None
        return self.cache_format % {"scope": self.scope, "ident": ident}


class AnonymousRateThrottle(ApiRateThrottle):
    """Visitors not signed in, per client address."""

    scope = "anon"

    def ident(self, request):
        if request.user and request.user.is_authenticated:
            return None
        return self.get_ident(request)


class SessionUserRateThrottle(ApiRateThrottle):
    """People signed in through the session (request.auth is None), per account."""

    scope = "user"

    def ident(self, request):
        if not (request.user and request.user.is_authenticated) or request.auth is not None:
            return None
        return str(request.user.pk)
