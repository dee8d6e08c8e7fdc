"""The client's address: the one place that decides which header to believe.

Behind nginx, REMOTE_ADDR is the proxy's own address (127.0.0.1), so every visitor would look
alike: one visitor's five wrong passwords would lock everyone out, the SMS and case-lookup limits
would be site-wide, and every audit row would say 127.0.0.1. Each trusted proxy appends the
address it received the connection from to X-Forwarded-For; whatever a client sent in that header
stands to the left of those entries. So with GONGKAI_PROXY_COUNT = N trusted proxies in front,
the client is the N-th entry from the right, and nothing to its left is believed.

django-axes (AXES_CLIENT_IP_CALLABLE), the rate limits, the audit trail (through
RequestContextMiddleware) and DRF's throttles (REST_FRAMEWORK["NUM_PROXIES"], the same rule) all
take their address from here.
"""

import ipaddress

from django.conf import settings


def _normalised(value: str | None) -> str | None:
    """The address in its canonical spelling, or None if `value` is not a plain IP address
    (an IPv4 address seen through an IPv6 socket counts as the IPv4 address)."""
    try:
        address = ipaddress.ip_address((value or "").strip())
    except ValueError:
        return None
    if getattr(address, "scope_id", None):
        return None
    mapped = getattr(address, "ipv4_mapped", None)
    return str(mapped or address)


def client_address(request) -> str | None:
    """The address of the client that made `request`, as far as the trusted proxies vouch for it.

    With no trusted proxy (GONGKAI_PROXY_COUNT = 0, the development server) it is REMOTE_ADDR and
    X-Forwarded-For is ignored. With N proxies it is the N-th X-Forwarded-For entry from the right
    (the leftmost one if the header has fewer entries), provided it is an IP address; otherwise,
    or without the header, REMOTE_ADDR.
    """
    meta = request.META
    remote = _normalised(meta.get("REMOTE_ADDR"))
    count = settings.GONGKAI_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = [
        entry for entry in meta.get("HTTP_X_FORWARDED_FOR", "").split(",") if entry.strip()
    ]
    if not forwarded:
        return remote
    return _normalised(forwarded[-min(count, len(forwarded))]) or remote
