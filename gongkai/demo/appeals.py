"""Demo reconsideration, litigation and complaint cases. Deterministic (a fixed list).

The seed agency 商丘市工业和信息化委员会 (411400-gxw) had none in 2017, as its report says
(“2017年，没有行政复议、行政诉讼、举报投诉等情况”). The other demo departments, and the seed agency
in later years, have a handful of cases in 2019–2026, most against a reply to a demo application
of the same agency (linked by 受理编号 when the applications demo is loaded): some closed the same
year, some filed in one year and closed in the next (尚未审结 in the first year's report), a suit
after a reconsideration, two complaints, and three cases still open in November 2026.
"""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from gongkai.accounts.models import User
from gongkai.appeals.models import AppealCase
from gongkai.appeals.services import appeal_create, document_add
from gongkai.applications.models import Application

from .accounts import staff_roles
from .agencies import load_agencies
from .data.appeals import CASES, DECISIONS, SUIT_AFTER

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
