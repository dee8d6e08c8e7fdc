"""Creating and revoking API tokens: by the agency's administrator only, a subtree only read and
only by someone who already sees it, the secret shown once and only its digest kept, every step
audited; and `gongkai token create|list|revoke`, which does the same from the command line."""

import datetime as dt
import hashlib
from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from django.http import Http404

from gongkai.agencies.services import membership_grant
from gongkai.apitokens.models import ApiToken
from gongkai.apitokens.permissions import token_scope
from gongkai.apitokens.services import token_create, token_revoke
from gongkai.core.errors import DomainError, InvalidTransition
from gongkai.core.models import AuditEvent
from tests.accounts.factories import PASSWORD
from tests.agencies.factories import MembershipFactory
from tests.apitokens.fixtures import make_token

pytestmark = pytest.mark.django_db


def test_the_secret_is_returned_once_and_only_its_digest_is_stored(admin_a, dept_a):
    token, secret = make_token(admin_a, dept_a, "read", name="市政府OA系统")
    assert secret.startswith("gk_") and len(secret) >= 40
    assert token.prefix == secret[:11]
    assert token.digest == hashlib.sha256(secret.encode()).hexdigest()
    stored = ApiToken.objects.filter(pk=token.pk).values().get()
    assert secret not in {str(value) for value in stored.values()}


def test_each_token_acts_as_its_own_principal_that_cannot_log_in(client, admin_a, dept_a):
    token, secret = make_token(admin_a, dept_a, "write", name="市政府OA系统")
    principal = token.principal
    assert principal.username == f"api-{token.prefix}"
    assert principal.first_name == "市政府OA系统"
    assert not principal.has_usable_password()
    assert not principal.memberships.exists()
    for password in (secret, PASSWORD, ""):
        page = client.post(
            "/accounts/login/", {"username": principal.username, "password": password}
        )
        assert page.status_code == 200 and "_auth_user_id" not in client.session


def test_a_tokens_principal_cannot_be_granted_a_role(admin_a, dept_a):
    token, _secret = make_token(admin_a, dept_a)
    with pytest.raises(DomainError) as refused:
        membership_grant(actor=admin_a, agency=dept_a, user=token.principal, role="reviewer")
    assert refused.value.code == "token_principal"


def test_creation_and_revocation_are_audited_with_the_administrator_as_actor(admin_a, dept_a):
    token, _secret = make_token(admin_a, dept_a, "write", name="市政府OA系统")
    token_revoke(actor=admin_a, token=token, reason="OA系统停用")
    rows = list(AuditEvent.objects.for_object(token).order_by("id"))
    assert [(r.action, r.actor, r.agency) for r in rows] == [
        ("apitoken.create", admin_a, dept_a),
        ("apitoken.revoke", admin_a, dept_a),
    ]
    assert rows[0].changes["access"] == [None, "write"]
    assert rows[0].changes["prefix"] == [None, token.prefix]
    assert rows[1].note == "OA系统停用"


def test_only_an_administrator_of_the_agency_may_create_a_token(dept_a, clerk_a, admin_b):
    with pytest.raises(Http404):  # tokens are not even visible to a clerk
        make_token(clerk_a, dept_a)
    with pytest.raises(Http404):
        make_token(admin_b, dept_a)
    assert not ApiToken.objects.exists()


def test_only_an_administrator_of_the_agency_may_revoke_it(admin_a, admin_b, dept_a):
    token, _secret = make_token(admin_a, dept_a)
    with pytest.raises(Http404):
        token_revoke(actor=admin_b, token=token)
    token.refresh_from_db()
    assert token.revoked_at is None


def test_any_administrator_of_the_agency_may_revoke_it_and_only_once(admin_a, dept_a):
    token, _secret = make_token(admin_a, dept_a)
    other_admin = MembershipFactory(agency=dept_a, role="admin").user
    token = token_revoke(actor=other_admin, token=token)
    assert token.revoked_by == other_admin and not token.principal.is_active
    with pytest.raises(InvalidTransition):
        token_revoke(actor=admin_a, token=token)


def test_a_subtree_token_is_read_only(city, dept_a):
    city_admin = MembershipFactory(agency=city, role="admin").user
    MembershipFactory(agency=city, role="supervisor", user=city_admin)
    with pytest.raises(DomainError) as refused:
        make_token(city_admin, city, "write", subtree=True)
    assert refused.value.code == "token_subtree_read_only"
    token, _secret = make_token(city_admin, city, "read", subtree=True)
    assert token_scope(token) == {"view": frozenset({city.pk, dept_a.pk})}


def test_a_subtree_token_needs_a_creator_who_sees_the_whole_subtree(city, dept_a):
    """An administrator of the city who is not also its 督导 cannot see the departments' data,
    so cannot hand it to a token either."""
    city_admin = MembershipFactory(agency=city, role="admin").user
    with pytest.raises(PermissionDenied):
        make_token(city_admin, city, "read", subtree=True)
    token, _secret = make_token(city_admin, city, "read")
    assert token_scope(token) == {"view": frozenset({city.pk})}


def test_a_write_token_does_the_casework_of_a_clerk_and_nothing_more(admin_a, dept_a):
    token, _secret = make_token(admin_a, dept_a, "write")
    assert token_scope(token) == {
        "view": frozenset({dept_a.pk}),
        "handle": frozenset({dept_a.pk}),
        "assign": frozenset({dept_a.pk}),
    }


def test_a_token_of_an_agency_no_longer_in_use_may_do_nothing(admin_a, dept_a):
    token, _secret = make_token(admin_a, dept_a, "write")
    dept_a.is_active = False
    dept_a.save()
    token.refresh_from_db()
    assert token_scope(token) == {}


def test_bad_input_is_refused_with_a_reason(admin_a, dept_a):
    with pytest.raises(ValidationError) as blank:
        token_create(actor=admin_a, agency=dept_a, name="  ", access="read")
    assert "name" in blank.value.message_dict
    with pytest.raises(ValidationError) as access:
        token_create(actor=admin_a, agency=dept_a, name="看板", access="admin")
    assert "access" in access.value.message_dict
    with pytest.raises(ValidationError) as past:
        token_create(
            actor=admin_a, agency=dept_a, name="看板", access="read", expires_on=dt.date(2000, 1, 1)
        )
    assert "expires_on" in past.value.message_dict


def test_two_tokens_in_use_cannot_share_a_name_but_a_revoked_ones_name_is_free(admin_a, dept_a):
    token, _secret = make_token(admin_a, dept_a, name="数据平台")
    with pytest.raises(DomainError) as taken:
        make_token(admin_a, dept_a, name="数据平台")
    assert taken.value.code == "token_name_taken"
    token_revoke(actor=admin_a, token=token)
    assert make_token(admin_a, dept_a, name="数据平台")[0].pk != token.pk


# The command line -------------------------------------------------------------------------------


def _run(*args) -> str:
    out = StringIO()
    call_command("token", *args, stdout=out)
    return out.getvalue()


def test_the_command_creates_a_token_and_prints_it_once(admin_a, dept_a):
    secret = _run(
        "create", "--agency", dept_a.code, "--user", admin_a.username, "--name", "OA",
        "--access", "write", "--expires", "2099-12-31", "--quiet",
    ).strip()  # fmt: skip
    token = ApiToken.objects.get()
    assert token.digest == hashlib.sha256(secret.encode()).hexdigest()
    assert (token.access, token.expires_on, token.created_by) == (
        "write",
        dt.date(2099, 12, 31),
        admin_a,
    )
    listing = _run("list", "--agency", dept_a.code)
    assert token.prefix in listing and "OA" in listing and secret not in listing


def test_the_command_revokes_by_prefix_as_a_named_administrator(admin_a, dept_a):
    token, _secret = make_token(admin_a, dept_a, name="OA")
    assert "已撤销" in _run("revoke", token.prefix, "--user", admin_a.username, "--reason", "停用")
    token.refresh_from_db()
    assert token.revoked_by == admin_a
    assert token.prefix not in _run("list")
    assert token.prefix in _run("list", "--all")


def test_the_command_refuses_a_user_who_is_not_the_agencys_administrator(clerk_a, dept_a):
    with pytest.raises(CommandError, match="不能这样做"):
        _run("create", "--agency", dept_a.code, "--user", clerk_a.username, "--name", "OA")
    with pytest.raises(CommandError, match="日期"):
        _run(
            "create", "--agency", dept_a.code, "--user", clerk_a.username, "--name", "OA",
            "--expires", "31/12/2099",
        )  # fmt: skip
    assert not ApiToken.objects.exists()
