"""Cross-agency references show only what the viewer may see: an item may point at its own
agency's items and at published items of any agency; another agency's draft, 不予公开 or
withdrawn item is "not found", revealing nothing, whatever 索引号 is guessed; and a public page
never names an item that is not public."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from gongkai.catalog import services as s
from gongkai.catalog.forms import ItemForm
from gongkai.catalog.models import Item
from gongkai.core.errors import DomainError
from gongkai.engagement import services as engagement
from gongkai.engagement.forms import DecisionForm, ResponseForm
from tests.catalog.fixtures import draft, published
from tests.catalog.test_review_rules import csv_bytes
from tests.engagement.fixtures import frozen as frozen_at
from tests.engagement.fixtures import published as published_consultation
from tests.engagement.fixtures import shanghai

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 3, 10, 2, tzinfo=dt.UTC)
INTERPRETATION = {
    "title": "《测试市节能监察办法》政策解读",
    "created_on": "2026-03-09",
    "summary": "解读节能监察办法。",
    "interpretation_form": "text",
    "disclosure": "active",
    "validity": "valid",
}


def frozen():
    return time_machine.travel(NOW, tick=False)


@pytest.fixture
def hidden(clerk_b, reviewer_b, dept_b):
    """dept_b's items the public cannot see: a draft, a 不予公开 record, a withdrawn item."""
    with frozen():
        withdrawn = published(clerk_b, reviewer_b, dept_b, title="乙局已撤回的通知")
        withdrawn = s.item_withdraw(actor=clerk_b, item=withdrawn, reason="内容有误")
        return {
            "draft": draft(clerk_b, dept_b, title="乙局尚未发布的草稿"),
            "withheld": draft(
                clerk_b,
                dept_b,
                title="乙局不予公开的报告",
                disclosure=Item.Disclosure.NOT_DISCLOSED,
                non_disclosure_reason="涉及商业秘密",
            ),
            "withdrawn": withdrawn,
        }


def _form_errors(form) -> dict:
    assert not form.is_valid()
    return form.errors


def test_the_form_answers_another_agencys_hidden_item_exactly_as_a_missing_one(hidden, dept_a):
    """The former bypass: linking an interpretation to another agency's draft by its 索引号."""
    missing = _form_errors(ItemForm(dict(INTERPRETATION, interprets="NOPE-0001"), agency=dept_a))
    for item in hidden.values():
        errors = _form_errors(
            ItemForm(dict(INTERPRETATION, interprets=item.index_number), agency=dept_a)
        )
        assert errors["interprets"] == [
            missing["interprets"][0].replace("NOPE-0001", item.index_number)
        ]
        assert item.title not in str(errors)


def test_the_api_reveals_nothing_about_another_agencys_hidden_item(client, clerk_a, hidden, dept_a):
    client.force_login(clerk_a)

    def create(number):
        body = dict(INTERPRETATION, agency=dept_a.code, interprets=number)
        with frozen():
            return client.post("/api/office/catalog/items/", body, content_type="application/json")

    missing = create("NOPE-0001")
    for item in hidden.values():
        refused = create(item.index_number)
        assert refused.status_code == missing.status_code == 400
        body = refused.json()
        assert body["code"] == missing.json()["code"]
        assert body["errors"] == {
            "interprets": [
                missing.json()["errors"]["interprets"][0].replace("NOPE-0001", item.index_number)
            ]
        }
        assert item.title not in refused.content.decode()
    assert not Item.objects.filter(agency=dept_a).exists()


def test_the_service_refuses_another_agencys_hidden_item_in_the_same_words(clerk_a, hidden, dept_a):
    for item in hidden.values():
        with frozen(), pytest.raises(DomainError) as caught:
            s.item_create(
                actor=clerk_a,
                agency=dept_a,
                title=INTERPRETATION["title"],
                created_on=dt.date(2026, 3, 9),
                interprets=item,
                interpretation_form="text",
            )
        assert caught.value.code == "reference_not_found"
        assert caught.value.message == f"没有索引号为“{item.index_number}”的条目。"


def test_a_published_item_of_another_agency_and_an_own_draft_may_be_interpreted(
    clerk_a, clerk_b, reviewer_b, dept_a, dept_b
):
    with frozen():
        policy = published(clerk_b, reviewer_b, dept_b, title="乙局已发布的办法")
        own = draft(clerk_a, dept_a, title="本局起草中的办法")
    for target in (policy, own):
        form = ItemForm(dict(INTERPRETATION, interprets=target.index_number), agency=dept_a)
        assert form.is_valid(), form.errors
        assert form.cleaned_data["interprets"] == target


def test_a_revised_item_cannot_name_another_agencys_hidden_item_as_its_replacement(
    client, clerk_a, catalog_reviewer_a, hidden, dept_a
):
    with frozen():
        item = published(clerk_a, catalog_reviewer_a, dept_a)
    client.force_login(clerk_a)
    url = f"/api/office/catalog/items/{item.pk}/actions/validity/"
    refused = client.post(
        url,
        {"validity": "revised", "replaced_by": hidden["draft"].index_number},
        content_type="application/json",
    )
    assert refused.status_code == 400 and hidden["draft"].title not in refused.content.decode()
    with pytest.raises(DomainError) as caught:
        s.item_set_validity(
            actor=clerk_a, item=item, validity="revised", replaced_by=hidden["withheld"]
        )
    assert caught.value.code == "reference_not_found"
    item.refresh_from_db()
    assert item.validity == Item.Validity.VALID and item.replaced_by is None


def test_an_import_cannot_interpret_another_agencys_hidden_item(
    clerk_a, clerk_b, reviewer_b, hidden, dept_a, dept_b
):
    from gongkai.catalog.services.importer import read_rows

    with frozen():
        policy = published(clerk_b, reviewer_b, dept_b, title="乙局已发布的办法")
    rows = [
        dict(INTERPRETATION, interprets=target.index_number, interpretation_form="文字解读")
        for target in (*hidden.values(), policy)
    ]
    with frozen(), pytest.raises(s.ImportFailed) as caught:
        s.catalog_import(
            actor=clerk_a,
            agency=dept_a,
            rows=read_rows(csv_bytes(rows), "x.csv"),
            source_name="x.csv",
        )
    assert [(e.row, e.column) for e in caught.value.errors] == [
        (1, "interprets"),
        (2, "interprets"),
        (3, "interprets"),
    ]
    assert all("找不到" in e.message for e in caught.value.errors)


def test_a_consultation_cannot_take_another_agencys_unpublished_item_as_its_decision(
    clerk_a, clerk_b, dept_a, dept_b, hidden
):
    missing = DecisionForm({"item": "NOPE-0001"}, agency=dept_a)
    assert not missing.is_valid()
    for item in hidden.values():
        form = DecisionForm({"item": item.index_number}, agency=dept_a)
        assert not form.is_valid()
        assert form.errors["item"] == [
            missing.errors["item"][0].replace("NOPE-0001", item.index_number)
        ]
    # Nor may a response to public concerns name one.
    response = ResponseForm({"item": hidden["draft"].index_number})
    assert not response.is_valid() and "item" in response.errors
    with frozen_at(shanghai(2026, 3, 1)):
        consultation = published_consultation(clerk_a, dept_a)
    with frozen_at(shanghai(2026, 4, 21)), pytest.raises(DomainError) as caught:
        engagement.consultation_link_decision(
            actor=clerk_a, consultation=consultation, item=hidden["draft"]
        )
    assert caught.value.code == "reference_not_found"


# Public pages --------------------------------------------------------------------------------


def _page(client, item) -> str:
    response = client.get(reverse("catalog:item", args=[item.agency.code, item.public_id]))
    assert response.status_code == 200
    return response.content.decode()


def test_a_public_interpretation_never_names_a_policy_that_is_not_public(
    client, clerk_a, catalog_reviewer_a, dept_a
):
    with frozen():
        policy = draft(clerk_a, dept_a, title="本局尚未发布的节能监察办法")
        reading = published(
            clerk_a,
            catalog_reviewer_a,
            dept_a,
            title="节能监察办法解读",
            interprets=policy,
            interpretation_form="text",
        )
    assert policy.title not in _page(client, reading)
    detail = client.get(f"/api/catalog/items/{reading.public_id}/").json()
    assert detail["interprets"] is None and policy.index_number not in str(detail)


def test_a_withdrawn_policy_leaves_its_interpretations_public_page(
    client, clerk_a, catalog_reviewer_a, dept_a
):
    with frozen():
        policy = published(clerk_a, catalog_reviewer_a, dept_a, title="测试市节能监察办法")
        reading = published(
            clerk_a,
            catalog_reviewer_a,
            dept_a,
            title="节能监察办法解读",
            interprets=policy,
            interpretation_form="text",
        )
    assert policy.title in _page(client, reading)
    detail = client.get(f"/api/catalog/items/{reading.public_id}/").json()
    assert detail["interprets"] == policy.index_number
    with frozen():
        s.item_withdraw(actor=clerk_a, item=policy, reason="已废止")
    assert policy.title not in _page(client, reading)
    assert client.get(f"/api/catalog/items/{reading.public_id}/").json()["interprets"] is None
    # Staff still see what their item points at.
    client.force_login(clerk_a)
    staff = client.get(f"/api/office/catalog/items/{reading.pk}/").json()
    assert staff["interprets"] == policy.index_number


def test_a_withdrawn_final_decision_leaves_the_consultations_public_page(
    client, clerk_a, catalog_reviewer_a, dept_a
):
    with frozen_at(shanghai(2026, 3, 1)):
        consultation = published_consultation(clerk_a, dept_a)
    with frozen_at(shanghai(2026, 4, 20)):
        decision = published(
            clerk_a,
            catalog_reviewer_a,
            dept_a,
            title="关于印发《测试市技术改造项目管理办法》的通知",
            created_on=dt.date(2026, 4, 15),
        )
        engagement.consultation_link_decision(
            actor=clerk_a, consultation=consultation, item=decision
        )
        assert decision.title in client.get(consultation.get_absolute_url()).content.decode()
        s.item_withdraw(actor=clerk_a, item=decision, reason="内容有误")
        page = client.get(consultation.get_absolute_url()).content.decode()
        api = client.get(f"/api/engagement/consultations/{consultation.pk}/").json()
    assert decision.title not in page and decision.index_number not in page
    assert api["final_decision"] is None
