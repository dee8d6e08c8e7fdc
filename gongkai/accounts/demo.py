"""Demo accounts: one staff account per role, a platform administrator, two public users."""

from django.utils import timezone

from gongkai.agencies.models import Agency, Membership
from gongkai.agencies.roles import Role
from gongkai.agencies.services import membership_grant
from gongkai.core.identifiers import credit_code_check_char, resident_id_check_char

from .models import User
from .services import applicant_profile_save

DEMO_PASSWORD = "Gongkai@2026"

# (username, phone, display name, agency code, role, description)
DEMO_STAFF = [
    (
        "gxw_clerk",
        "13900000001",
        "魏红振",
        "411400-gxw",
        Role.CLERK,
        "市工信委 · 信息公开工作人员（填报人）",
    ),
    ("gxw_reviewer", "13900000002", "吕目知", "411400-gxw", Role.REVIEWER, "市工信委 · 审核人"),
    ("gxw_head", "13900000003", "王瑞", "411400-gxw", Role.HEAD, "市工信委 · 负责人"),
    ("gxw_admin", "13900000004", "", "411400-gxw", Role.ADMIN, "市工信委 · 管理员"),
    ("czj_clerk", "13900000005", "", "411400-czj", Role.CLERK, "市财政局 · 信息公开工作人员"),
    (
        "sq_supervisor",
        "13900000006",
        "",
        "411400",
        Role.SUPERVISOR,
        "市政府政务公开办 · 督导（只读，全市）",
    ),
]
PUBLIC_PERSON = ("zhangsan", "13800000001", "公众 · 自然人 张三")
PUBLIC_COMPANY = ("sq_tech", "13800000002", "公众 · 企业 商丘示例科技有限公司")
SYSADMIN = ("sysadmin", "13900000000", "平台管理员（Django 管理后台 /admin/）")

DEMO_LOGINS = [
    SYSADMIN[:3],
    *[(u, p, d) for u, p, _name, _code, _role, d in DEMO_STAFF],
    PUBLIC_PERSON,
    PUBLIC_COMPANY,
]


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
        first17 = "41140219850612301"
        applicant_profile_save(
            user=person,
            kind="person",
            person_name="张三",
            id_type="resident_id",
            id_number=first17 + resident_id_check_char(first17),
            contact_phone=PUBLIC_PERSON[1],
            address="河南省商丘市梁园区民主路1号",
            postcode="476000",
            email="zhangsan@example.com",
        )
    company = _user(PUBLIC_COMPANY[0], PUBLIC_COMPANY[1])
    if not hasattr(company, "applicant_profile"):
        first17 = "91411400MA4000001"
        applicant_profile_save(
            user=company,
            kind="organisation",
            org_name="商丘示例科技有限公司",
            credit_code=first17 + credit_code_check_char(first17),
            org_type="commercial",
            legal_representative="李四",
            contact_name="王五",
            contact_phone="0370-3000000",
            address="河南省商丘市示范区创业路8号",
            postcode="476000",
            email="office@sq-tech.example.com",
        )
    return [person, company]


def staff_roles() -> dict:
    """{(agency code, role): user} for the demo staff, for loaders that act as them."""
    return {
        (code, role.value): User.objects.get(username=username)
        for username, _phone, _name, code, role, _description in DEMO_STAFF
    }
