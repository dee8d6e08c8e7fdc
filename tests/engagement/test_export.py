"""The XLSX export holds exactly the published comments, with answers and (once public, or
for staff) the 采纳情况."""

import io

import pytest
from openpyxl import load_workbook

from gongkai.engagement import services as s
from gongkai.engagement.exports import HEADERS, comments_workbook
from tests.engagement.fixtures import AFTER, DURING, frozen, submit

pytestmark = pytest.mark.django_db


def rows(data: bytes) -> list[dict]:
    sheet = load_workbook(io.BytesIO(data)).active
    values = list(sheet.iter_rows(values_only=True))
    assert list(values[2]) == HEADERS
    return [dict(zip(HEADERS, row, strict=True)) for row in values[3:]]


def test_export_contains_exactly_the_published_comments(consultation, commented, clerk_a):
    with frozen(DURING):
        s.comment_answer(actor=clerk_a, comment=commented["published"], text="感谢，已研究。")
    exported = rows(comments_workbook(consultation))
    assert [r["意见内容"] for r in exported] == [commented["published"].text]
    assert exported[0]["答复"] == "感谢，已研究。"
    assert exported[0]["署名"] == "网友" and exported[0]["提交时间"] == "2026-03-10 10:00"


def test_the_public_export_shows_adoption_only_once_published(consultation, commented, clerk_a):
    with frozen(AFTER):
        s.comment_moderate(actor=clerk_a, comment=commented["pending"], decision="publish")
        for comment in (commented["published"], commented["pending"]):
            s.comment_assess(actor=clerk_a, comment=comment, adoption="adopted")
        assert {r["采纳情况"] for r in rows(comments_workbook(consultation))} == {None}
        assert {
            r["采纳情况"] for r in rows(comments_workbook(consultation, with_assessment=True))
        } == {"采纳"}
        s.consultation_publish_feedback(
            actor=clerk_a, consultation=consultation, summary="均已采纳。"
        )
    consultation.refresh_from_db()
    exported = rows(comments_workbook(consultation))
    assert len(exported) == 2 and {r["采纳情况"] for r in exported} == {"采纳"}


def test_a_comment_that_looks_like_a_formula_stays_text(consultation, citizen, clerk_a):
    with frozen(DURING):
        comment = submit(consultation, citizen, text='=HYPERLINK("http://evil.example","点击")')
        s.comment_moderate(actor=clerk_a, comment=comment, decision="publish")
    sheet = load_workbook(io.BytesIO(comments_workbook(consultation))).active
    cell = sheet.cell(row=4, column=4)
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")
