"""Issue 15's Done-when: fixture files of fake redaction — a box drawn over live text in a PDF,
a black highlight in Word, a hidden sheet in Excel, a comment with a phone number — are each
refused by the release check at the reviewer's approval, through the pages a clerk and a
reviewer use, with the finding shown to the reviewer; a clean file passes."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.applications.states import Status

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "release"

# file → (what the reviewer is told, a part of the message that places it)
FAKE_REDACTIONS = {
    "fake_box.pdf": ("遮盖", "第2页"),
    "black_highlight.docx": ("", "13"),
    "hidden_sheet.xlsx": ("隐藏", "工作表"),
    "comment_phone.docx": ("批注", "手机号码"),
}


def _act(client, application, action, data):
    url = reverse("applications_office:act", args=[application.pk, action])
    return client.post(url, {f"{action}-{key}": value for key, value in data.items()})


def _drafted_with(client, clerk, application, name):
    client.force_login(clerk)
    upload = SimpleUploadedFile(name, (FIXTURES / name).read_bytes())
    _act(client, application, "attach", {"kind": "released", "title": name, "upload": upload})
    assert application.documents.filter(kind="released").count() == 1
    _act(
        client,
        application,
        "draft_decision",
        {"outcome": "granted", "legal_basis": "第三十六条第（二）项"},
    )
    application.refresh_from_db()
    assert application.status == Status.DECISION_DRAFTED


@pytest.mark.parametrize("name", sorted(FAKE_REDACTIONS))
def test_each_fake_redaction_is_refused_with_the_finding_shown(
    client, in_progress, clerk_a, reviewer_a, name
):
    told, placed = FAKE_REDACTIONS[name]
    _drafted_with(client, clerk_a, in_progress, name)
    client.force_login(reviewer_a)
    case = client.get(reverse("applications_office:case", args=[in_progress.pk])).content.decode()
    assert "须说明理由" in case and told in case and placed in case
    refused = _act(client, in_progress, "approve_decision", {"findings_seen": "on"})
    page = refused.content.decode()
    assert refused.status_code == 400 and "发布前检查未通过" in page and name in page
    in_progress.refresh_from_db()
    assert in_progress.status == Status.DECISION_DRAFTED


def test_a_clean_file_passes_without_a_word(client, in_progress, clerk_a, reviewer_a):
    _drafted_with(client, clerk_a, in_progress, "clean.pdf")
    client.force_login(reviewer_a)
    assert _act(client, in_progress, "approve_decision", {}).status_code == 302
    in_progress.refresh_from_db()
    assert in_progress.status == Status.DECISION_APPROVED
