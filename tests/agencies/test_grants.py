"""Least privilege in granting roles (issue 16, point 3): nobody grants or revokes a role of their
own; 督导 (a subtree role) comes only from above — the platform administrator or an administrator
of an ancestor agency — never from the agency's own administrator; every grant and revocation is
audited and listed on the agency's members page; one person may be clerk and reviewer, but
never reviews their own item or reply."""

import re

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from rest_framework.test import APIClient

from gongkai.agencies.models import Membership
from gongkai.agencies.permissions import can
from gongkai.agencies.roles import Capability
from gongkai.agencies.services import membership_grant, membership_revoke
from gongkai.core.models import AuditEvent
from tests.accounts.factories import UserFactory
from tests.agencies.factories import MembershipFactory


@pytest.fixture
def city_admin(city):
    return MembershipFactory(agency=city, role="admin").user


@pytest.fixture
def platform_admin(db):
    return UserFactory(is_superuser=True, is_staff=True)


def _grants():
    return AuditEvent.objects.filter(action__startswith="membership.").count()


def _history(page: str) -> list[tuple[str, ...]]:
    """The members page's 授予与撤销记录, newest first: (操作人, 操作, 用户, 岗位, 机关) per row."""
    table = page[page.index('id="history"') :]
    table = table[table.index("<tbody>") : table.index("</tbody>")]
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)
    return [tuple(re.findall(r"<td>(.*?)</td>", row, re.S)[1:]) for row in rows]


def _members_page(client, user, agency, data=None):
    client.force_login(user)
    url = reverse("office:agency_members", kwargs={"pk": agency.pk})
    return client.post(url, data) if data is not None else client.get(url)


# Nobody grants or revokes their own role ----------------------------------------------------


@pytest.mark.parametrize("role", ["supervisor", "reviewer", "clerk", "head"])
def test_an_administrator_cannot_grant_himself_a_role(admin_a, dept_a, role):
    before = _grants()
    with pytest.raises(PermissionDenied) as info:
        membership_grant(actor=admin_a, agency=dept_a, user=admin_a, role=role)
    assert str(info.value) == "不能给自己授予岗位，请由其他管理员办理。"
    assert not Membership.objects.filter(user=admin_a, role=role).exists()
    assert _grants() == before


def test_the_platform_administrator_cannot_grant_himself_a_role_either(platform_admin, dept_a):
    with pytest.raises(PermissionDenied):
        membership_grant(actor=platform_admin, agency=dept_a, user=platform_admin, role="clerk")


def test_an_administrator_cannot_revoke_his_own_other_roles(admin_a, dept_a, city_admin):
    reviewer = membership_grant(actor=city_admin, agency=dept_a, user=admin_a, role="supervisor")
    with pytest.raises(PermissionDenied) as info:
        membership_revoke(actor=admin_a, membership=reviewer)
    assert str(info.value) == "不能撤销自己的岗位，请由其他管理员办理。"
    assert Membership.objects.filter(pk=reviewer.pk).exists()


def test_self_grant_on_the_members_page_is_a_form_error_and_grants_nothing(client, admin_a, dept_a):
    before = _grants()
    response = _members_page(
        client, admin_a, dept_a, {"user": admin_a.username, "role": "reviewer"}
    )
    assert response.status_code == 200
    assert "不能给自己授予岗位，请由其他管理员办理。" in response.content.decode()
    assert not Membership.objects.filter(user=admin_a, role="reviewer").exists()
    assert _grants() == before


def test_self_revoke_on_the_members_page_is_refused_in_words(client, admin_a, dept_a):
    own = Membership.objects.get(user=admin_a, agency=dept_a, role="admin")
    client.force_login(admin_a)
    response = client.post(reverse("office:membership_revoke", kwargs={"pk": own.pk}), follow=True)
    assert "不能撤销自己的岗位" in response.content.decode()
    assert Membership.objects.filter(pk=own.pk).exists()


def test_the_django_admin_refuses_a_self_grant_as_a_form_error(client, platform_admin, dept_a):
    client.force_login(platform_admin)
    response = client.post(
        reverse("admin:agencies_membership_add"),
        {"user": platform_admin.pk, "agency": dept_a.pk, "role": "clerk"},
    )
    assert response.status_code == 200
    assert "不能给自己授予岗位" in response.content.decode()
    assert not Membership.objects.filter(user=platform_admin).exists()


def test_the_django_admin_offers_no_deletion_of_ones_own_role(
    client, platform_admin, dept_a, city_admin
):
    own = membership_grant(actor=city_admin, agency=dept_a, user=platform_admin, role="supervisor")
    client.force_login(platform_admin)
    url = reverse("admin:agencies_membership_delete", args=[own.pk])
    client.post(url, {"post": "yes"})
    assert Membership.objects.filter(pk=own.pk).exists()


# 督导 comes from above ---------------------------------------------------------------------


def test_a_department_administrator_cannot_make_anyone_supervisor_of_his_department(
    admin_a, dept_a, public_user
):
    with pytest.raises(PermissionDenied) as info:
        membership_grant(actor=admin_a, agency=dept_a, user=public_user, role="supervisor")
    assert "只能由上级机关的管理员或平台管理员授予" in str(info.value)
    assert not Membership.objects.filter(user=public_user).exists()


def test_on_the_page_a_department_administrator_is_not_offered_supervisor_and_is_refused_it(
    client, admin_a, dept_a, public_user
):
    page = _members_page(client, admin_a, dept_a).content.decode()
    assert 'value="supervisor"' not in page
    response = _members_page(
        client, admin_a, dept_a, {"user": public_user.username, "role": "supervisor"}
    )
    assert "督导岗位可查看本机关及全部下级机关，只能由上级机关的管理员或平台管理员授予。" in (
        response.content.decode()
    )
    assert not Membership.objects.filter(user=public_user).exists()


def test_an_administrator_cannot_make_anyone_supervisor_of_his_own_agency(
    city_admin, city, public_user
):
    with pytest.raises(PermissionDenied):
        membership_grant(actor=city_admin, agency=city, user=public_user, role="supervisor")


def test_an_ancestor_administrator_grants_supervisor_below_and_it_is_audited(
    city_admin, dept_a, county_dept, public_user
):
    granted = membership_grant(
        actor=city_admin, agency=county_dept, user=public_user, role="supervisor"
    )
    assert granted.granted_by == city_admin
    assert can(public_user, Capability.VIEW, county_dept)
    row = AuditEvent.objects.get(action="membership.grant", object_id=str(granted.pk))
    assert row.actor == city_admin and row.agency == county_dept
    assert row.changes == {"user": [None, public_user.username], "role": [None, "supervisor"]}


def test_an_ancestor_administrator_grants_only_subtree_roles_below(city_admin, dept_a, public_user):
    with pytest.raises(PermissionDenied) as info:
        membership_grant(actor=city_admin, agency=dept_a, user=public_user, role="clerk")
    assert str(info.value) == "只有本机关的管理员可以授予岗位。"


def test_a_sibling_administrator_does_not_learn_of_the_agency(admin_b, dept_a, public_user):
    with pytest.raises(Http404):
        membership_grant(actor=admin_b, agency=dept_a, user=public_user, role="supervisor")


def test_the_platform_administrator_grants_supervisor_anywhere(platform_admin, city, public_user):
    membership_grant(actor=platform_admin, agency=city, user=public_user, role="supervisor")
    assert Membership.objects.filter(user=public_user, agency=city, role="supervisor").exists()


def test_the_supervised_agencys_administrator_cannot_revoke_its_supervisor(
    city_admin, admin_a, dept_a, public_user
):
    granted = membership_grant(actor=city_admin, agency=dept_a, user=public_user, role="supervisor")
    with pytest.raises(PermissionDenied) as info:
        membership_revoke(actor=admin_a, membership=granted)
    assert "只能由上级机关的管理员或平台管理员撤销" in str(info.value)
    membership_revoke(actor=city_admin, membership=granted)
    assert not Membership.objects.filter(pk=granted.pk).exists()


# The members page ---------------------------------------------------------------------------


def test_an_ancestor_administrator_grants_supervisor_below_from_his_members_page(
    client, city_admin, city, dept_a, public_user
):
    page = _members_page(client, city_admin, city).content.decode()
    assert "授予岗位的机关" in page and dept_a.name in page
    response = _members_page(
        client,
        city_admin,
        city,
        {"user": public_user.username, "role": "supervisor", "agency": dept_a.pk},
    )
    assert response.status_code == 302
    assert Membership.objects.filter(user=public_user, agency=dept_a, role="supervisor").exists()
    page = _members_page(client, city_admin, city).content.decode()
    assert "下级机关的督导岗位" in page and public_user.username in page


def test_the_members_page_lists_who_granted_and_revoked_what_to_whom_and_when(
    client, city_admin, admin_a, clerk_a, dept_a, public_user
):
    supervisor = membership_grant(
        actor=city_admin, agency=dept_a, user=public_user, role="supervisor"
    )
    reviewer = membership_grant(actor=admin_a, agency=dept_a, user=public_user, role="reviewer")
    membership_revoke(actor=admin_a, membership=reviewer)
    page = _members_page(client, clerk_a, dept_a).content.decode()
    user, agency = public_user.username, dept_a.name
    assert _history(page)[:3] == [
        (admin_a.username, "撤销", user, "审核人", agency),
        (admin_a.username, "授予", user, "审核人", agency),
        (city_admin.username, "授予", user, "督导", agency),
    ]
    # Its own administrator sees the supervisor but may not revoke it; the reviewer's is gone.
    page = _members_page(client, admin_a, dept_a).content.decode()
    assert f"撤销 {public_user.username} 的督导岗位" not in page
    assert f"撤销 {clerk_a.username} 的信息公开工作人员岗位" in page
    assert Membership.objects.filter(pk=supervisor.pk).exists()


def test_an_ancestor_administrator_revokes_a_supervisor_below_and_returns_to_his_page(
    client, city_admin, city, dept_a, public_user
):
    granted = membership_grant(actor=city_admin, agency=dept_a, user=public_user, role="supervisor")
    client.force_login(city_admin)
    response = client.post(reverse("office:membership_revoke", kwargs={"pk": granted.pk}))
    assert response.url == reverse("office:agency_members", kwargs={"pk": city.pk})
    assert not Membership.objects.filter(pk=granted.pk).exists()
    page = client.get(response.url).content.decode()
    assert _history(page)[:2] == [
        (city_admin.username, "撤销", public_user.username, "督导", dept_a.name),
        (city_admin.username, "授予", public_user.username, "督导", dept_a.name),
    ]


def test_the_supervised_agencys_administrator_is_refused_revoking_its_supervisor_on_the_page(
    client, city_admin, admin_a, dept_a, public_user
):
    granted = membership_grant(actor=city_admin, agency=dept_a, user=public_user, role="supervisor")
    client.force_login(admin_a)
    response = client.post(
        reverse("office:membership_revoke", kwargs={"pk": granted.pk}), follow=True
    )
    assert "只能由上级机关的管理员或平台管理员撤销" in response.content.decode()
    assert Membership.objects.filter(pk=granted.pk).exists()


def test_a_clerk_cannot_revoke_anything(client, clerk_a, admin_a, dept_a):
    target = Membership.objects.get(user=admin_a, agency=dept_a)
    client.force_login(clerk_a)
    response = client.post(reverse("office:membership_revoke", kwargs={"pk": target.pk}))
    assert response.status_code == 403
    assert Membership.objects.filter(pk=target.pk).exists()


def test_a_stranger_gets_not_found_for_another_agencys_membership(client, admin_b, clerk_a):
    target = Membership.objects.get(user=clerk_a)
    client.force_login(admin_b)
    response = client.post(reverse("office:membership_revoke", kwargs={"pk": target.pk}))
    assert response.status_code == 404


# Clerk and reviewer in one person: allowed, never on the same item ---------------------------


def test_granting_clerk_and_reviewer_to_one_person_is_allowed_with_the_four_eyes_rule_said(
    client, admin_a, dept_a, clerk_a
):
    response = _members_page(
        client, admin_a, dept_a, {"user": clerk_a.username, "role": "reviewer"}
    )
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "起草人不能审核自己起草的条目或答复" in page


def test_clerk_and_reviewer_in_one_person_cannot_release_their_own_catalogue_item(
    admin_a, dept_a, clerk_a, catalog_reviewer_a
):
    from gongkai.catalog import services as catalog
    from tests.catalog.fixtures import draft

    membership_grant(actor=admin_a, agency=dept_a, user=clerk_a, role="reviewer")
    item = draft(clerk_a, dept_a)
    catalog.item_submit(actor=clerk_a, item=item)
    with pytest.raises(PermissionDenied):
        catalog.item_approve(actor=clerk_a, item=item)
    api = APIClient()
    api.force_authenticate(clerk_a)
    response = api.post(f"/api/office/catalog/items/{item.pk}/actions/approve/", {}, format="json")
    assert response.status_code == 403
    item.refresh_from_db()
    assert item.status == "submitted"
    catalog.item_approve(actor=catalog_reviewer_a, item=item)  # another reviewer may
    item.refresh_from_db()
    assert item.status == "approved"


def test_clerk_and_reviewer_in_one_person_cannot_approve_their_own_reply(
    admin_a, dept_a, clerk_a, in_progress, reviewer_a
):
    from gongkai.applications import services as applications

    membership_grant(actor=admin_a, agency=dept_a, user=clerk_a, role="reviewer")
    drafted = applications.application_draft_decision(
        actor=clerk_a, application=in_progress, outcome="granted", legal_basis="第三十六条"
    )
    api = APIClient()
    api.force_authenticate(clerk_a)
    response = api.post(
        f"/api/office/applications/{drafted.number}/actions/approve_decision/",
        {"note": ""},
        format="json",
    )
    assert response.status_code == 403
    drafted.refresh_from_db()
    assert drafted.status == "decision_drafted" and drafted.approved_by is None
    approved = applications.application_approve_decision(actor=reviewer_a, application=drafted)
    assert approved.approved_by == reviewer_a
