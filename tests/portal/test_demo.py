"""`gongkai demo` loads the seed agency, one account per role and two public users, idempotently."""

import io

import pytest
from django.core.management import call_command

from gongkai.accounts.models import ApplicantProfile, User
from gongkai.agencies.models import Agency, Membership
from gongkai.agencies.roles import Role


def _demo(*args):
    out = io.StringIO()
    # Cases are covered by tests/applications/test_demo.py; here agencies and accounts.
    call_command("demo", "--without-cases", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_demo_loads_the_seed_agency_under_the_city():
    _demo()
    seed = Agency.objects.get(code="411400-gxw")
    assert seed.name == "商丘市工业和信息化委员会"
    assert seed.parent.name == "商丘市人民政府"
    assert seed.parent.children.count() >= 4


@pytest.mark.django_db
def test_demo_has_one_staff_account_per_role_and_two_public_users():
    output = _demo()
    roles = set(Membership.objects.values_list("role", flat=True))
    assert roles == set(Role.values)
    kinds = sorted(ApplicantProfile.objects.values_list("kind", flat=True))
    assert kinds == ["organisation", "person"]
    assert "Gongkai@2026" in output and "gxw_clerk" in output


@pytest.mark.django_db
def test_demo_is_idempotent():
    _demo()
    counts = (Agency.objects.count(), User.objects.count(), Membership.objects.count())
    _demo()
    assert (Agency.objects.count(), User.objects.count(), Membership.objects.count()) == counts


@pytest.mark.django_db
def test_if_empty_skips_a_database_that_has_agencies():
    from tests.agencies.factories import AgencyFactory

    AgencyFactory()
    assert "跳过" in _demo("--if-empty")
    assert not Agency.objects.filter(code="411400-gxw").exists()


@pytest.mark.django_db
def test_demo_users_log_in_by_username_and_phone(client):
    _demo()
    for identifier in ("gxw_reviewer", "13900000002"):
        response = client.post(
            "/accounts/login/", {"username": identifier, "password": "Gongkai@2026"}
        )
        assert response.status_code == 302
        client.logout()


@pytest.mark.django_db
def test_every_demo_staff_account_reaches_the_workbench(client):
    from gongkai.demo.data.accounts import DEMO_STAFF

    _demo()
    for username, _phone, _name, code, _role, _description in DEMO_STAFF:
        client.post("/accounts/login/", {"username": username, "password": "Gongkai@2026"})
        page = client.get("/office/")
        assert page.status_code == 200, username
        assert Agency.objects.get(code=code).name in page.content.decode()
        client.post("/accounts/logout/")


@pytest.mark.django_db
def test_admin_pages_for_the_calendar_are_read_only(admin_client):
    assert admin_client.get("/admin/workdays/calendaryear/").status_code == 200
    assert admin_client.get("/admin/workdays/calendarday/add/").status_code == 403
