"""API token fixtures: tokens made through the service by an agency's administrator, and an
API client that sends one as `Authorization: Bearer`."""

import pytest
from rest_framework.test import APIClient

from gongkai.apitokens.services import token_create


def make_token(admin, agency, access="read", *, name=None, **fields):
    """(token, secret) of `agency`, created by its administrator."""
    return token_create(
        actor=admin, agency=agency, name=name or f"{access}-{agency.code}", access=access, **fields
    )


def new_item(agency, **fields) -> dict:
    """The body of POST /api/office/catalog/items/: a draft of `agency`."""
    from gongkai.catalog.models import Category

    return {
        "agency": agency.code,
        "title": "行政许可事项清单",
        "created_on": "2026-03-02",
        "disclosure": "active",
        "validity": "valid",
        "categories": [Category.objects.get(agency=None, code="F05").pk],
        "summary": "清单",
        **fields,
    }


def bearer(secret: str) -> APIClient:
    client = APIClient(enforce_csrf_checks=True)
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    return client


@pytest.fixture
def read_token(admin_a, dept_a):
    return make_token(admin_a, dept_a, "read")


@pytest.fixture
def write_token(admin_a, dept_a):
    return make_token(admin_a, dept_a, "write")
