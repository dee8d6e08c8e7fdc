"""Every back-office URL for an agency-owned object is scoped by membership.

A clerk of agency A gets 404 for every agency-B object URL; a supervisor of the city sees its
departments but cannot write. New office URLs must be added to OBJECT_URLS (a test enforces it).
"""

import pytest
from django.urls import get_resolver, reverse

from gongkai.agencies.models import Membership
from gongkai.core.audit import audit_record


def _membership(agency):
    return Membership.objects.filter(agency=agency).first()


# (url name, kwargs for an object of `agency`, methods to try, is a write)
OBJECT_URLS = [
    ("office:agency_detail", lambda a: {"pk": a.pk}, ["get"], False),
    ("office:agency_edit", lambda a: {"pk": a.pk}, ["get", "post"], True),
    ("office:agency_members", lambda a: {"pk": a.pk}, ["get"], False),
    ("office:agency_members", lambda a: {"pk": a.pk}, ["post"], True),
    ("office:membership_revoke", lambda a: {"pk": _membership(a).pk}, ["post"], True),
    (
        "office:history",
        lambda a: {"model": "agencies.agency", "object_id": str(a.pk)},
        ["get"],
        False,
    ),
]
URLS_WITHOUT_OBJECT = {"office:home"}


def test_every_office_url_is_covered_by_the_scoping_tests():
    office = get_resolver().namespace_dict["office"][1]
    names = {f"office:{name}" for name in office.reverse_dict if isinstance(name, str)}
    covered = {name for name, *_ in OBJECT_URLS} | URLS_WITHOUT_OBJECT
    assert names <= covered, f"add scoping cases for {sorted(names - covered)}"


@pytest.fixture
def b_objects(dept_b, admin_b):
    audit_record(actor=admin_b, action="test.touch", obj=dept_b)
    return dept_b


@pytest.mark.parametrize(("name", "kwargs", "methods", "is_write"), OBJECT_URLS)
def test_clerk_of_a_gets_404_for_agency_b_objects(
    client, clerk_a, b_objects, name, kwargs, methods, is_write
):
    client.force_login(clerk_a)
    url = reverse(name, kwargs=kwargs(b_objects))
    for method in methods:
        response = getattr(client, method)(url, {"office_phone": "1", "user": "x", "role": "clerk"})
        assert response.status_code == 404, (method, url)


@pytest.mark.parametrize(("name", "kwargs", "methods", "is_write"), OBJECT_URLS)
def test_supervisor_reads_departments_but_cannot_write(
    client, supervisor, b_objects, name, kwargs, methods, is_write
):
    client.force_login(supervisor)
    before = Membership.objects.count()
    url = reverse(name, kwargs=kwargs(b_objects))
    for method in methods:
        response = getattr(client, method)(url, {"office_phone": "1", "user": "x", "role": "clerk"})
        expected = 403 if is_write else 200
        assert response.status_code == expected, (method, url, response.status_code)
    b_objects.refresh_from_db()
    assert b_objects.office_phone == ""
    assert Membership.objects.count() == before


def test_supervisor_of_a_county_does_not_see_the_city(client, county, city):
    from tests.agencies.factories import MembershipFactory

    user = MembershipFactory(agency=county, role="supervisor").user
    client.force_login(user)
    assert client.get(reverse("office:agency_detail", kwargs={"pk": county.pk})).status_code == 200
    assert client.get(reverse("office:agency_detail", kwargs={"pk": city.pk})).status_code == 404


def test_public_user_is_refused_the_back_office(client, public_user):
    client.force_login(public_user)
    response = client.get(reverse("office:home"))
    assert response.status_code == 403
    assert "工作台仅对机关工作人员开放" in response.content.decode()


def test_anonymous_user_is_sent_to_login(client, db):
    response = client.get(reverse("office:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
