"""The catalogue API: public reads and search; staff writes through the same rules."""

import pytest

from gongkai.catalog.models import Category, Item
from gongkai.catalog.states import ItemStatus
from tests.applications.fixtures import png
from tests.catalog.fixtures import draft, published

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(clerk_a, catalog_reviewer_a, dept_a):
    return published(clerk_a, catalog_reviewer_a, dept_a)


def test_public_list_and_detail_need_no_login(client, item, dept_a):
    listing = client.get("/api/catalog/items/", {"agency": dept_a.code}).json()
    assert [r["index_number"] for r in listing["results"]] == [item.index_number]
    detail = client.get(f"/api/catalog/items/{item.public_id}/").json()
    assert detail["doc_number"] == "测工信〔2026〕12号"
    assert detail["channels"][0]["channel"] == "agency_website"


def test_unknown_agency_is_a_json_404(client):
    response = client.get("/api/catalog/items/", {"agency": "nope"})
    assert response.status_code == 404 and response.json()["code"] == "not_found"


def test_search_returns_highlighted_hits(client, item):
    data = client.get("/api/catalog/search/", {"q": "升级"}).json()
    assert data["total"] == 1 and "<mark>升级</mark>" in data["results"][0]["title_html"]


def test_search_without_a_query_is_an_error_with_a_code(client):
    response = client.get("/api/catalog/search/", {"q": " "})
    assert response.status_code == 400 and response.json()["code"] == "query_required"


def test_drafts_are_invisible_to_the_public_api(client, clerk_a, dept_a):
    hidden = draft(clerk_a, dept_a)
    assert client.get(f"/api/catalog/items/{hidden.public_id}/").status_code == 404


def test_staff_create_review_and_publish_through_the_api(
    client, clerk_a, catalog_reviewer_a, dept_a
):
    client.force_login(clerk_a)
    category = Category.objects.get(agency=None, code="F05")
    created = client.post(
        "/api/office/catalog/items/",
        {
            "agency": dept_a.code,
            "title": "行政许可事项清单",
            "created_on": "2026-03-02",
            "disclosure": "active",
            "validity": "valid",
            "categories": [category.pk],
            "summary": "清单",
        },
        content_type="application/json",
    )
    assert created.status_code == 201, created.json()
    pk = created.json()["pk"]
    assert client.post(f"/api/office/catalog/items/{pk}/actions/submit/").status_code == 200
    refused = client.post(f"/api/office/catalog/items/{pk}/actions/approve/")
    assert refused.status_code == 403  # the author may not review
    client.force_login(catalog_reviewer_a)
    assert client.post(f"/api/office/catalog/items/{pk}/actions/approve/").status_code == 200
    client.force_login(clerk_a)
    done = client.post(f"/api/office/catalog/items/{pk}/actions/publish/")
    assert done.json()["status"] == ItemStatus.PUBLISHED


def test_staff_api_errors_are_json_and_change_nothing(client, clerk_a, dept_a):
    client.force_login(clerk_a)
    response = client.post(
        "/api/office/catalog/items/",
        {
            "agency": dept_a.code,
            "title": "",
            "created_on": "2026-03-02",
            "disclosure": "active",
            "validity": "valid",
        },
        content_type="application/json",
    )
    assert response.status_code == 400 and response.json()["code"] == "invalid"
    assert not Item.objects.exists()


def test_invalid_transition_is_a_json_error(client, clerk_a, item):
    client.force_login(clerk_a)
    response = client.post(f"/api/office/catalog/items/{item.pk}/actions/submit/")
    assert response.status_code == 409 and response.json()["code"] == "invalid_transition"


def test_staff_of_another_agency_cannot_create_there(client, clerk_b, dept_a):
    client.force_login(clerk_b)
    response = client.post(
        "/api/office/catalog/items/",
        {"agency": dept_a.code, "title": "x"},
        content_type="application/json",
    )
    assert response.status_code == 403


def test_patch_updates_a_draft(client, clerk_a, dept_a):
    pending = draft(clerk_a, dept_a)
    client.force_login(clerk_a)
    response = client.patch(
        f"/api/office/catalog/items/{pending.pk}/",
        {"title": "新标题"},
        content_type="application/json",
    )
    assert response.status_code == 200 and response.json()["title"] == "新标题"


def test_openapi_lists_the_catalogue_endpoints(client, clerk_a):
    client.force_login(clerk_a)
    paths = client.get("/api/openapi.json").json()["paths"]
    assert (
        "/api/catalog/search/" in paths
        and "/api/office/catalog/items/{id}/actions/{action}/" in paths
    )


def test_staff_list_read_and_attach_answer_in_the_declared_shapes(client, clerk_a, dept_a):
    """The staff reads and the upload answer what /api/openapi.json says (the contract check
    validates each response)."""
    pending = draft(clerk_a, dept_a)
    client.force_login(clerk_a)
    attached = client.post(
        f"/api/office/catalog/items/{pending.pk}/attachments/",
        {"file": png("图解.png"), "title": "图解"},
    )
    assert attached.status_code == 201 and attached.json()["title"] == "图解"
    listing = client.get("/api/office/catalog/items/", {"status": "draft"})
    assert [row["pk"] for row in listing.json()] == [pending.pk]
    detail = client.get(f"/api/office/catalog/items/{pending.pk}/").json()
    assert detail["status"] == "draft" and detail["attachments"][0]["title"] == "图解"


def test_a_year_or_a_category_beyond_any_is_bad_input(client, db):
    """Found by `make fuzz`: the database could not compare such numbers (OverflowError)."""
    response = client.get("/api/catalog/items/", {"year": "1519277"})
    assert response.status_code == 400 and response.json()["field"] == "year"
    response = client.get("/api/catalog/items/", {"category": "9" * 30})
    assert response.status_code == 400 and response.json()["field"] == "category"
