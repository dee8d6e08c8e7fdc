"""The applicant profile: a person or an organisation, validated, and masked when shown."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from gongkai.accounts.models import ApplicantProfile, ApplicantType
from gongkai.accounts.services import applicant_profile_save
from tests.accounts.factories import UserFactory

ID = "11010519491231002X"
USCC = "91350100M000100Y43"
PERSON = {
    "kind": "person",
    "person_name": "张三",
    "id_type": "resident_id",
    "id_number": ID,
    "contact_phone": "13800000001",
    "address": "河南省商丘市民主路1号",
}
COMPANY = {
    "kind": "organisation",
    "org_name": "商丘示例科技有限公司",
    "credit_code": USCC,
    "org_type": "commercial",
    "contact_phone": "0370-3000000",
    "address": "河南省商丘市创业路8号",
}


def test_person_profile_counts_as_natural_person(db):
    profile = applicant_profile_save(user=UserFactory(), **PERSON)
    assert profile.applicant_type == ApplicantType.NATURAL_PERSON
    assert profile.masked_identifier == "110***********002X"


def test_organisation_profile_counts_by_its_type(db):
    profile = applicant_profile_save(user=UserFactory(), **{**COMPANY, "org_type": "research"})
    assert profile.applicant_type == ApplicantType.RESEARCH


def test_invalid_id_number_is_refused_with_reason(db):
    user = UserFactory()
    with pytest.raises(ValidationError) as info:
        applicant_profile_save(user=user, **{**PERSON, "id_number": "110105194912310021"})
    assert "校验码错误" in str(info.value.message_dict["id_number"])
    assert not ApplicantProfile.objects.filter(user=user).exists()


def test_invalid_credit_code_is_refused(db):
    with pytest.raises(ValidationError) as info:
        applicant_profile_save(user=UserFactory(), **{**COMPANY, "credit_code": USCC[:-1] + "4"})
    assert "credit_code" in info.value.message_dict


def test_switching_kind_clears_the_other_identity(db):
    user = UserFactory()
    applicant_profile_save(user=user, **PERSON)
    profile = applicant_profile_save(user=user, **COMPANY)
    assert (profile.person_name, profile.id_number) == ("", "")


def test_database_refuses_a_person_without_id(db):
    user = UserFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ApplicantProfile.objects.create(
            user=user, kind="person", person_name="张三", contact_phone="1", address="x"
        )


def test_audit_row_hides_identity_numbers(db):
    from gongkai.core.models import AuditEvent

    profile = applicant_profile_save(user=UserFactory(), **PERSON)
    event = AuditEvent.objects.for_object(profile).get()
    assert ID not in str(event.changes)


def test_profile_page_shows_masked_number_only(client, db):
    user = UserFactory()
    applicant_profile_save(user=user, **PERSON)
    client.force_login(user)
    page = client.get("/accounts/profile/").content.decode()
    assert "110***********002X" in page
    assert ID not in page
    edit = client.get("/accounts/profile/?edit=1").content.decode()
    assert ID not in edit


def test_editing_without_retyping_the_number_keeps_it(client, db):
    user = UserFactory()
    applicant_profile_save(user=user, **PERSON)
    client.force_login(user)
    data = {**PERSON, "id_number": "", "address": "新地址"}
    assert client.post("/accounts/profile/", data).status_code == 302
    profile = ApplicantProfile.objects.get(user=user)
    assert (profile.address, profile.id_number) == ("新地址", ID)


def test_profile_form_errors_are_in_chinese(client, db):
    client.force_login(UserFactory())
    page = client.post("/accounts/profile/", {**PERSON, "id_number": "123"}).content.decode()
    assert "居民身份证号码应为18位" in page
    assert not ApplicantProfile.objects.exists()
