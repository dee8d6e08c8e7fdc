"""Irreversible steps are confirmed: an action that declares a question (`Action.confirm`) runs
only with 我已确认 ticked on the page or `"confirm": true` in the API; without it nothing
changes and the refusal names the box."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from gongkai.applications.models import Application
from gongkai.core.actions import ACTION_TABLES, CONFIRM_FIELD, discover
from tests.applications.fixtures import register


def _irreversible():
    discover()
    return [
        (table, action) for table in ACTION_TABLES.values() for action in table if action.confirm
    ]


def test_every_irreversible_action_asks_for_a_required_confirmation():
    found = _irreversible()
    names = {(table.name, action.name) for table, action in found}
    # Among them, the steps the office cannot take back.
    assert {
        ("applications.Application", "withdraw"),
        ("applications.Application", "serve"),
        ("reports.AnnualReport", "publish"),
        ("engagement.Consultation", "publish"),
    } <= names
    for _table, action in found:
        field = action.form.base_fields[CONFIRM_FIELD]
        assert field.required and str(field.help_text) == str(action.confirm)


def test_a_reversible_action_asks_nothing_more():
    discover()
    start = ACTION_TABLES["applications.Application"]["start"]
    assert not start.confirm and CONFIRM_FIELD not in start.form.base_fields


def test_the_page_refuses_an_unconfirmed_withdrawal_and_changes_nothing(client, clerk_a, dept_a):
    application = register(clerk_a, dept_a)
    client.force_login(clerk_a)
    url = reverse("applications_office:act", args=[application.pk, "withdraw"])
    page = client.post(url, {"withdraw-reason": "申请人电话撤回"})
    assert page.status_code == 400
    assert "此操作不可撤销，请先勾选“我已确认”。" in page.content.decode()
    application.refresh_from_db()
    assert application.status == "received"
    done = client.post(url, {"withdraw-reason": "申请人电话撤回", "withdraw-confirm": "on"})
    assert done.status_code == 302
    assert Application.objects.get(pk=application.pk).status == "withdrawn"


def test_the_api_refuses_without_confirm_true(clerk_a, dept_a):
    application = register(clerk_a, dept_a)
    api = APIClient()
    api.force_authenticate(clerk_a)
    url = f"/api/office/applications/{application.number}/actions/withdraw/"
    refused = api.post(url, {"reason": "x"}, format="json")
    assert refused.status_code == 400 and CONFIRM_FIELD in refused.json()["errors"]
    assert Application.objects.get(pk=application.pk).status == "received"
    done = api.post(url, {"reason": "x", "confirm": True}, format="json")
    assert done.status_code == 200 and done.json()["status"] == "withdrawn"


@pytest.mark.parametrize("value", ["", "false", False, None])
def test_a_false_confirm_is_no_confirmation(clerk_a, dept_a, value):
    application = register(clerk_a, dept_a)
    api = APIClient()
    api.force_authenticate(clerk_a)
    url = f"/api/office/applications/{application.number}/actions/withdraw/"
    assert api.post(url, {"confirm": value}, format="json").status_code == 400
    assert Application.objects.get(pk=application.pk).status == "received"
