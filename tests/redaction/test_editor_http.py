"""The redaction page over HTTP: who may open it for a catalogue item's file and for a case's,
what it refuses once the files are frozen, and that it can be used without seeing the page
image (every control labelled, every box listed as text with its page and ground)."""

from html.parser import HTMLParser

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.applications import services as a
from gongkai.catalog import services as c
from gongkai.core.models import AuditEvent
from gongkai.redaction import services as r
from tests.agencies.factories import MembershipFactory
from tests.catalog.fixtures import draft

from .files import pdf_with_id_on_page_two

pytestmark = pytest.mark.django_db
PRIVACY = "涉及个人隐私，公开会对第三方合法权益造成损害（第十五条）"


@pytest.fixture
def item(clerk_a, dept_a):
    return draft(clerk_a, dept_a)


@pytest.fixture
def item_redaction(clerk_a, item):
    upload = SimpleUploadedFile("补助名单.pdf", pdf_with_id_on_page_two())
    attachment = c.attachment_add(actor=clerk_a, item=item, file=upload, title="补助名单")
    return r.redaction_start(actor=clerk_a, document=attachment)


@pytest.fixture
def case_redaction(clerk_a, in_progress):
    upload = SimpleUploadedFile("补助名单.pdf", pdf_with_id_on_page_two(), "application/pdf")
    document = a.application_attach(
        actor=clerk_a, application=in_progress, kind="released", upload=upload, title="补助名单"
    )
    return r.redaction_start(actor=clerk_a, document=document)


def open_editor(client, user, redaction, **params):
    client.force_login(user)
    return client.get(reverse("redaction:edit", args=[redaction.pk]), params)


def add_box(client, redaction, ground="personal_privacy"):
    return client.post(
        reverse("redaction:act", args=[redaction.pk, "add_box"]) + "?page=1",
        {
            "add_box-page": 1,
            "add_box-x0": 60,
            "add_box-y0": 50,
            "add_box-x1": 300,
            "add_box-y1": 80,
            "add_box-ground": ground,
        },
    )


# A catalogue item's file -------------------------------------------------------------------------


def test_the_items_author_opens_the_editor_which_leads_back_to_the_item(
    client, clerk_a, item, item_redaction
):
    response = open_editor(client, clerk_a, item_redaction)

    text = response.content.decode()
    assert response.status_code == 200
    assert f'href="{reverse("catalog_office:item", args=[item.pk])}"' in text
    assert item.index_number in text and 'id="action-add_box"' in text
    assert PRIVACY in text  # the grounds of the regulation in force


def test_a_drawn_box_is_kept_and_the_page_returns(client, clerk_a, item_redaction):
    client.force_login(clerk_a)

    response = add_box(client, item_redaction)

    assert response.status_code == 302 and response.url.endswith("?page=1")
    assert item_redaction.boxes.get().ground == "personal_privacy"


def test_applying_returns_to_the_item_whose_page_lists_the_redacted_copy(
    client, clerk_a, item, item_redaction
):
    client.force_login(clerk_a)
    add_box(client, item_redaction)

    response = client.post(
        reverse("redaction:act", args=[item_redaction.pk, "apply"]), {"apply-confirm": "on"}
    )

    item_redaction.refresh_from_db()
    output = item_redaction.output_attachment
    assert response.status_code == 302
    assert response.url == reverse("catalog_office:item", args=[item.pk])
    editor = open_editor(client, clerk_a, item_redaction).content.decode()
    assert reverse("catalog_office:attachment", args=[item.pk, output.pk]) in editor


def test_a_clerk_of_another_agency_gets_no_editor(client, clerk_b, item_redaction):
    assert open_editor(client, clerk_b, item_redaction).status_code == 404
    page = client.get(reverse("redaction:page", args=[item_redaction.pk, 1]))
    assert page.status_code == 404
    assert add_box(client, item_redaction).status_code == 404
    assert not item_redaction.boxes.exists()


def test_a_supervisor_who_only_reads_the_item_may_not_see_its_original(
    client, supervisor, item_redaction
):
    assert open_editor(client, supervisor, item_redaction).status_code == 403


def test_once_the_item_is_submitted_the_editor_only_shows_and_refuses_changes(
    client, clerk_a, catalog_reviewer_a, item, item_redaction
):
    c.item_submit(actor=clerk_a, item=item)

    page = open_editor(client, clerk_a, item_redaction).content.decode()
    refused = add_box(client, item_redaction)

    assert 'id="action-add_box"' not in page
    assert refused.status_code == 400 and "条目已提交保密审查" in refused.content.decode()
    assert not item_redaction.boxes.exists()
    # The reviewer checks the redaction against the original during the 保密审查.
    assert open_editor(client, catalog_reviewer_a, item_redaction).status_code == 200


def test_once_the_item_is_submitted_no_redaction_can_be_started(client, clerk_a, item):
    upload = SimpleUploadedFile("名单.pdf", pdf_with_id_on_page_two())
    attachment = c.attachment_add(actor=clerk_a, item=item, file=upload)
    c.item_submit(actor=clerk_a, item=item)
    client.force_login(clerk_a)

    response = client.post(
        reverse("catalog_office:act", args=[item.pk, "redact"]),
        {"redact-attachment": attachment.pk},
    )

    assert response.status_code == 400
    assert "条目已提交保密审查" in response.content.decode()
    assert not attachment.redactions.exists()


# A case's file: the reviewer ---------------------------------------------------------------------


def test_the_cases_reviewer_sees_the_redaction_but_cannot_change_it(
    client, reviewer_a, in_progress, case_redaction
):
    """The redaction policy lets those who review the agency's replies see a redaction and
    its original (they check one against the other); only those who handle cases redact."""
    page = open_editor(client, reviewer_a, case_redaction)
    image = client.get(reverse("redaction:page", args=[case_redaction.pk, 2]))
    refused = add_box(client, case_redaction)

    assert page.status_code == 200
    text = page.content.decode()
    assert f'href="{reverse("applications_office:case", args=[in_progress.pk])}"' in text
    assert 'id="action-add_box"' not in text and "/act/" not in text
    assert image.status_code == 200
    assert AuditEvent.objects.for_object(in_progress).filter(
        action="redaction.view_original", actor=reviewer_a
    )
    assert refused.status_code == 403 and not case_redaction.boxes.exists()


def test_who_only_reads_cases_gets_no_redaction_page(client, dept_a, case_redaction):
    head = MembershipFactory(agency=dept_a, role="head").user

    assert open_editor(client, head, case_redaction).status_code == 404


# Accessibility ------------------------------------------------------------------------------------


class Controls(HTMLParser):
    """The page's form controls, labels, buttons and images, as a screen reader meets them."""

    def __init__(self):
        super().__init__()
        self.controls, self.label_for, self.buttons, self.images = [], set(), [], []
        self._button = None
        self._label_depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "label":
            self._label_depth += 1
            if attrs.get("for"):
                self.label_for.add(attrs["for"])
        elif tag in ("input", "select", "textarea"):
            if attrs.get("type") not in ("hidden", "submit"):
                attrs["_wrapped"] = self._label_depth > 0
                self.controls.append((tag, attrs))
        elif tag == "button":
            self._button = {"aria-label": attrs.get("aria-label", ""), "text": ""}
        elif tag == "img":
            self.images.append(attrs)

    def handle_endtag(self, tag):
        if tag == "label":
            self._label_depth -= 1
        elif tag == "button" and self._button is not None:
            self.buttons.append(self._button)
            self._button = None

    def handle_data(self, data):
        if self._button is not None:
            self._button["text"] += data.strip()


def test_the_editor_can_be_used_without_seeing_the_page_image(client, clerk_a, item_redaction):
    for box in r.redaction_propose(actor=clerk_a, redaction=item_redaction):
        r.redaction_accept_box(actor=clerk_a, box=box, ground="personal_privacy")
    r.redaction_propose(actor=clerk_a, redaction=item_redaction, terms=["补助金额"])

    html = open_editor(client, clerk_a, item_redaction, page=1).content.decode()
    parsed = Controls()
    parsed.feed(html)

    unlabelled = [
        (tag, attrs.get("name"))
        for tag, attrs in parsed.controls
        if not (
            attrs.get("id") in parsed.label_for
            or attrs["_wrapped"]
            or attrs.get("aria-label")
            or attrs.get("aria-labelledby")
        )
    ]
    assert parsed.controls and unlabelled == []
    assert parsed.buttons and all(b["text"] or b["aria-label"] for b in parsed.buttons)
    assert parsed.images and all(img.get("alt") for img in parsed.images)
    # On page 1, the boxes of page 2 are listed as text: their page, what and why.
    listed = html.split('id="all-boxes-heading"', 1)[1].split("</section>", 1)[0]
    assert listed.count("<li>") == 3
    assert listed.count("第2页") == 3 and listed.count(PRIVACY) == 2
    assert "身份证号码" in listed and "手机号码" in listed and "待确认" in listed
