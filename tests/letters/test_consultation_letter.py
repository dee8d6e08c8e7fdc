"""征求意见书: a third party is consulted under Art. 32 (silence is not consent: the agency
decides); another agency under Art. 34 only when the information was jointly produced, and only
then does its silence count as consent."""

import datetime as dt

import pytest

from gongkai.applications import services as s
from gongkai.applications.services import application_start
from gongkai.letters.render import compose_letter
from tests.applications.fixtures import register

D = dt.date


def _letter(application, clerk, party_kind, **extra):
    s.application_start_consultation(
        actor=clerk,
        application=application,
        party_kind=party_kind,
        party_name="商丘示例科技有限公司" if party_kind == "third_party" else "测试市乙局",
        started_on=D(2026, 3, 9),
        letter_received_on=D(2026, 3, 10),
        **extra,
    )
    application.refresh_from_db()
    return "\n".join(b.text for b in compose_letter(application, "consultation")[1])


def test_third_party_letter_cites_article_32_and_the_agency_decides(in_progress, clerk_a):
    text = _letter(in_progress, clerk_a, "third_party")
    assert (
        "《中华人民共和国政府信息公开条例》（国务院令第711号）第三十二条的规定，现书面征求贵方意见"
        in text
    )
    assert "第三十四条" not in text and "视为同意" not in text
    assert "逾期未提出意见的，由本机关依照" in text
    assert "自收到本征求意见书之日起15个工作日内" in text


def test_co_producing_agency_letter_cites_article_34_and_silence_is_consent(in_progress, clerk_a):
    text = _letter(in_progress, clerk_a, "agency", jointly_produced=True)
    assert "该政府信息由本机关与贵机关共同制作。根据《中华人民共和国政府信息公开条例》" in text
    assert "第三十四条的规定，现征求贵机关意见" in text
    assert "逾期未提出意见的，视为同意公开。" in text
    assert "第三十二条" not in text


def test_other_agency_letter_cites_no_article_and_promises_no_deemed_consent(in_progress, clerk_a):
    text = _letter(in_progress, clerk_a, "agency")
    assert "该政府信息涉及贵机关职责，现征求贵机关意见。" in text
    assert "第三十四条" not in text and "第三十二条" not in text
    assert "视为同意" not in text
    assert "逾期未提出意见的，由本机关依法决定是否公开。" in text


@pytest.mark.parametrize("party_kind", ["third_party"])
def test_2008_third_party_letter_cites_the_old_article_23(party_kind, clerk_a, dept_a):
    application = application_start(
        actor=clerk_a, application=register(clerk_a, dept_a, received=D(2017, 6, 1))
    )
    s.application_start_consultation(
        actor=clerk_a,
        application=application,
        party_kind=party_kind,
        party_name="商丘示例科技有限公司",
        started_on=D(2017, 6, 2),
        letter_received_on=D(2017, 6, 5),
    )
    application.refresh_from_db()
    text = "\n".join(b.text for b in compose_letter(application, "consultation")[1])
    assert "（国务院令第492号）第二十三条的规定，现书面征求贵方意见" in text
    assert "视为同意" not in text
