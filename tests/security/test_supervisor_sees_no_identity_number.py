"""Issue 16, point 2, as the penetration test did it: signed in as the city's supervisor (督导,
read-only over the whole city), collect every page, API answer, file and export reachable on the
demo, and look for identity numbers. Before the fix 129 full 居民身份证 numbers came out of the
case pages alone; now not one, nor any applicant's full phone, address or e-mail."""

import pytest
from django.db import transaction

from gongkai.accounts.models import ApplicantProfile, User
from gongkai.appeals.models import AppealCase
from gongkai.applications.models import Application
from gongkai.demo.load import load_all
from gongkai.engagement.models import Consultation
from gongkai.letters.models import LetterKind
from gongkai.letters.services import letter_issue
from tests.security.crawl import Crawl, resident_ids_in


class _Rollback(Exception):
    pass


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo without its catalogue (the catalogue holds no applicant), loaded once for the
    module and rolled back at its end."""
    with django_db_blocker.unblock():
        try:
            with transaction.atomic():
                loaded = load_all(with_catalog=False)
                _issue_letters()
                yield loaded
                raise _Rollback
        except _Rollback:
            pass


def _issue_letters():
    """The demo's cases carry no letters: issue a 受理回执 on a few, as the clerks would, so
    that the crawl opens case files too (a letter names the applicant, never their number)."""
    received = Application.objects.filter(
        applicant_id_type="resident_id", received_on__isnull=False
    ).order_by("pk")
    for application in received[:4]:
        letter_issue(actor=None, application=application, kind=LetterKind.RECEIPT)


@pytest.fixture(scope="module")
def supervisor_crawl(demo, django_db_blocker):
    from django.test import Client

    with django_db_blocker.unblock():
        client = Client()
        client.force_login(User.objects.get(username="sq_supervisor"))
        numbers = list(Application.objects.values_list("number", flat=True))
        pages = -(-len(numbers) // 30)
        starts = [
            "/office/",
            "/office/applications/?status=all",
            "/api/openapi.json",
            *[f"/api/office/applications/?status=all&page={n}" for n in range(1, pages + 1)],
            *[f"/api/applications/{number}/" for number in numbers],
            "/api/office/appeals/cases/",
            *[
                f"/api/office/appeals/cases/{pk}/"
                for pk in AppealCase.objects.values_list("pk", flat=True)
            ],
            *[
                f"/api/office/engagement/consultations/{pk}/comments/"
                for pk in Consultation.objects.values_list("pk", flat=True)
            ],
        ]
        yield Crawl(client).run(starts)


def _applicants_personal_data() -> dict[str, set[str]]:
    cases = Application.objects.all()
    return {
        "identity numbers": {
            *cases.filter(applicant_id_type="resident_id").values_list(
                "applicant_identifier", flat=True
            ),
            *ApplicantProfile.objects.exclude(id_number="").values_list("id_number", flat=True),
        },
        "phones": set(cases.values_list("contact_phone", flat=True)) - {""},
        "addresses": set(cases.values_list("contact_address", flat=True)) - {""},
        "e-mails": set(cases.values_list("contact_email", flat=True)) - {""},
    }


def test_the_crawl_reaches_every_case_page_the_queue_the_api_and_the_files(supervisor_crawl, db):
    """The check below means something only if the supervisor got everywhere: each case page
    and its audit trail, the queue and its API, the case files they may open."""
    urls = set(supervisor_crawl.texts)
    cases = Application.objects.values_list("pk", flat=True)
    assert {f"/office/applications/{pk}/" for pk in cases} <= urls
    assert {f"/office/history/applications.application/{pk}/" for pk in cases} <= urls
    assert any(url.startswith("/applications/documents/") for url in urls)
    assert any(url.startswith("/api/office/applications/?") for url in urls)
    assert len(urls) > 400


def test_no_full_identity_number_anywhere_the_supervisor_can_reach(supervisor_crawl, db):
    """Not on a case page, in the queue, an audit trail, the API, a letter or an export: no
    valid 18-character ID number at all (every one would be an applicant's)."""
    applicants = _applicants_personal_data()["identity numbers"]
    assert len(applicants) > 50  # the demo's natural persons and the public user 张三
    found = {
        url: ids for url, text in supervisor_crawl.texts.items() if (ids := resident_ids_in(text))
    }
    assert found == {}


def test_the_supervisor_reads_the_identity_numbers_masked(supervisor_crawl, db):
    for application in Application.objects.filter(applicant_id_type="resident_id")[:20]:
        page = supervisor_crawl.texts[f"/office/applications/{application.pk}/"]
        number = application.applicant_identifier
        assert f"{number[:3]}***********{number[-4:]}" in page


@pytest.mark.parametrize("kind", ["phones", "addresses", "e-mails"])
def test_no_applicants_full_contact_anywhere_the_supervisor_can_reach(supervisor_crawl, db, kind):
    """The applicants' phones, addresses and e-mails are theirs too: masked for staff who do
    not handle the case."""
    leaks = {value: supervisor_crawl.where(value) for value in _applicants_personal_data()[kind]}
    assert {value: urls for value, urls in leaks.items() if urls} == {}
