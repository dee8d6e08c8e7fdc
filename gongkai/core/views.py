"""Pages of the core app that belong to no domain."""

from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .client import client_address


@never_cache
@require_GET
def client_address_seen(request):
    """The caller's own address as the application sees it, as one line of text: after a
    deployment, `curl https://<site>/healthz/client` must print the caller's public address, not
    the proxy's (docs/deploy.md). It tells the caller nothing they do not already know."""
    return HttpResponse(
        f"{client_address(request) or '-'}\n", content_type="text/plain; charset=utf-8"
    )
