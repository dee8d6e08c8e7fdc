"""The 答复书's remedy paragraph, rendered for every outcome of both regimes on both sides of
2024-01-01: since then a 不予公开 reply (and the withheld part of a 部分公开) tells the applicant
that 复议 comes first (行政复议法 Art. 23(1)(4), (2)); before, and for every other outcome, 复议
or 诉讼."""

import datetime as dt

import pytest
from django.utils import timezone

from gongkai.applications.models import Application
from gongkai.applications.services import application_start
from gongkai.letters.render import compose_letter
from gongkai.regimes import get_regime
from tests.applications.fixtures import register
from tests.letters.helpers import decided

BEFORE, FROM = dt.date(2023, 12, 29), dt.date(2024, 1, 2)
FIRST = "应当先自收到本答复之日起六十日内向测试市人民政府申请行政复议（《中华人民共和国行政复议法》第二十条）"
CHOICE_2023 = (
    "可以自收到本答复之日起六十日内向测试市人民政府申请行政复议（《中华人民共和国行政复议法》"
    "第二十条），或者自收到本答复之日起六个月内依法向人民法院提起行政诉讼"
    "（《中华人民共和国行政诉讼法》第四十六条）"
)
CHOICE_1999 = (
    "可以自收到本答复之日起六十日内向测试市人民政府或者上一级主管部门申请行政复议"
    "（《中华人民共和国行政复议法》第九条），或者自收到本答复之日起六个月内依法向人民法院"
    "提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）"
)


def _outcomes(code):
    return [o for o in get_regime(code).outcomes if not o.automatic]


def _remedy_line(application, on):
    Application.objects.filter(pk=application.pk).update(
        approved_at=timezone.make_aware(dt.datetime.combine(on, dt.time(10)))
    )
    application.refresh_from_db()
    _title, blocks = compose_letter(application, "decision", today=on)
    lines = [b.text for b in blocks if "行政复议" in b.text]
    assert len(lines) == 1, lines
    return lines[0]


def _case(clerk, agency, regime):
    received = dt.date(2017, 6, 1) if regime == "2008" else dt.date(2023, 12, 1)
    return application_start(actor=clerk, application=register(clerk, agency, received=received))


@pytest.mark.parametrize(
    "regime, outcome",
    [(code, o) for code in ("2019", "2008") for o in _outcomes(code)],
    ids=lambda v: getattr(v, "code", v),
)
def test_remedy_paragraph_follows_outcome_and_decision_date(
    regime, outcome, clerk_a, reviewer_a, dept_a
):
    application = decided(_case(clerk_a, dept_a, regime), clerk_a, reviewer_a, outcome.code)
    assert application.regime == regime

    before = _remedy_line(application, BEFORE)
    assert before == f"您如对本答复不服，{CHOICE_1999}。"

    after = _remedy_line(application, FROM)
    if outcome.withholds and not outcome.discloses:  # 不予公开
        assert after.startswith(f"您如对本答复不服，{FIRST}；对行政复议决定不服的")
        assert "第二十三条第一款第（四）项、第二款" in after
        assert "六个月" not in after
    elif outcome.withholds:  # 部分公开: the withheld part first, the rest the choice
        assert after.startswith(f"您如对本答复中不予公开的部分不服，{FIRST}")
        assert after.endswith(f"如对本答复的其他内容不服，{CHOICE_2023}。")
    else:
        assert after == f"您如对本答复不服，{CHOICE_2023}。"


def test_a_government_s_own_reply_names_the_government_above(clerk_a, reviewer_a, city):
    from gongkai.agencies.models import Agency
    from tests.agencies.factories import AgencyFactory, MembershipFactory

    county = AgencyFactory(
        parent=city, code="county", name="测试县人民政府", kind=Agency.Kind.GOVERNMENT
    )
    clerk = MembershipFactory(agency=county, role="clerk").user
    reviewer = MembershipFactory(agency=county, role="reviewer").user
    application = decided(_case(clerk, county, "2019"), clerk, reviewer, "denied_state_secret")
    assert FIRST in _remedy_line(application, FROM)
    assert "向测试市人民政府申请行政复议（《中华人民共和国行政复议法》第九条）" in _remedy_line(
        application, BEFORE
    )


def test_without_a_government_above_the_letter_names_no_body(clerk_a, reviewer_a, city):
    from tests.agencies.factories import MembershipFactory

    clerk = MembershipFactory(agency=city, role="clerk").user
    reviewer = MembershipFactory(agency=city, role="reviewer").user
    application = decided(_case(clerk, city, "2019"), clerk, reviewer, "denied_state_secret")
    assert "应当先自收到本答复之日起六十日内依法申请行政复议" in _remedy_line(application, FROM)
