"""What a token may reach: only its agency's objects (or, read-only, its subtree's) — never
another agency's applications, catalogue items or annual reports, which answer 404 as they do
to that agency's outsiders; a read token is refused every write operation of the API, and a
read/write token every write outside the office API; a write token does a clerk's casework, is
audited as itself, and never reviews."""

import re

import pytest

from gongkai.applications.models import Application
from gongkai.catalog import services as catalog
from gongkai.core.models import AuditEvent
from gongkai.reports import services as reports
from tests.agencies.factories import AgencyFactory, MembershipFactory
from tests.apitokens.fixtures import bearer, make_token, new_item
from tests.applications.fixtures import register
from tests.catalog.fixtures import draft
from tests.contract import openapi_schema

pytestmark = pytest.mark.django_db

WRITES = {"post", "put", "patch", "delete"}


@pytest.fixture
def clerk_b(dept_b):
    return MembershipFactory(agency=dept_b, role="clerk").user


@pytest.fixture
def ours(clerk_a, dept_a):
    """dept_a's case, draft item and annual report."""
    return {
        "case": register(clerk_a, dept_a),
        "item": draft(clerk_a, dept_a),
        "report": reports.report_start(actor=clerk_a, agency=dept_a, year=2025),
    }


@pytest.fixture
def theirs(clerk_b, dept_b):
    """dept_b's case, draft item and annual report."""
    return {
        "case": register(clerk_b, dept_b, applicant_name="李四"),
        "item": draft(clerk_b, dept_b, title="乙局的草稿"),
        "report": reports.report_start(actor=clerk_b, agency=dept_b, year=2025),
    }


# Applications -----------------------------------------------------------------------------------


def test_the_queue_lists_only_the_tokens_agency(read_token, ours, theirs, dept_b):
    client = bearer(read_token[1])
    rows = client.get("/api/office/applications/", {"status": "all"}).json()["results"]
    assert [row["number"] for row in rows] == [ours["case"].number]
    asked = client.get("/api/office/applications/", {"agency": dept_b.pk})
    assert asked.status_code == 400 and theirs["case"].number not in asked.content.decode()


def test_another_agencys_case_is_not_found(read_token, write_token, ours, theirs):
    number = theirs["case"].number
    assert bearer(read_token[1]).get(f"/api/applications/{number}/").status_code == 404
    start = bearer(write_token[1]).post(
        f"/api/office/applications/{number}/actions/start/", {}, format="json"
    )
    assert start.status_code == 404
    assert Application.objects.get(number=number).status == theirs["case"].status


def test_a_write_token_handles_its_agencys_case_and_is_audited_as_itself(write_token, ours):
    token, secret = write_token
    case = ours["case"]
    response = bearer(secret).post(
        f"/api/office/applications/{case.number}/actions/start/", {}, format="json"
    )
    assert response.status_code == 200, response.json()
    row = AuditEvent.objects.for_object(case).latest("id")
    assert (row.actor, row.actor_repr) == (token.principal, f"api-{token.prefix}")


# Catalogue --------------------------------------------------------------------------------------


def test_the_catalogue_lists_only_the_tokens_agency(read_token, ours, theirs):
    rows = bearer(read_token[1]).get("/api/office/catalog/items/").json()
    assert [row["pk"] for row in rows] == [ours["item"].pk]


def test_another_agencys_item_can_be_neither_read_nor_changed(write_token, theirs, dept_b):
    client = bearer(write_token[1])
    pk = theirs["item"].pk
    assert client.get(f"/api/office/catalog/items/{pk}/").status_code == 404
    patch = client.patch(f"/api/office/catalog/items/{pk}/", {"title": "改"}, format="json")
    assert patch.status_code == 404
    submit = client.post(f"/api/office/catalog/items/{pk}/actions/submit/", {}, format="json")
    assert submit.status_code == 404
    created = client.post("/api/office/catalog/items/", new_item(dept_b), format="json")
    assert created.status_code == 403
    theirs["item"].refresh_from_db()
    assert (theirs["item"].title, theirs["item"].status) == ("乙局的草稿", "draft")


def test_a_write_token_drafts_but_never_reviews(write_token, ours, clerk_a):
    client = bearer(write_token[1])
    item = ours["item"]
    catalog.item_submit(actor=clerk_a, item=item)
    approve = client.post(
        f"/api/office/catalog/items/{item.pk}/actions/approve/", {}, format="json"
    )
    assert approve.status_code == 403
    item.refresh_from_db()
    assert item.status == "submitted"


# Annual reports ---------------------------------------------------------------------------------


def test_another_agencys_report_is_not_found(read_token, write_token, ours, theirs):
    assert bearer(read_token[1]).get(f"/api/office/reports/{ours['report'].pk}/").status_code == 200
    pk = theirs["report"].pk
    assert bearer(read_token[1]).get(f"/api/office/reports/{pk}/").status_code == 404
    act = bearer(write_token[1]).post(
        f"/api/office/reports/{pk}/actions/finalise/", {"confirm": True}, format="json"
    )
    assert act.status_code == 404


# A subtree --------------------------------------------------------------------------------------


def test_a_subtree_token_reads_the_subtree_and_nothing_beyond(city, ours, theirs):
    city_admin = MembershipFactory(agency=city, role="admin").user
    MembershipFactory(agency=city, role="supervisor", user=city_admin)
    elsewhere = AgencyFactory(code="other-city", name="另一市人民政府")
    outside = register(MembershipFactory(agency=elsewhere, role="clerk").user, elsewhere)
    _token, secret = make_token(city_admin, city, "read", subtree=True)
    client = bearer(secret)
    rows = client.get("/api/office/applications/", {"status": "all"}).json()["results"]
    assert {row["number"] for row in rows} == {ours["case"].number, theirs["case"].number}
    assert client.get(f"/api/applications/{outside.number}/").status_code == 404
    refused = client.post(
        f"/api/office/applications/{ours['case'].number}/actions/start/", {}, format="json"
    )
    assert refused.status_code == 403 and refused.json()["code"] == "token_read_only"


# Every write operation --------------------------------------------------------------------------


def _write_operations():
    for path, operations in openapi_schema()["paths"].items():
        for method in operations:
            if method in WRITES:
                yield method, path


def _url(path: str, objects: dict) -> str:
    """The path with its parameters filled by the token's own agency's objects where there are
    some (so that only the token's limits can refuse), and plausible values elsewhere."""
    values = {
        "number": objects["case"].number,
        "code": objects["case"].agency.code,
        "year": "2025",
        "action": "anything",
        "public_id": "00000000-0000-0000-0000-000000000000",
        "item_code": "x",
    }
    if "/catalog/items/" in path:
        values["id"] = str(objects["item"].pk)
    elif "/reports/" in path:
        values["id"] = str(objects["report"].pk)
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), "1"), path)


def test_the_api_has_write_operations_inside_and_outside_the_office_api():
    writes = list(_write_operations())
    assert len(writes) > 40
    assert any(not path.startswith("/api/office/") for _method, path in writes)


def test_a_read_token_is_refused_every_write_operation_and_nothing_changes(read_token, ours):
    client = bearer(read_token[1])
    before = AuditEvent.objects.count()
    refused = {}
    for method, path in _write_operations():
        response = getattr(client, method)(_url(path, ours), {"confirm": True}, format="json")
        refused[f"{method} {path}"] = (response.status_code, response.json()["code"])
    assert set(refused.values()) == {(403, "token_read_only")}, refused
    assert AuditEvent.objects.count() == before


def test_a_write_token_is_refused_every_write_outside_the_office_api(write_token, ours):
    client = bearer(write_token[1])
    before = AuditEvent.objects.count()
    outside = [(m, p) for m, p in _write_operations() if not p.startswith("/api/office/")]
    assert outside
    for method, path in outside:
        response = getattr(client, method)(_url(path, ours), {}, format="json")
        assert (response.status_code, response.json()["code"]) == (403, "token_not_allowed"), path
    assert AuditEvent.objects.count() == before


def test_a_write_token_never_reveals_a_full_identity_number(write_token, clerk_a, dept_a):
    application = register(clerk_a, dept_a)
    _token, secret = write_token
    response = bearer(secret).post(
        f"/api/office/applications/{application.number}/reveal-identity/", {}, format="json"
    )
    assert response.status_code == 403
    assert not AuditEvent.objects.filter(action="application.reveal_identity").exists()
