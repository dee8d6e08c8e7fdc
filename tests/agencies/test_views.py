"""The back office as its users see it."""

from django.urls import reverse

from gongkai.agencies.models import Membership
from gongkai.core.models import AuditEvent


def test_workbench_lists_roles_and_visible_agencies(client, clerk_a, dept_a):
    client.force_login(clerk_a)
    page = client.get(reverse("office:home")).content.decode()
    assert dept_a.name in page
    assert "信息公开工作人员" in page


def test_admin_edits_office_facts_and_the_change_is_in_history(client, admin_a, dept_a):
    client.force_login(admin_a)
    response = client.post(
        reverse("office:agency_edit", kwargs={"pk": dept_a.pk}),
        {"office_name": "甲局办公室", "office_phone": "0370-1111111", "office_email": ""},
    )
    assert response.status_code == 302
    dept_a.refresh_from_db()
    assert dept_a.office_name == "甲局办公室"
    history = client.get(
        reverse("office:history", kwargs={"model": "agencies.agency", "object_id": dept_a.pk})
    ).content.decode()
    assert "甲局办公室" in history
    assert admin_a.username in history


def test_bad_postcode_gives_a_chinese_error_and_saves_nothing(client, admin_a, dept_a):
    client.force_login(admin_a)
    response = client.post(
        reverse("office:agency_edit", kwargs={"pk": dept_a.pk}),
        {"office_name": "改了", "office_postcode": "47600"},
    )
    assert response.status_code == 200
    assert "邮政编码应为6位数字" in response.content.decode()
    dept_a.refresh_from_db()
    assert dept_a.office_name == ""


def test_admin_grants_role_by_phone_number(client, admin_a, dept_a, public_user):
    client.force_login(admin_a)
    response = client.post(
        reverse("office:agency_members", kwargs={"pk": dept_a.pk}),
        {"user": public_user.phone, "role": "reviewer"},
    )
    assert response.status_code == 302
    assert Membership.objects.filter(user=public_user, agency=dept_a, role="reviewer").exists()


def test_granting_to_unknown_user_is_a_clear_error(client, admin_a, dept_a):
    client.force_login(admin_a)
    count = Membership.objects.count()
    response = client.post(
        reverse("office:agency_members", kwargs={"pk": dept_a.pk}),
        {"user": "nobody", "role": "clerk"},
    )
    assert "没有找到该用户" in response.content.decode()
    assert Membership.objects.count() == count


def test_revoke_removes_the_role_and_audits(client, admin_a, clerk_a, dept_a):
    client.force_login(admin_a)
    membership = Membership.objects.get(user=clerk_a, agency=dept_a)
    client.post(reverse("office:membership_revoke", kwargs={"pk": membership.pk}))
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert AuditEvent.objects.filter(action="membership.revoke", agency=dept_a).exists()
