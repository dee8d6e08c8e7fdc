"""The applicant's personal data in letters (issue 16, point 2). A 答复书 names its addressee
and is posted or e-mailed to them: it carries their name and, if the agency's template prints
it, the contact it goes to; never the number of their identity document, which no template can
reach. The draft the reviewer reads before approving shows the contact masked, as the case page
does for staff who do not handle the case; the clerk's draft and the issued letter show it whole."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from gongkai.applications import services as s
from gongkai.letters.context import letter_context
from gongkai.letters.models import LetterKind, LetterTemplate
from gongkai.letters.services import letter_issue
from tests.applications.fixtures import PERSON_ID, register
from tests.letters.helpers import D, docx_text, pdf_text, stored

pytestmark = pytest.mark.django_db
PHONE, ADDRESS = "13800000001", "河南省商丘市文化路1号"
# An agency's own decision template that prints everything a template could try to print.
NOSY_BODY = (
    "<{{ applicant.name }}：\n"
    "通信地址：{{ applicant.address }}　联系电话：{{ applicant.phone }}\n"
    "证件号码：{{ applicant.identifier }}{{ application.applicant_identifier }}"
    "{{ applicant_identifier }}{{ application.applicant.applicant_profile.id_number }}\n"
    "本机关依法答复如下。\n"
)


@pytest.fixture(autouse=True)
def frozen():
    moment = dt.datetime(2026, 3, 10, 10, tzinfo=ZoneInfo("Asia/Shanghai"))
    with time_machine.travel(moment, tick=False):
        yield


@pytest.fixture
def nosy_template(dept_a):
    return LetterTemplate.objects.create(
        agency=dept_a, kind=LetterKind.DECISION, title="政府信息公开申请答复书", body=NOSY_BODY
    )


@pytest.fixture
def drafted(clerk_a, dept_a, office, nosy_template):
    case = s.application_start(
        actor=clerk_a, application=register(clerk_a, dept_a, contact_address=ADDRESS)
    )
    return s.application_draft_decision(
        actor=clerk_a, application=case, outcome="granted", legal_basis="第三十六条"
    )


def _strings(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)
    else:
        yield str(value)


@pytest.mark.parametrize("kind", [LetterKind.RECEIPT, LetterKind.DECISION])
def test_a_letters_variables_never_hold_the_identity_number(in_progress, kind):
    context = letter_context(in_progress, kind)
    assert not any(PERSON_ID in text for text in _strings(context))
    assert context["applicant"]["name"] == "张三"


def test_the_issued_letter_names_the_applicant_and_prints_no_identity_number(
    drafted, clerk_a, reviewer_a
):
    """The letter sent is addressed to the applicant: their name and the contact it goes to
    (the template prints them), never the identity number."""
    application = s.application_approve_decision(actor=reviewer_a, application=drafted)
    pdf = letter_issue(
        actor=clerk_a, application=application, kind=LetterKind.DECISION, today=D(2026, 3, 20)
    )
    word = application.documents.filter(kind=pdf.kind, content_type__contains="word").latest("pk")
    for text in (docx_text(stored(word)), pdf_text(stored(pdf))):
        assert "张三：" in text and PHONE in text and ADDRESS.replace(" ", "") in text
        assert PERSON_ID not in text and "110***" not in text


def _panel(client, user, application) -> str:
    client.force_login(user)
    page = client.get(reverse("applications_office:case", args=[application.pk])).content.decode()
    return page.split('id="draft-letter-heading"')[1].split("</section>")[0]


def _draft_docx(client, user, application) -> str:
    client.force_login(user)
    response = client.get(reverse("letters_office:draft_decision", args=[application.pk]))
    assert response.status_code == 200
    return docx_text(response.content)


def test_the_reviewer_reads_the_draft_with_the_contact_masked(client, drafted, reviewer_a):
    for text in (_panel(client, reviewer_a, drafted), _draft_docx(client, reviewer_a, drafted)):
        assert "张三：" in text
        assert "138****0001" in text and "河南省商丘****" in text
        assert PHONE not in text and "文化路" not in text and PERSON_ID not in text


def test_the_clerk_reads_the_draft_as_it_will_be_sent(client, drafted, clerk_a):
    for text in (_panel(client, clerk_a, drafted), _draft_docx(client, clerk_a, drafted)):
        assert PHONE in text and ADDRESS in text and PERSON_ID not in text
