"""Suggesting earlier similar requests (possible repeat applications) by word segmentation."""

import datetime as dt

from gongkai.applications.similarity import keywords, similar_applications, similarity
from tests.applications.fixtures import register


def test_keywords_segment_chinese_and_keep_document_numbers():
    words = keywords("商丘市2025年工业发展专项资金拟支持项目名单 商工信〔2025〕12号")
    assert {"工业", "专项资金", "名单"} <= words
    assert "2025" in words and "12" in words
    assert "的" not in words


def test_same_request_again_by_the_same_applicant_ranks_first(clerk_a, dept_a):
    first = register(
        clerk_a,
        dept_a,
        received=dt.date(2026, 3, 2),
        info_title="2025年工业发展专项资金拟支持项目名单",
    )
    other_person = register(
        clerk_a,
        dept_a,
        received=dt.date(2026, 3, 3),
        info_title="2025年工业发展专项资金项目名单",
        applicant_identifier="440524188001010014",
    )
    register(clerk_a, dept_a, received=dt.date(2026, 3, 4), info_title="市区学校食堂检查记录")
    again = register(
        clerk_a,
        dept_a,
        received=dt.date(2026, 3, 9),
        info_title="请公开2025年工业发展专项资金拟支持的项目名单",
    )
    found = similar_applications(again)
    assert [app.pk for _score, app, _same in found] == [first.pk, other_person.pk]
    assert found[0][2] is True and found[1][2] is False


def test_unrelated_requests_score_low():
    assert similarity(keywords("环境影响评价批复"), keywords("教师招聘考试成绩")) == 0.0
