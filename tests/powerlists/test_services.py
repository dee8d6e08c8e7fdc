"""Recording adjustments: codes, the checks on content and on every adjustment, the transition
table, permissions and the audit trail. Bad input changes nothing."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from gongkai.core.errors import DomainError, InvalidTransition
from gongkai.core.models import AuditEvent
from gongkai.powerlists import services as s
from gongkai.powerlists.models import PowerItem, PowerItemVersion
from tests.powerlists.fixtures import add, adjustment, content

pytestmark = pytest.mark.django_db
D = dt.date


def nothing_saved():
    return not PowerItem.objects.exists() and not PowerItemVersion.objects.exists()


def test_codes_are_numbered_per_type_and_never_reused(clerk_a, dept_a):
    first = add(clerk_a, dept_a)
    second = add(clerk_a, dept_a, name="无线电台（站）设置审批")
    fine = add(clerk_a, dept_a, power_type="punishment", name="节能处罚")
    other = add(clerk_a, dept_a, power_type="other", name="技术改造项目备案")
    assert [first.code, second.code, fine.code, other.code] == [
        "行政许可-001",
        "行政许可-002",
        "行政处罚-001",
        "其他-001",
    ]
    s.power_item_remove(actor=clerk_a, item=second, **adjustment(D(2016, 1, 1)))
    assert add(clerk_a, dept_a, name="第三项许可").code == "行政许可-003"


def test_a_given_code_is_kept_and_must_be_unique_in_the_agency(clerk_a, dept_a, dept_b):
    assert add(clerk_a, dept_a, code="XK-01").code == "XK-01"
    with pytest.raises(DomainError) as taken:
        add(clerk_a, dept_a, code="XK-01", name="另一项")
    assert taken.value.code == "code_taken" and taken.value.field == "code"
    assert PowerItem.objects.count() == 1


def test_a_code_with_a_slash_is_refused(clerk_a, dept_a):
    with pytest.raises(DomainError) as bad:
        add(clerk_a, dept_a, code="XK/01")
    assert bad.value.field == "code" and nothing_saved()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"legal_basis": "  "}, "legal_basis"),
        ({"name": ""}, "name"),
        ({"responsible_unit": ""}, "responsible_unit"),
        ({"power_type": "行政许诺"}, "power_type"),
        ({"name": "长" * 201}, "name"),
    ],
)
def test_bad_content_is_explained_and_nothing_is_saved(clerk_a, dept_a, overrides, field):
    with pytest.raises(DomainError) as refused:
        add(clerk_a, dept_a, **overrides)
    assert refused.value.field == field and refused.value.message
    assert nothing_saved() and not AuditEvent.objects.filter(action__startswith="powerlists")


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"reason": ""}, "reason"),
        ({"document": " "}, "document"),
        ({"effective_on": None}, "effective_on"),
        ({"effective_on": D(1999, 12, 31)}, "effective_on"),
    ],
)
def test_every_adjustment_needs_a_date_reason_and_document(clerk_a, dept_a, overrides, field):
    with pytest.raises(DomainError) as refused:
        s.power_item_add(actor=clerk_a, agency=dept_a, **(adjustment() | overrides), **content())
    assert refused.value.field == field and nothing_saved()


def test_the_type_may_be_given_by_its_chinese_name(clerk_a, dept_a):
    assert add(clerk_a, dept_a, power_type="行政检查").power_type == "inspection"


def test_a_change_keeps_the_fields_not_given(clerk_a, dept_a):
    item = add(clerk_a, dept_a)
    s.power_item_change(
        actor=clerk_a, item=item, responsible_unit="政策法规科", **adjustment(D(2019, 3, 1))
    )
    item.refresh_from_db()
    assert item.responsible_unit == "政策法规科" and item.legal_basis.startswith("《中华人民共和国")
    assert item.versions.get(number=2).name == item.name


def test_a_change_that_changes_nothing_is_refused(clerk_a, dept_a):
    item = add(clerk_a, dept_a)
    with pytest.raises(DomainError) as refused:
        s.power_item_change(actor=clerk_a, item=item, name=item.name, **adjustment(D(2017, 1, 1)))
    assert refused.value.code == "no_change" and item.versions.count() == 1


def test_a_removed_item_cannot_be_changed_or_removed_again(clerk_a, dept_a):
    item = add(clerk_a, dept_a)
    s.power_item_remove(actor=clerk_a, item=item, **adjustment(D(2017, 1, 1)))
    with pytest.raises(InvalidTransition):
        s.power_item_change(actor=clerk_a, item=item, name="新名", **adjustment(D(2017, 2, 1)))
    with pytest.raises(InvalidTransition):
        s.power_item_remove(actor=clerk_a, item=item, **adjustment(D(2017, 2, 1)))
    assert item.versions.count() == 2


def test_an_item_in_force_cannot_be_relisted(clerk_a, dept_a):
    item = add(clerk_a, dept_a)
    with pytest.raises(InvalidTransition):
        s.power_item_relist(actor=clerk_a, item=item, **adjustment(D(2017, 1, 1)))


def test_staff_of_another_agency_get_404(powerlist_clerk_b, clerk_a, dept_a):
    item = add(clerk_a, dept_a)
    with pytest.raises(Http404):
        s.power_item_remove(actor=powerlist_clerk_b, item=item, **adjustment(D(2017, 1, 1)))
    with pytest.raises(Http404):
        add(powerlist_clerk_b, dept_a)


def test_supervisors_and_reviewers_may_not_record_adjustments(
    supervisor, powerlist_reviewer_a, dept_a
):
    for user in (supervisor, powerlist_reviewer_a):
        with pytest.raises(PermissionDenied):
            add(user, dept_a)
    assert nothing_saved()


def test_every_adjustment_is_audited(clerk_a, dept_a):
    item = add(clerk_a, dept_a)
    s.power_item_remove(actor=clerk_a, item=item, **adjustment(D(2017, 1, 1), document="X号"))
    events = AuditEvent.objects.filter(
        object_id=str(item.pk), action__startswith="powerlists."
    ).order_by("pk")
    assert [e.action for e in events] == ["powerlists.add", "powerlists.remove"]
    assert events[1].changes["status"] == ["in_force", "removed"]
    assert events[1].note.startswith("X号") and events[1].actor == clerk_a
