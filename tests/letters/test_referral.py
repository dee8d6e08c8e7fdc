"""行政查询事项 (2019 Art. 36(7)) is a referral: "告知申请人依照有关法律、行政法规的规定办理".
The 答复书 never announces 不予公开 on it alone, and names the special procedure where the clerk
gives it; the report still counts it in 不予公开 row 8."""

from gongkai.applications import services as s
from gongkai.letters.render import compose_letter
from gongkai.regimes.outcomes import G_DENIED, report_row


def _draft(application, clerk, reviewer, outcome="denied_admin_query", **extra):
    application = s.application_draft_decision(
        actor=clerk,
        application=application,
        outcome=outcome,
        legal_basis="《中华人民共和国政府信息公开条例》第三十六条第（七）项",
        **extra,
    )
    return s.application_approve_decision(actor=reviewer, application=application)


def _text(application):
    return "\n".join(b.text for b in compose_letter(application, "decision")[1])


def test_referral_names_the_procedure_the_clerk_gave_and_announces_no_denial(
    in_progress, clerk_a, reviewer_a
):
    application = _draft(
        in_progress,
        clerk_a,
        reviewer_a,
        referral_procedure="向不动产登记机构申请查询不动产登记资料。",
    )
    text = _text(application)
    assert "不予公开" not in text
    assert "您的申请事项属于行政查询事项，有关法律、行政法规对该信息的获取有特别规定。" in text
    assert (
        "根据《中华人民共和国政府信息公开条例》（国务院令第711号）第三十六条第（七）项的规定，"
        "请您依照有关法律、行政法规的规定办理（办理途径：向不动产登记机构申请查询不动产登记资料）。"
    ) in text


def test_referral_without_a_procedure_refers_to_the_laws(in_progress, clerk_a, reviewer_a):
    text = _text(_draft(in_progress, clerk_a, reviewer_a))
    assert "请您依照有关法律、行政法规的规定办理。" in text
    assert "办理途径" not in text and "不予公开" not in text


def test_referral_needs_no_withheld_part_and_still_counts_as_row_8(in_progress, clerk_a):
    application = s.application_draft_decision(
        actor=clerk_a,
        application=in_progress,
        outcome="denied_admin_query",
        legal_basis="《中华人民共和国政府信息公开条例》第三十六条第（七）项",
    )
    outcome = application.outcome_obj
    assert outcome.referral and not outcome.withholds and outcome.group == G_DENIED
    assert report_row("2019", outcome.code, "gb2021") == "denied_admin_query"


def test_a_procedure_is_kept_only_for_a_referral(in_progress, clerk_a, reviewer_a):
    application = _draft(
        in_progress,
        clerk_a,
        reviewer_a,
        outcome="denied_state_secret",
        withheld="全部内容",
        referral_procedure="向档案馆查询",
    )
    assert application.referral_procedure == ""
    text = _text(application)
    assert "本机关决定不予公开。理由如下：" in text and "办理途径" not in text
