"""The power-list API: public reads as of any date; staff writes through the same rules."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.powerlists import services as s
from gongkai.powerlists.models import PowerItem
from tests.powerlists.fixtures import add, adjustment, content

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def items(clerk_a, dept_a):
    licence = add(clerk_a, dept_a)
    s.power_item_change(
        actor=clerk_a,
        item=licence,
        legal_basis="《固定资产投资项目节能审查办法》",
        **adjustment(D(2017, 1, 1), reason="依据更新", document="商编办〔2016〕99号"),
    )
    fine = add(clerk_a, dept_a, power_type="punishment", name="节能处罚")
    s.power_item_remove(actor=clerk_a, item=fine, **adjustment(D(2018, 1, 1)))
    return licence, fine


def test_the_public_list_as_of_a_date(client, items, dept_a):
    data = client.get(f"/api/powerlists/{dept_a.code}/items/", {"as_of": "2016-06-01"}).json()
    assert data["as_of"] == "2016-06-01" and data["count"] == 2
    first = data["results"][0]
    assert first["code"] == "行政许可-001" and first["legal_basis"].startswith("《中华人民共和国")
    assert first["in_force_since"]["document"] == "商政〔2015〕50号"
    today = client.get(f"/api/powerlists/{dept_a.code}/items/").json()
    assert [r["code"] for r in today["results"]] == ["行政许可-001"]
    assert today["results"][0]["legal_basis"] == "《固定资产投资项目节能审查办法》"


def test_a_bad_as_of_is_a_json_400(client, items, dept_a):
    response = client.get(f"/api/powerlists/{dept_a.code}/items/", {"as_of": "yesterday"})
    assert response.status_code == 400 and response.json()["code"] == "invalid"
    response = client.get(f"/api/powerlists/{dept_a.code}/items/", {"type": "magic"})
    assert response.status_code == 400


def test_an_items_state_and_history(client, items, dept_a):
    _, fine = items
    data = client.get(
        f"/api/powerlists/{dept_a.code}/items/{fine.code}/", {"as_of": "2018-01-01"}
    ).json()
    assert data["in_force"] is False and data["state"] is None
    assert [h["change_kind"] for h in data["history"]] == ["added", "removed"]
    before = client.get(
        f"/api/powerlists/{dept_a.code}/items/{fine.code}/", {"as_of": "2017-12-31"}
    ).json()
    assert before["state"]["name"] == "节能处罚"


def test_the_adjustment_record(client, items, dept_a):
    data = client.get(f"/api/powerlists/{dept_a.code}/adjustments/", {"year": 2017}).json()
    assert [(r["code"], r["change_kind"], r["document"]) for r in data] == [
        ("行政许可-001", "changed", "商编办〔2016〕99号")
    ]
    assert data[0]["changed_fields"] == ["legal_basis"]


def test_unknown_agency_is_a_json_404(client):
    response = client.get("/api/powerlists/nope/items/")
    assert response.status_code == 404 and response.json()["code"] == "not_found"


def test_staff_endpoints_need_a_login(client):
    assert client.get("/api/office/powerlists/items/").status_code == 403


def test_staff_add_and_adjust_through_the_api(client, clerk_a, dept_a):
    client.force_login(clerk_a)
    created = client.post(
        "/api/office/powerlists/items/",
        {"agency": dept_a.code, **content(), **adjustment(D(2016, 1, 1))},
        content_type="application/json",
    )
    assert created.status_code == 201 and created.json()["code"] == "行政许可-001"
    pk = created.json()["pk"]
    changed = client.post(
        f"/api/office/powerlists/items/{pk}/change/",
        {"responsible_unit": "政策法规科", **adjustment(D(2019, 3, 1))},
        content_type="application/json",
    )
    assert changed.status_code == 200 and changed.json()["latest"]["name"] == content()["name"]
    assert changed.json()["latest"]["responsible_unit"] == "政策法规科"
    back_dated = client.post(
        f"/api/office/powerlists/items/{pk}/remove/",
        adjustment(D(2018, 1, 1)),
        content_type="application/json",
    )
    assert back_dated.status_code == 400 and back_dated.json()["code"] == "backdated"
    wrong_state = client.post(
        f"/api/office/powerlists/items/{pk}/relist/",
        adjustment(D(2020, 1, 1)),
        content_type="application/json",
    )
    assert wrong_state.status_code == 409
    assert wrong_state.json()["code"] == "invalid_transition"
    assert PowerItem.objects.get().last_version == 2


def test_staff_of_other_agencies_cannot_write(client, powerlist_clerk_b, clerk_a, dept_a):
    item = add(clerk_a, dept_a)
    client.force_login(powerlist_clerk_b)
    response = client.post(
        "/api/office/powerlists/items/",
        {"agency": dept_a.code, **content(), **adjustment()},
        content_type="application/json",
    )
    assert response.status_code == 403
    response = client.post(
        f"/api/office/powerlists/items/{item.pk}/remove/",
        adjustment(D(2017, 1, 1)),
        content_type="application/json",
    )
    assert response.status_code == 404


def test_import_through_the_api_lists_errors_by_row(client, clerk_a, dept_a):
    client.force_login(clerk_a)
    header = "power_type,name,legal_basis,responsible_unit\n"
    batch = {"agency": dept_a.code, **adjustment()}
    bad = client.post(
        "/api/office/powerlists/import/",
        {**batch, "data": SimpleUploadedFile("l.csv", (header + "行政许可,,依据,科\n").encode())},
    )
    assert bad.status_code == 400
    assert bad.json()["errors"] == [{"row": 1, "column": "name", "message": "事项名称必填。"}]
    good = client.post(
        "/api/office/powerlists/import/",
        {
            **batch,
            "data": SimpleUploadedFile("l.csv", (header + "行政许可,审查,依据,科\n").encode()),
        },
    )
    assert good.status_code == 201 and good.json()["codes"] == ["行政许可-001"]


def test_the_openapi_schema_describes_the_endpoints(client):
    schema = client.get("/api/openapi.json").json()
    assert "/api/powerlists/{code}/items/" in schema["paths"]
    assert "/api/office/powerlists/items/{id}/{action}/" in schema["paths"]


def test_staff_reads_and_a_dry_run_import_answer_in_the_declared_shapes(client, clerk_a, dept_a):
    """The staff list, one item, and an import that only checks (200, nothing saved)."""
    item = add(clerk_a, dept_a)
    client.force_login(clerk_a)
    listing = client.get("/api/office/powerlists/items/", {"agency": dept_a.code}).json()
    assert [row["pk"] for row in listing] == [item.pk]
    detail = client.get(f"/api/office/powerlists/items/{item.pk}/").json()
    assert detail["status"] == "in_force" and detail["latest"]["name"] == item.name
    header = "power_type,name,legal_basis,responsible_unit\n"
    checked = client.post(
        "/api/office/powerlists/import/",
        {
            "agency": dept_a.code,
            **adjustment(),
            "dry_run": "on",
            "data": SimpleUploadedFile("l.csv", (header + "行政许可,审查,依据,科\n").encode()),
        },
    )
    assert checked.status_code == 200 and checked.json() == {"imported": 0, "codes": []}
    assert PowerItem.objects.count() == 1
