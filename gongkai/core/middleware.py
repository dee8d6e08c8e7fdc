"""Makes the acting request's client address available to the audit helper.

Services take the actor explicitly; the IP address is ambient request context, so it is kept in
a context variable instead of being threaded through every call.
"""

from contextvars import ContextVar

from .client import client_address

_client_ip: ContextVar[str | None] = ContextVar("gongkai_client_ip", default=None)


def current_client_ip() -> str | None:
    return _client_ip.get()


class RequestContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _client_ip.set(client_address(request))
        try:
            return self.get_response(request)
        finally:
            _client_ip.reset(token)


class ChineseFirstLocaleMiddleware:
    """Simplified Chinese unless the visitor chose another language with the language switch.

    Django's LocaleMiddleware would follow the browser's Accept-Language header; a Chinese
    government portal must not turn English because a browser is set up in English.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.conf import settings
        from django.utils import translation
        from django.utils.cache import patch_vary_headers

        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        supported = {code for code, _name in settings.LANGUAGES}
        language = chosen if chosen in supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response
