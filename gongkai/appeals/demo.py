"""Demo reconsideration, litigation and complaint cases. Deterministic (a fixed list).

The seed agency 商丘市工业和信息化委员会 (411400-gxw) had none in 2017, as its report says
(“2017年，没有行政复议、行政诉讼、举报投诉等情况”). The other demo departments, and the seed agency
in later years, have a handful of cases in 2019–2026, most against a reply to a demo application
of the same agency (linked by 受理编号 when the applications demo is loaded): some closed the same
year, some filed in one year and closed in the next (尚未审结 in the first year's report), a suit
after a reconsideration, two complaints, and three cases still open in November 2026.
"""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from gongkai.accounts.demo import staff_roles
from gongkai.accounts.models import User
from gongkai.agencies.demo import load_agencies
from gongkai.applications.models import Application

from .models import AppealCase
from .services import appeal_create, document_add

D = dt.date
CITY_GOVERNMENT = "商丘市人民政府"
LIANGYUAN_COURT = "商丘市梁园区人民法院"
SUIYANG_COURT = "商丘市睢阳区人民法院"
INTERMEDIATE_COURT = "商丘市中级人民法院"
DISCLOSURE_OFFICE = "商丘市人民政府办公室（政务公开办）"

# key, agency, kind, application number (or None), filed, body, case number, summary,
# outcome, closed, note, appellant when no application is linked.
# fmt: off
CASES = [
    ("czj-2019-rc", "411400-czj", "reconsideration", "411400-czj-2019-00001", D(2019, 11, 18),
     CITY_GOVERNMENT, "商政复〔2019〕57号",
     "申请人不服以涉及国家秘密为由不予公开的答复，申请行政复议。",
     "upheld", D(2019, 12, 27), "复议决定维持原答复。", ""),
    ("czj-2021-ld", "411400-czj", "litigation_direct", "411400-czj-2021-00001", D(2021, 3, 15),
     LIANGYUAN_COURT, "（2021）豫1402行初58号",
     "原告认为所申请信息不属于过程性信息，起诉要求撤销不予公开的答复。",
     "corrected", D(2021, 8, 20), "判决撤销被诉答复，责令十五个工作日内重新答复。", ""),
    ("jyj-2021-rc", "411400-jyj", "reconsideration", "411400-jyj-2021-00001", D(2021, 9, 6),
     CITY_GOVERNMENT, "商政复〔2021〕112号",
     "申请人不服以属于行政查询事项为由不予公开的答复，申请行政复议。",
     "upheld", D(2021, 11, 2), "复议决定维持原答复。", ""),
    ("jyj-2021-la", "411400-jyj", "litigation_after_reconsideration", None, D(2021, 11, 19),
     SUIYANG_COURT, "（2021）豫1403行初207号",
     "申请人对复议维持决定不服，以原行政机关和复议机关为共同被告提起诉讼。",
     "other", D(2022, 3, 25), "原告撤回起诉，法院裁定准许。", ""),
    ("gxw-2023-rc", "411400-gxw", "reconsideration", "411400-gxw-2023-00001", D(2023, 8, 21),
     CITY_GOVERNMENT, "商政复〔2023〕146号",
     "申请人认为所申请的评审意见不属于过程性信息，申请行政复议。",
     "upheld", D(2023, 10, 17), "复议决定维持原答复。", ""),
    ("hbj-2023-complaint", "411400-hbj", "complaint", None, D(2023, 4, 10),
     DISCLOSURE_OFFICE, "",
     "举报人反映建设项目环境影响评价批复未在二十个工作日内主动公开。",
     "corrected", D(2023, 4, 28), "经核查属实，已责成补充公开并完善发布流程。", "李建国"),
    ("hbj-2024-rc", "411400-hbj", "reconsideration", "411400-hbj-2024-00002", D(2024, 10, 8),
     CITY_GOVERNMENT, "商政复〔2024〕203号",
     "申请人认为答复未说明征求第三方意见的情况，申请行政复议。",
     "corrected", D(2025, 1, 10), "复议决定撤销原答复，责令重新答复。", ""),
    ("czj-2025-ld", "411400-czj", "litigation_direct", "411400-czj-2025-00001", D(2025, 5, 26),
     LIANGYUAN_COURT, "（2025）豫1402行初96号",
     "原告要求提供公开出版物中的财政数据，起诉要求撤销不予处理的答复。",
     "upheld", D(2026, 2, 27), "判决驳回原告的诉讼请求。", ""),
    ("jyj-2025-complaint", "411400-jyj", "complaint", "411400-jyj-2025-00002", D(2025, 11, 24),
     DISCLOSURE_OFFICE, "",
     "投诉人认为答复未逐项说明理由。",
     "other", D(2025, 12, 19), "经核查答复符合规定，已向投诉人说明。", ""),
    ("suiyang-2022-rc", "411403-jyj", "reconsideration", "411403-jyj-2022-00002",
     D(2022, 10, 31), "商丘市睢阳区人民政府", "睢政复〔2022〕19号",
     "申请人不服以其他法律行政法规禁止公开为由不予公开的答复，申请行政复议。",
     "corrected", D(2022, 12, 23), "复议决定责令重新答复。", ""),
    ("suiyang-2026-ld", "411403", "litigation_direct", None, D(2026, 6, 15),
     INTERMEDIATE_COURT, "（2026）豫14行初52号",
     "原告起诉要求公开房屋征收补偿方案的制定依据。",
     "pending", None, "", "王秀英"),
    ("jyj-2026-rc", "411400-jyj", "reconsideration", None, D(2026, 9, 14),
     CITY_GOVERNMENT, "商政复〔2026〕171号",
     "申请人认为学校招生信息未按规定主动公开，申请行政复议。",
     "pending", None, "", "陈志强"),
    ("gxw-2026-rc", "411400-gxw", "reconsideration", "411400-gxw-2026-00011", D(2026, 11, 20),
     CITY_GOVERNMENT, "商政复〔2026〕198号",
     "申请人不服以本机关不掌握相关信息为由作出的答复，申请行政复议。",
     "pending", None, "", ""),
]
# fmt: on
# Which later suit follows which reconsideration.
SUIT_AFTER = {"jyj-2021-la": "jyj-2021-rc"}
# Cases whose decision is on file (a one-page PDF).
DECISIONS = {"czj-2021-ld": "行政判决书.pdf", "hbj-2024-rc": "行政复议决定书.pdf"}

_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def _clerks() -> dict:
    """{agency code: demo clerk} when the accounts demo is loaded; other cases are recorded
    by the system (actor None), like the applications demo does."""
    try:
        roles = staff_roles()
    except User.DoesNotExist:
        return {}
    return {code: user for (code, role), user in roles.items() if role == "clerk"}


def _application(agency, number, filed_on):
    """The linked application, when it exists and was answered before the case was filed."""
    if number is None:
        return None
    found = Application.objects.filter(agency=agency, number=number).first()
    if found is None or found.submitted_on > filed_on:
        return None
    return found


def load_demo() -> dict:
    """Create the demo cases unless there are some already. Returns counts."""
    agencies = load_agencies()
    counts = {"cases": 0, "linked": 0, "documents": 0}
    if AppealCase.objects.filter(agency__in=agencies.values()).exists():
        return counts
    made: dict[str, AppealCase] = {}
    clerks = _clerks()
    with transaction.atomic():
        for key, code, kind, number, filed, body, case_number, summary, *rest in CASES:
            outcome, closed, note, appellant = rest
            agency = agencies[code]
            application = _application(agency, number, filed)
            earlier = made.get(SUIT_AFTER.get(key, ""))
            if application is None and earlier is not None:
                application = earlier.application
            made[key] = appeal_create(
                actor=clerks.get(code),
                agency=agency,
                kind=kind,
                application=application,
                reconsideration=earlier,
                appellant_name=application.applicant_name if application else appellant or "赵敏",
                reviewing_body=body,
                case_number=case_number,
                filed_on=filed,
                summary=summary,
                outcome=outcome,
                closed_on=closed,
                outcome_note=note,
            )
            counts["linked"] += application is not None
        for key, name in DECISIONS.items():
            document_add(
                actor=clerks.get(made[key].agency.code),
                case=made[key],
                file=SimpleUploadedFile(name, _PDF, "application/pdf"),
                kind="decision",
            )
            counts["documents"] += 1
    counts["cases"] = len(made)
    return counts
