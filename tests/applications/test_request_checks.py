"""The similar-request and already-published checks are computed when a case is created or
received and stored; the case page reads them (issue 14, point 9). The suggestions are the
ones the page computed on every view before (the earlier code is kept below as the reference).
"""

import datetime as dt

import pytest
from django.urls import reverse

from gongkai.applications import similarity
from gongkai.applications.models import Application, RequestCheck
from gongkai.applications.selectors import request_checks
from gongkai.applications.services import (
    application_check_request,
    application_confirm_receipt,
    application_submit_online,
)
from gongkai.catalog import services as catalog_services
from gongkai.core.models import AuditEvent
from tests.agencies.factories import MembershipFactory
from tests.applications.fixtures import png, register
from tests.catalog.fixtures import published

pytestmark = pytest.mark.django_db


# The checks as the case page computed them on every view before they were stored ------------


def reference_similar(application, *, threshold=0.35, limit=5):
    mine = similarity.keywords(
        f"{application.info_title} {application.doc_number} {application.description}"
    )
    earlier = (
        Application.objects.filter(
            agency_id=application.agency_id, created_at__lt=application.created_at
        )
        .exclude(pk=application.pk)
        .order_by("-created_at")[:2000]
    )
    scored = []
    for other in earlier:
        score = similarity.similarity(
            mine, similarity.keywords(f"{other.info_title} {other.doc_number} {other.description}")
        )
        if score >= threshold:
            same = other.applicant_identifier == application.applicant_identifier
            scored.append((round(score, 2), other, same))
    scored.sort(key=lambda item: (not item[2], -item[0]))
    return scored[:limit]


def reference_published(application, *, limit=5):
    from gongkai.catalog.selectors import public_items, search

    found = {}
    if application.doc_number.strip():
        for hit in search(text=application.doc_number, limit=limit).hits:
            found.setdefault(hit.item.pk, set()).add(application.doc_number.strip())
    words = sorted(similarity.keywords(application.info_title), key=len, reverse=True)[:6]
    for word in words:
        for hit in search(text=word, order="date", limit=200).hits:
            found.setdefault(hit.item.pk, set()).add(word)
    needed = max(1, min(2, len(words)), (len(words) + 1) // 2)
    doc = application.doc_number.strip()
    keep = {pk: w for pk, w in found.items() if doc in w or len(w) >= needed}
    items = public_items().filter(pk__in=keep).select_related("agency")
    ranked = sorted(
        items,
        key=lambda i: (
            doc not in keep[i.pk],
            i.agency_id != application.agency_id,
            -len(keep[i.pk]),
        ),
    )
    return [(sorted(keep[i.pk]), i) for i in ranked[:limit]]


def _similar_ids(found):
    return [(score, other.pk, same) for score, other, same in found]


def _published_ids(found):
    return [(words, item.pk) for words, item in found]


# Fixtures -----------------------------------------------------------------------------------

TITLES = [
    ("2025年工业发展专项资金拟支持项目名单", "", "11010519491231002X"),
    ("2025年工业发展专项资金项目名单", "", "440524188001010014"),
    ("市区学校食堂检查记录", "", "11010519491231002X"),
    ("甲局2025年的部门预算", "", "440524188001010014"),
    ("一份文件", "测甲〔2025〕3号", "11010519491231002X"),
    ("请公开2025年工业发展专项资金拟支持的项目名单", "", "11010519491231002X"),
    ("甲局2024年部门决算及三公经费", "", "440524188001010014"),
    ("2025年部门预算和决算", "", "11010519491231002X"),
]


@pytest.fixture
def catalogue(clerk_a, catalog_reviewer_a, dept_a, dept_b, clerk_b, reviewer_b):
    budget = published(
        clerk_a,
        catalog_reviewer_a,
        dept_a,
        title="测试市甲局2025年部门预算公开",
        doc_number="测甲〔2025〕3号",
    )
    final_accounts = published(
        clerk_a, catalog_reviewer_a, dept_a, title="测试市甲局2024年部门决算公开", doc_number=""
    )
    other_agency = published(
        clerk_b, reviewer_b, dept_b, title="测试市乙局2025年部门预算公开", doc_number=""
    )
    funds = published(
        clerk_a,
        catalog_reviewer_a,
        dept_a,
        title="关于2025年工业发展专项资金拟支持项目的公示",
        doc_number="测甲〔2025〕9号",
    )
    return [budget, final_accounts, other_agency, funds]


@pytest.fixture
def cases(clerk_a, dept_a, catalogue):
    return [
        register(
            clerk_a,
            dept_a,
            received=dt.date(2026, 3, 2) + dt.timedelta(days=i),
            info_title=title,
            doc_number=doc_number,
            applicant_identifier=identifier,
        )
        for i, (title, doc_number, identifier) in enumerate(TITLES)
    ]


# Same suggestions as before -------------------------------------------------------------------


def test_stored_suggestions_are_those_the_page_computed_on_every_view_before(cases):
    """Every case of a small agency with overlapping requests and catalogue items (own and
    another agency's, by words and by 文号): the stored check holds exactly the suggestions,
    in the same order, that the page used to compute on each view."""
    assert any(reference_similar(case) for case in cases)
    assert any(reference_published(case) for case in cases)
    for case in cases:
        checks = request_checks(case)
        assert _similar_ids(checks.similar) == _similar_ids(reference_similar(case))
        assert _published_ids(checks.published) == _published_ids(reference_published(case))


def test_stored_words_of_earlier_requests_give_the_same_similar_requests(cases, monkeypatch):
    """Once the earlier requests are checked, a later one is compared with their stored words:
    only its own text is segmented, and the result is unchanged."""
    for case in cases:
        application_check_request(application=case)
    expected = [_similar_ids(reference_similar(case)) for case in cases]
    segmented = []
    original = similarity.keywords
    monkeypatch.setattr(
        similarity, "keywords", lambda text: segmented.append(text) or original(text)
    )
    for case, want in zip(cases, expected, strict=True):
        assert [
            (entry["score"], entry["id"], entry["same"])
            for entry in application_check_request(application=case).similar
        ] == want
    assert len(segmented) == 2 * len(cases)  # its own words, and its title for the catalogue


def test_the_wrappers_keep_their_results(cases):
    for case in cases:
        assert _similar_ids(similarity.similar_applications(case)) == _similar_ids(
            reference_similar(case)
        )
        assert _published_ids(similarity.possibly_published(case)) == _published_ids(
            reference_published(case)
        )


# When they are computed -----------------------------------------------------------------------


def test_registering_a_case_stores_its_checks_once_committed(
    clerk_a, dept_a, catalogue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        case = register(clerk_a, dept_a, info_title="甲局2025年的部门预算")
    check = RequestCheck.objects.get(application=case)
    assert catalogue[0].pk in [entry["id"] for entry in check.published]
    assert [(e["words"], e["id"]) for e in check.published] == _published_ids(
        reference_published(case)
    )
    assert check.digest == similarity.application_digest(case)


def test_confirming_an_online_application_checks_the_catalogue_again(
    applicant_user, clerk_a, catalog_reviewer_a, dept_a, django_capture_on_commit_callbacks
):
    """Receipt is confirmed days after an online submission: items published meanwhile are
    found."""
    with django_capture_on_commit_callbacks(execute=True):
        case, _code = application_submit_online(
            applicant=applicant_user,
            agency=dept_a,
            identity_proof=png(),
            today=dt.date(2026, 3, 2),
            info_title="甲局2025年的部门预算",
            provision_form="electronic",
            delivery_method="email",
        )
    assert RequestCheck.objects.get(application=case).published == []
    budget = published(clerk_a, catalog_reviewer_a, dept_a, title="测试市甲局2025年部门预算公开")
    with django_capture_on_commit_callbacks(execute=True):
        application_confirm_receipt(
            actor=clerk_a, application=case, confirmed_on=dt.date(2026, 3, 3)
        )
    assert [e["id"] for e in RequestCheck.objects.get(application=case).published] == [budget.pk]


def test_a_failing_check_never_loses_the_application(
    clerk_a, dept_a, monkeypatch, django_capture_on_commit_callbacks
):
    """The check runs after the intake commits; if it fails the case is registered and the
    page checks again when shown."""

    def broken(*args, **kwargs):
        raise RuntimeError("search backend unavailable")

    monkeypatch.setattr("gongkai.applications.services.checks.find_published", broken)
    with django_capture_on_commit_callbacks(execute=True):
        case = register(clerk_a, dept_a)
    assert Application.objects.filter(pk=case.pk).exists()
    assert not RequestCheck.objects.filter(application=case).exists()


# The page reads them ------------------------------------------------------------------------


def test_the_case_page_reads_the_stored_check_without_computing_it(
    client, clerk_a, cases, monkeypatch
):
    case = cases[3]
    application_check_request(application=case)

    def forbidden(*args, **kwargs):
        raise AssertionError("computed on view")

    monkeypatch.setattr("gongkai.applications.services.checks.find_similar", forbidden)
    monkeypatch.setattr("gongkai.applications.services.checks.find_published", forbidden)
    client.force_login(clerk_a)
    page = client.get(reverse("applications_office:case", args=[case.pk])).content.decode()
    assert "可能已主动公开的信息" in page and "测试市甲局2025年部门预算公开" in page
    assert "检查时间：" in page


def test_a_case_without_a_stored_check_is_checked_once_when_first_shown(client, clerk_a, cases):
    case = cases[5]
    assert not RequestCheck.objects.filter(application=case).exists()
    client.force_login(clerk_a)
    page = client.get(reverse("applications_office:case", args=[case.pk])).content.decode()
    assert "相似的在先申请" in page and cases[0].number in page
    first = RequestCheck.objects.get(application=case).checked_at
    client.get(reverse("applications_office:case", args=[case.pk]))
    assert RequestCheck.objects.get(application=case).checked_at == first


def test_a_changed_request_text_is_checked_again(cases):
    case = cases[2]
    before = application_check_request(application=case)
    assert before.published == []
    Application.objects.filter(pk=case.pk).update(info_title="甲局2025年的部门预算")
    case.refresh_from_db()
    checks = request_checks(case)
    assert _published_ids(checks.published) == _published_ids(reference_published(case)) != []
    assert RequestCheck.objects.get(application=case).digest == similarity.application_digest(case)


def test_an_item_withdrawn_after_the_check_is_no_longer_suggested(
    clerk_a, catalog_reviewer_a, cases
):
    case = cases[3]
    application_check_request(application=case)
    item = request_checks(case).published[0][1]
    catalog_services.item_withdraw(actor=clerk_a, item=item, reason="已失效")
    assert item.pk not in [i.pk for _w, i in request_checks(case).published]


def test_recheck_finds_an_item_published_after_the_check_and_is_audited(
    client, clerk_a, catalog_reviewer_a, dept_a
):
    case = register(clerk_a, dept_a, info_title="甲局2026年政府采购意向")
    client.force_login(clerk_a)
    url = reverse("applications_office:case", args=[case.pk])
    assert "未发现相似的在先申请或可能已主动公开的信息" in client.get(url).content.decode()
    item = published(clerk_a, catalog_reviewer_a, dept_a, title="测试市甲局2026年政府采购意向公开")
    assert item.title not in client.get(url).content.decode()  # stored: not searched again
    response = client.post(reverse("applications_office:act", args=[case.pk, "recheck"]))
    assert response.status_code == 302
    assert item.title in client.get(url).content.decode()
    row = AuditEvent.objects.for_object(case).get(action="application.recheck")
    assert row.changes["published"] == [[], [item.pk]]


def test_recheck_is_for_those_who_handle_or_review_the_case(client, dept_a, clerk_a):
    case = register(clerk_a, dept_a)
    head = MembershipFactory(agency=dept_a, role="head").user
    client.force_login(head)
    assert (
        client.post(reverse("applications_office:act", args=[case.pk, "recheck"])).status_code
        == 403
    )


def test_recheck_over_the_api(clerk_a, dept_a):
    from rest_framework.test import APIClient

    case = register(clerk_a, dept_a)
    api = APIClient()
    api.force_authenticate(clerk_a)
    url = f"/api/office/applications/{case.number}/actions/recheck/"
    assert api.post(url, {}, format="json").status_code == 200
    assert RequestCheck.objects.filter(application=case).exists()
