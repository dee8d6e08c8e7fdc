"""The "下一步：…，由…办理" line (core.next_steps), over a small workflow of its own: the steps
come from the workflow's transitions that the table offers, their labels from the workflow,
who takes them from the policy's rules, and what is awaited from the workflow's `waiting`."""

from types import SimpleNamespace

import pytest
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.agencies.policy import Policy, applicant_owns, has_capability
from gongkai.agencies.roles import Capability
from gongkai.core.actions import ACTION_TABLES, Action, ActionTable
from gongkai.core.next_steps import alternatives, next_steps
from gongkai.core.workflow import WORKFLOWS, Transition, Workflow
from tests.agencies.factories import MembershipFactory


class Stage(models.TextChoices):
    OPEN = "open", _("待办理")
    DRAFTED = "drafted", _("待审核")
    WAITING = "waiting", _("待对方答复")
    DONE = "done", _("已办结")


HANDLE = has_capability(Capability.HANDLE)
REVIEW = has_capability(Capability.REVIEW)
ALL = frozenset(Stage) - {Stage.DONE}


@pytest.fixture
def table():
    """A workflow, its policy and its table, registered for the test only."""
    workflow = Workflow(
        name="tests.Thing",
        statuses=Stage,
        audit_prefix="thing",
        refusal=_("不能%(action)s。"),
        transitions={
            "draft": Transition(frozenset({Stage.OPEN}), Stage.DRAFTED, _("拟稿")),
            "ask": Transition(frozenset({Stage.OPEN}), Stage.WAITING, _("征询对方")),
            "note": Transition(frozenset({Stage.OPEN}), None, _("记录备注")),
            "answer": Transition(frozenset({Stage.WAITING}), Stage.OPEN, _("收到答复")),
            "return": Transition(frozenset({Stage.DRAFTED}), Stage.OPEN, _("退回")),
            "approve": Transition(frozenset({Stage.DRAFTED}), Stage.DONE, _("审核通过")),
            "archive": Transition(frozenset({Stage.DRAFTED}), Stage.DONE, _("归档")),
            "drop": Transition(ALL, Stage.DONE, _("撤回"), aside=True),
        },
        waiting={Stage.WAITING: _("等待对方答复")},
    )
    policy = Policy(
        name="things",
        workflows=[workflow],
        rules={
            "draft": HANDLE,
            "ask": HANDLE,
            "note": HANDLE,
            "answer": HANDLE | applicant_owns(),
            "return": REVIEW,
            "approve": REVIEW,
            "archive": HANDLE,
            "drop": HANDLE | applicant_owns(),
        },
    )
    actions = ActionTable("tests.Thing", policy=policy, workflow=workflow)

    def run(actor, target, data):
        return target

    actions.add(
        *(
            Action(name, workflow.label(name), run)
            for name in ("draft", "ask", "note", "answer", "return", "approve", "drop")
        ),
        # Only when the thing has a file: a condition of the table, not of the workflow.
        Action("archive", _("归档"), run, when=lambda thing: thing.has_file),
    )
    yield actions
    WORKFLOWS.pop("tests.Thing")
    ACTION_TABLES.pop("tests.Thing")


def thing(agency, stage, *, has_file=False, applicant_id=None):
    return SimpleNamespace(
        status=stage, agency_id=agency.pk, has_file=has_file, applicant_id=applicant_id
    )


def test_the_steps_are_the_transitions_the_table_offers_from_the_state_in_the_workflows_order(
    table, dept_a
):
    """A status-keeping action (记录备注) and a way out marked aside (撤回) are no steps."""
    found = next_steps(table, thing(dept_a, Stage.OPEN))
    assert [(s.transition, str(s.label)) for s in found.steps] == [
        ("draft", "拟稿"),
        ("ask", "征询对方"),
    ]
    assert [tuple(map(str, s.holders)) for s in found.steps] == [("承办人",), ("承办人",)]
    assert not found.finished


def test_who_takes_a_step_is_read_from_its_rule_in_official_words(table, dept_a):
    found = next_steps(table, thing(dept_a, Stage.WAITING))
    (answer,) = found.steps
    assert [str(word) for word in answer.holders] == ["承办人", "申请人"]


def test_a_step_whose_action_does_not_apply_to_the_object_is_left_out(table, dept_a):
    without = next_steps(table, thing(dept_a, Stage.DRAFTED))
    assert [s.transition for s in without.steps] == ["return", "approve"]
    with_file = next_steps(table, thing(dept_a, Stage.DRAFTED, has_file=True))
    assert [s.transition for s in with_file.steps] == ["return", "approve", "archive"]


def test_a_user_without_the_step_is_told_who_takes_it(table, dept_a, clerk_a):
    found = next_steps(table, thing(dept_a, Stage.DRAFTED), user=clerk_a)
    assert found.sentence == "下一步：退回或审核通过，由审核人办理。"


def test_steps_of_different_people_are_grouped_by_who_takes_them(table, dept_a, clerk_a):
    reviewer = MembershipFactory(agency=dept_a, role="reviewer").user
    found = next_steps(table, thing(dept_a, Stage.DRAFTED, has_file=True), user=reviewer)
    assert [s.yours for s in found.steps] == [True, True, False]
    assert found.sentence == "下一步：归档，由承办人办理。"
    nobody = next_steps(table, thing(dept_a, Stage.DRAFTED, has_file=True))
    assert nobody.sentence == "下一步：退回或审核通过，由审核人办理；归档，由承办人办理。"


def test_the_users_own_steps_need_no_line(table, dept_a, clerk_a):
    found = next_steps(table, thing(dept_a, Stage.OPEN), user=clerk_a)
    assert all(step.yours for step in found.steps)
    assert found.parts == [] and found.sentence == ""


def test_a_state_waiting_outside_the_office_says_what_it_waits_for(table, dept_a, clerk_a):
    found = next_steps(table, thing(dept_a, Stage.WAITING), user=clerk_a)
    assert found.sentence == "下一步：等待对方答复。"
    reviewer = MembershipFactory(agency=dept_a, role="reviewer").user
    told = next_steps(table, thing(dept_a, Stage.WAITING), user=reviewer)
    assert told.sentence == "下一步：等待对方答复；收到答复，由承办人或申请人办理。"


def test_an_object_with_no_step_left_is_finished(table, dept_a, clerk_a):
    found = next_steps(table, thing(dept_a, Stage.DONE), user=clerk_a)
    assert found.finished and found.steps == ()
    assert found.sentence == "办理流程已结束（已办结），没有待办的下一步。"


def test_alternatives_read_as_chinese_lists():
    assert alternatives(["甲"]) == "甲"
    assert alternatives(["甲", "乙"]) == "甲或乙"
    assert alternatives(["甲", "乙", "丙"]) == "甲、乙或丙"


def test_every_capability_has_the_official_name_of_its_holder():
    from gongkai.agencies.roles import HOLDERS

    assert set(HOLDERS) == set(Capability.values)
    assert str(HOLDERS[Capability.REVIEW]) == "审核人"


def test_a_rule_that_depends_on_the_state_names_whoever_it_admits_in_that_state():
    """The catalogue's clerk cleans files while drafting, the reviewer during the review."""
    from gongkai.catalog.permissions import STRIP_METADATA

    draft, review = SimpleNamespace(status="draft"), SimpleNamespace(status="submitted")
    assert [str(w) for w in STRIP_METADATA.who(draft)] == ["承办人"]
    assert [str(w) for w in STRIP_METADATA.who(review)] == ["审核人"]
