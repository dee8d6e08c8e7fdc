"""What templates can say, and how their text becomes paragraphs."""

import pytest

from gongkai.letters.context import letter_context, letter_number, review_body
from gongkai.letters.text import Block, render_blocks, template_error
from gongkai.regimes import get_regime
from tests.letters.helpers import D, decided, with_extension


def test_letter_number_is_year_and_serial_of_the_application_number(in_progress):
    assert in_progress.number == "dept-a-2026-00001"
    assert letter_number(in_progress) == "〔2026〕第1号"


def test_review_body_is_the_nearest_government_above(dept_a, county_dept, city):
    assert review_body(dept_a) == "测试市人民政府"
    assert review_body(county_dept) == "测试县人民政府"
    assert review_body(city) == ""  # nothing above it in this installation


def test_context_takes_time_limits_from_the_regime_and_dates_from_the_deadlines(
    in_progress, clerk_a, head_a
):
    application = with_extension(in_progress, clerk_a, head_a)
    context = letter_context(application, "extension", today=D(2026, 3, 20))
    assert context["regime"] is get_regime("2019")
    assert context["reply_due"] == D(2026, 4, 28)  # 20 + 20 working days after 03-02
    assert context["extended"] is True
    assert context["extension"]["reason"] == "需调取档案。"
    assert context["applicant"]["you"] == "您"


def test_outcome_label_and_citation_are_ready_to_quote(in_progress, clerk_a, reviewer_a):
    application = decided(in_progress, clerk_a, reviewer_a, "denied_state_secret")
    context = letter_context(application, "decision")
    assert context["outcome_label"] == "属于国家秘密"
    assert context["outcome_citation"] == (
        "《中华人民共和国政府信息公开条例》（国务院令第711号）第十四条、第三十六条第（三）项"
    )
    assert context["decision"]["extra_basis"] == ""  # the drafter cited nothing beyond it


def test_organisations_are_addressed_as_贵单位(clerk_a, dept_a):
    from tests.applications.fixtures import register

    company = register(
        clerk_a,
        dept_a,
        applicant_type="commercial",
        applicant_id_type="",
        applicant_name="商丘示例科技有限公司",
        applicant_identifier="91350100M000100Y43",
    )
    assert letter_context(company, "receipt")["applicant"]["you"] == "贵单位"


@pytest.mark.parametrize(
    "line, block",
    [
        ("正文段落", Block("正文段落", "justify")),
        ("=〔2026〕第1号", Block("〔2026〕第1号", "center")),
        (">测试市甲局", Block("测试市甲局", "right")),
        ("<张三：", Block("张三：", "left")),
        ("\u3000\u3000正文", Block("正文", "justify")),
    ],
)
def test_line_marks_set_the_paragraph_alignment(line, block):
    assert render_blocks(line, {}) == [block]


def test_blank_lines_and_lines_left_empty_by_tags_make_no_paragraph():
    source = "第一段\n\n{% if no %}\n隐藏\n{% endif %}\n第二段"
    assert [b.text for b in render_blocks(source, {})] == ["第一段", "第二段"]


def test_text_is_not_html_escaped():
    assert render_blocks("{{ name }}", {"name": "A&B <公司>"}) == [Block("A&B <公司>")]


def test_letter_filters_need_no_load():
    blocks = render_blocks(
        "{{ day|cn_date }}{{ reason|clause }}", {"day": D(2026, 3, 5), "reason": "需调取档案。"}
    )
    assert blocks == [Block("2026年3月5日需调取档案")]


def test_template_error_is_none_for_a_good_template():
    assert template_error("{% if a %}{{ b|cn_date }}{% endif %}") is None


def test_templates_see_plain_values_not_the_models_behind_them(in_progress):
    """Agency administrators edit templates: no path may lead to a user's password hash."""
    context = letter_context(in_progress, "receipt")
    for probe in ("{{ application.applicant.password }}", "{{ agency.memberships.all }}"):
        assert render_blocks(probe, context) == []
