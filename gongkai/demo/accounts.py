"""Demo accounts: one staff account per role, a platform administrator, two public users."""

from django.utils import timezone

from gongkai.accounts.models import User
from gongkai.accounts.services import applicant_profile_save
from gongkai.agencies.models import Agency, Membership
from gongkai.agencies.services import membership_grant

from .data.accounts import (
    CATALOG_IMPORTER,
    CATALOG_REVIEWER,
    COMPANY_PROFILE,
    DEMO_PASSWORD,
    DEMO_STAFF,
    PERSON_PROFILE,
    PUBLIC_COMPANY,
    PUBLIC_PERSON,
    SYSADMIN,
)


def _user(username: str, phone: str, *, first_name: str = "", superuser: bool = False) -> User:
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User(
            username=username,
            phone=phone,
            phone_verified_at=timezone.now(),
            first_name=first_name,
            is_superuser=superuser,
            is_staff=superuser,
        )
        user.set_password(DEMO_PASSWORD)
        user.save()
    return user


def load_staff_users(agencies: dict[str, Agency]) -> list[User]:
    users = [_user(SYSADMIN[0], SYSADMIN[1], superuser=True)]
    for username, phone, name, code, role, _description in DEMO_STAFF:
        user = _user(username, phone, first_name=name)
        if not Membership.objects.filter(user=user, agency=agencies[code], role=role).exists():
            membership_grant(actor=None, agency=agencies[code], user=user, role=role)
        users.append(user)
    return users


def load_public_users() -> list[User]:
    person = _user(PUBLIC_PERSON[0], PUBLIC_PERSON[1])
    if not hasattr(person, "applicant_profile"):
        applicant_profile_save(user=person, **PERSON_PROFILE)
    company = _user(PUBLIC_COMPANY[0], PUBLIC_COMPANY[1])
    if not hasattr(company, "applicant_profile"):
        applicant_profile_save(user=company, **COMPANY_PROFILE)
    return [person, company]


def staff_roles() -> dict:
    """{(agency code, role): user} for the demo staff, for loaders that act as them."""
    return {
        (code, role.value): User.objects.get(username=username)
        for username, _phone, _name, code, role, _description in DEMO_STAFF
    }


def catalog_migration_staff(agencies: list[Agency]) -> tuple[User, User]:
    """(importer, reviewer) of the demo catalogue: the administrator who imports each agency's
    old catalogue as a history migration and the reviewer who approves it. No password."""
    people = []
    for (username, name), role in ((CATALOG_IMPORTER, "admin"), (CATALOG_REVIEWER, "reviewer")):
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username, first_name=name)
            user.set_unusable_password()
            user.save()
        for agency in agencies:
            if not Membership.objects.filter(user=user, agency=agency, role=role).exists():
                membership_grant(actor=None, agency=agency, user=user, role=role)
        people.append(user)
    return people[0], people[1]
