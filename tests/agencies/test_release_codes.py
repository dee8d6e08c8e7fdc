"""个体工商户 codes an agency may publish: the release check lets a listed code pass and refuses
any other; the list is kept by the agency's administrators and reviewers, audited."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from gongkai.agencies.release_codes import allowed_code_add, allowed_code_remove
from gongkai.core import release
from gongkai.core.errors import DomainError
from gongkai.core.identifiers import credit_code_check_char
from gongkai.core.models import AuditEvent, ReleaseAllowedCode

pytestmark = pytest.mark.django_db


def person_business_code(serial: str = "110105MA0000001") -> str:
    first17 = "92" + serial
    return first17 + credit_code_check_char(first17)


def _release_with(dept, *codes):
    finding = {
        "kind": "person_business_code",
        "where": "第1页",
        "message": "含有个体工商户统一社会信用代码",
        "values": list(codes),
    }
    return release.Release(dept, "key", "许可决定.pdf", [finding])


def test_a_listed_code_passes_and_any_other_still_refuses(dept_a, admin_a):
    listed, other = person_business_code(), person_business_code("110105MA0000002")
    [before] = release.pending([_release_with(dept_a, listed)], agency=dept_a)
    assert before.blocking
    allowed_code_add(actor=admin_a, agency=dept_a, code=listed, note="行政许可决定依法公示")
    [after] = release.pending([_release_with(dept_a, listed)], agency=dept_a)
    assert not after.blocking and after.notices  # still shown, to be looked at
    [mixed] = release.pending([_release_with(dept_a, listed, other)], agency=dept_a)
    assert mixed.blocking


def test_the_code_is_checked_and_the_basis_required(dept_a, admin_a):
    with pytest.raises(DomainError) as bad:
        allowed_code_add(actor=admin_a, agency=dept_a, code="92110105MA00000019", note="x")
    assert bad.value.code == "credit_code"
    enterprise = "91" + "110105MA0000001"
    enterprise += credit_code_check_char(enterprise)
    with pytest.raises(DomainError) as not_person:
        allowed_code_add(actor=admin_a, agency=dept_a, code=enterprise, note="x")
    assert not_person.value.code == "not_person_business"
    with pytest.raises(DomainError) as no_basis:
        allowed_code_add(actor=admin_a, agency=dept_a, code=person_business_code(), note=" ")
    assert no_basis.value.code == "note_required"
    assert not ReleaseAllowedCode.objects.exists()


def test_only_the_agencys_administrators_and_reviewers_keep_the_list(
    dept_a, admin_a, clerk_a, clerk_b
):
    with pytest.raises(PermissionDenied):
        allowed_code_add(actor=clerk_a, agency=dept_a, code=person_business_code(), note="公示")
    allowed = allowed_code_add(
        actor=admin_a, agency=dept_a, code=person_business_code(), note="公示"
    )
    with pytest.raises(PermissionDenied):
        allowed_code_remove(actor=clerk_b, allowed=allowed)
    allowed_code_remove(actor=admin_a, allowed=allowed)
    actions = set(AuditEvent.objects.filter(agency=dept_a).values_list("action", flat=True))
    assert {"release.allow_code", "release.disallow_code"} <= actions


def test_the_page_lists_adds_and_refuses_with_a_message(client, dept_a, admin_a, clerk_a):
    url = reverse("release:allowed_codes", args=[dept_a.pk])
    client.force_login(admin_a)
    refused = client.post(url, {"code": "123", "note": "公示"})
    assert refused.status_code == 400 and "统一社会信用代码应为18位" in refused.content.decode()
    code = person_business_code()
    assert client.post(url, {"code": code, "note": "行政许可公示"}).status_code == 302
    assert code in client.get(url).content.decode()
    client.force_login(clerk_a)
    page = client.get(url)
    assert page.status_code == 200 and code in page.content.decode()
    assert "加入列表" not in page.content.decode()
    assert client.post(url, {"code": code, "note": "x"}).status_code == 403


def test_another_agencys_list_is_not_found(client, dept_b, admin_a):
    client.force_login(admin_a)
    assert client.get(reverse("release:allowed_codes", args=[dept_b.pk])).status_code == 404
