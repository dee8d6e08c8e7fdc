"""Reports built from the records always pass the checks the importer applies to published ones:
every identity of the format, and the carry-over from last year's built report."""

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.applications.models import Application
from gongkai.regimes import REGIMES
from gongkai.reports.check import check
from gongkai.reports.compute import build
from gongkai.reports.formats import get_format
from tests.reports.fixtures import application

DAY0 = dt.date(2016, 1, 1)
OUTCOMES = {code: [o.code for o in regime.outcomes] for code, regime in REGIMES.items()}
APPLICANTS = ["natural_person", "commercial", "research", "social_welfare", "legal_service",
              "other_org"]  # fmt: skip
CHANNELS = ["online", "in_person", "fax", "email", "registered_mail", "ordinary_mail"]


@st.composite
def cases(draw):
    received = DAY0 + dt.timedelta(days=draw(st.integers(0, 3650)))
    regime = "2008" if received < dt.date(2019, 5, 15) else "2019"
    ending = draw(st.sampled_from(["served", "withdrawn", "open", "lapsed"]))
    concluded = received + dt.timedelta(days=draw(st.integers(0, 400)))
    fields = dict(
        received=received,
        regime=regime,
        applicant_type=draw(st.sampled_from(APPLICANTS)),
        channel=draw(st.sampled_from(CHANNELS)),
        extended=draw(st.booleans()),
        on_time=draw(st.sampled_from([True, False, None])),
    )
    if ending == "served":
        fields |= dict(served=concluded, outcome=draw(st.sampled_from(OUTCOMES[regime])))
    elif ending == "lapsed" and regime == "2019":
        fields |= dict(closed=concluded, outcome="other_overdue_correction")
    elif ending == "withdrawn":
        fields |= dict(closed=concluded, status="withdrawn")
    return fields


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(cases(), min_size=1, max_size=25), st.integers(2017, 2025))
def test_a_built_report_breaks_none_of_its_formats_rules(dept_a, records, year):
    Application.objects.filter(agency=dept_a).delete()
    for fields in records:
        application(dept_a, **fields)
    for format_id in ("gb2008", "gb2019", "gb2021"):
        fmt = get_format(format_id)
        this, last = build(fmt, dept_a, year), build(fmt, dept_a, year - 1)
        errors = [p.message for p in check(this, last) if p.severity == "error"]
        assert errors == [], format_id
