"""Found by `make fuzz`: an action the case's state does not allow is a 409 with the workflow's
refusal, even when its service reads something only that state has (the correction's request
date, the open consultation, the fee notice's date) — never a 500; and a fee notice's count of
pieces or pages is bounded, so that the fee is quoted at once."""

import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


@pytest.fixture
def office(clerk_a):
    client = APIClient()
    client.force_authenticate(clerk_a)
    return client


def _post(client, case, action, data):
    url = f"/api/office/applications/{case.number}/actions/{action}/"
    return client.post(url, data, format="json")


@pytest.mark.parametrize(
    ("action", "data"),
    [
        ("submit_correction", {"text": "补正的内容"}),
        ("finish_consultation", {"answered_on": "2026-03-10", "opinion": "consent"}),
        ("record_payment", {"paid_on": "2026-03-10"}),
    ],
)
def test_an_action_of_another_state_is_a_conflict(office, in_progress, action, data):
    response = _post(office, in_progress, action, data)
    assert response.status_code == 409, response.content
    assert response.json()["code"] == "invalid_transition"
    in_progress.refresh_from_db()
    assert in_progress.status == "in_progress"


def test_a_fee_notice_of_two_billion_pages_is_refused_at_once(office, in_progress):
    response = _post(
        office,
        in_progress,
        "send_fee_notice",
        {"method": "volume", "units": 1_840_859_048, "notice_received_on": "2026-03-10"},
    )
    assert response.status_code == 400
    assert "units" in response.json()["errors"]


def test_an_object_where_a_field_takes_one_value_is_a_400(office, in_progress):
    response = _post(
        office, in_progress, "request_correction", {"instructions": {"a": 1}, "due": {"x": []}}
    )
    assert response.status_code == 400 and response.json()["code"] == "invalid"
    in_progress.refresh_from_db()
    assert in_progress.status == "in_progress"
