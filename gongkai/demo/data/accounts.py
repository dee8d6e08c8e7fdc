"""The demo accounts: one staff account per role, a platform administrator, two public users.
All share one password, printed by `gongkai demo`."""

from gongkai.agencies.roles import Role
from gongkai.core.identifiers import credit_code_check_char, resident_id_check_char

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
# The two people the demo catalogue is loaded as (no password: they cannot log in). Its rows are
# a history migration, which an agency's administrator imports and a reviewer other than the
# importer approves, batch by batch, as for any agency moving its old catalogue here.
CATALOG_IMPORTER = ("catalog_migration", "目录迁移·导入（演示数据）")
CATALOG_REVIEWER = ("catalog_review", "目录迁移·保密审查（演示数据）")

DEMO_LOGINS = [
    SYSADMIN[:3],
    *[(u, p, d) for u, p, _name, _code, _role, d in DEMO_STAFF],
    PUBLIC_PERSON,
    PUBLIC_COMPANY,
]

_PERSON_ID = "41140219850612301"
_COMPANY_CODE = "91411400MA4000001"

# The applicant profiles of the two public users (applicant_profile_save's fields).
PERSON_PROFILE = dict(
    kind="person",
    person_name="张三",
    id_type="resident_id",
    id_number=_PERSON_ID + resident_id_check_char(_PERSON_ID),
    contact_phone=PUBLIC_PERSON[1],
    address="河南省商丘市梁园区民主路1号",
    postcode="476000",
    email="zhangsan@example.com",
)
COMPANY_PROFILE = dict(
    kind="organisation",
    org_name="商丘示例科技有限公司",
    credit_code=_COMPANY_CODE + credit_code_check_char(_COMPANY_CODE),
    org_type="commercial",
    legal_representative="李四",
    contact_name="王五",
    contact_phone="0370-3000000",
    address="河南省商丘市示范区创业路8号",
    postcode="476000",
    email="office@sq-tech.example.com",
)
