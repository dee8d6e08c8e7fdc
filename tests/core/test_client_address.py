"""The client's address (gongkai.core.client.client_address): with N trusted proxies in front,
the N-th X-Forwarded-For entry from the right; what a client wrote to its left is never
believed; with no proxy, REMOTE_ADDR alone."""

import pytest
from django.test import RequestFactory
from rest_framework.request import Request
from rest_framework.throttling import AnonRateThrottle

from gongkai.core.client import client_address

NGINX = "127.0.0.1"


def _request(forwarded: str | None = None, remote: str = NGINX):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


@pytest.fixture
def proxies(settings):
    def use(count: int):
        settings.GONGKAI_PROXY_COUNT = count
        settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": count}

    return use


def test_without_a_trusted_proxy_the_header_is_ignored(proxies):
    proxies(0)
    assert client_address(_request("203.0.113.5", remote="198.51.100.7")) == "198.51.100.7"


def test_behind_one_proxy_the_address_it_saw_is_the_client(proxies):
    proxies(1)
    assert client_address(_request("203.0.113.5")) == "203.0.113.5"


def test_an_entry_the_client_wrote_on_the_left_is_not_believed(proxies):
    """nginx with $proxy_add_x_forwarded_for appends what it saw to what the client sent."""
    proxies(1)
    assert client_address(_request("6.6.6.6, 203.0.113.5")) == "203.0.113.5"
    assert client_address(_request("not-an-ip,  203.0.113.5 ")) == "203.0.113.5"


def test_behind_two_proxies_the_second_entry_from_the_right_is_the_client(proxies):
    proxies(2)
    assert client_address(_request("6.6.6.6, 203.0.113.5, 10.0.0.2")) == "203.0.113.5"


def test_fewer_entries_than_proxies_take_the_leftmost(proxies):
    proxies(2)
    assert client_address(_request("203.0.113.5")) == "203.0.113.5"


def test_without_the_header_the_connection_address_is_used(proxies):
    proxies(1)
    assert client_address(_request()) == NGINX
    assert client_address(_request("")) == NGINX


def test_an_entry_that_is_not_an_address_falls_back_to_the_connection(proxies):
    proxies(1)
    assert client_address(_request("unknown")) == NGINX
    assert client_address(_request("203.0.113.5:4431")) == NGINX
    assert client_address(_request("fe80::1%eth0")) == NGINX


def test_addresses_are_spelled_one_way_so_one_client_is_one_bucket(proxies):
    proxies(1)
    assert client_address(_request("2001:DB8:0:0::1")) == "2001:db8::1"
    assert client_address(_request("::ffff:203.0.113.5")) == "203.0.113.5"


@pytest.mark.parametrize(
    ("count", "forwarded"),
    [
        (0, "203.0.113.5"),
        (1, "203.0.113.5"),
        (1, "6.6.6.6, 203.0.113.5"),
        (1, None),
        (2, "198.51.100.1, 203.0.113.5, 10.0.0.2"),
    ],
)
def test_drf_throttles_identify_the_client_by_the_same_rule(proxies, count, forwarded):
    """REST_FRAMEWORK["NUM_PROXIES"] follows GONGKAI_PROXY_COUNT, so the API's throttles count
    the same client as the pages' limits, axes and the audit."""
    proxies(count)
    request = _request(forwarded)
    assert AnonRateThrottle().get_ident(Request(request)) == client_address(request)
