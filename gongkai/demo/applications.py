"""Demo applications: the seed agency's one 2017 application (answered on time as 不属于本行政机关
公开), cases of every outcome for the demo agencies in 2017 (2008 regime) and 2019–2026 (2019
regime), and open cases in every state in late 2026. Deterministic (fixed random seed)."""

import datetime as dt
import random

from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.accounts.models import ApplicantType, User
from gongkai.applications import services as s
from gongkai.applications.models import Application
from gongkai.applications.notifications import suppressed
from gongkai.core.identifiers import credit_code_check_char, resident_id_check_char
from gongkai.regimes import get_regime
from gongkai.workdays.selectors import work_calendar

from .data.applications import COMPANIES, DEFAULT_TOPICS, GIVEN, ORGS, SURNAMES, TOPICS
from .progress import SILENT, Reporter


def _person(rng) -> dict:
    first17 = (
        f"4114{rng.randint(0, 99):02d}{rng.randint(1960, 2000)}{rng.randint(1, 12):02d}"
        f"{rng.randint(1, 28):02d}{rng.randint(100, 999)}"
    )
    return {
        "applicant_type": ApplicantType.NATURAL_PERSON,
        "applicant_id_type": "resident_id",
        "applicant_name": rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.randint(1, 2))),
        "applicant_identifier": first17 + resident_id_check_char(first17),
        "contact_phone": f"13{rng.randint(500000000, 999999999)}",
    }


def _organisation(rng, kind) -> dict:
    first17 = f"91411400MA{rng.randint(1000000, 9999999)}"
    name = rng.choice(COMPANIES) if kind == ApplicantType.COMMERCIAL else ORGS[kind]
    return {
        "applicant_type": kind,
        "applicant_name": name,
        "applicant_identifier": first17 + credit_code_check_char(first17),
        "contact_phone": f"0370-{rng.randint(2000000, 3999999)}",
    }


def _applicant(rng) -> dict:
    kind = rng.choices(
        [
            ApplicantType.NATURAL_PERSON,
            ApplicantType.COMMERCIAL,
            ApplicantType.RESEARCH,
            ApplicantType.SOCIAL_WELFARE,
            ApplicantType.LEGAL_SERVICE,
            ApplicantType.OTHER_ORG,
        ],
        weights=[70, 15, 4, 4, 4, 3],
    )[0]
    return _person(rng) if kind == ApplicantType.NATURAL_PERSON else _organisation(rng, kind)


def _png() -> SimpleUploadedFile:
    return SimpleUploadedFile("身份证明.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png")


class _Maker:
    def __init__(self, agencies, users):
        self.rng = random.Random(20170101)
        self.calendar = work_calendar()
        self.agencies = agencies
        self.users = users

    def staff(self, agency, role):
        return self.users.get((agency.code, role))

    def workday(self, year, month_from=1, month_to=12) -> dt.date:
        while True:
            day = dt.date(year, self.rng.randint(month_from, month_to), self.rng.randint(1, 28))
            if self.calendar.is_workday(day):
                return day

    def register(self, agency, received, **extra):
        channel = (
            extra.pop("channel", None)
            or self.rng.choices(
                ["in_person", "registered_mail", "ordinary_mail", "email", "fax"],
                weights=[40, 25, 15, 15, 5],
            )[0]
        )
        dates = (
            {"signed_on": received}
            if channel == "registered_mail"
            else (
                {"confirmed_on": received} if channel in {"ordinary_mail", "email", "fax"} else {}
            )
        )
        topic = self.rng.choice(TOPICS.get(agency.code, DEFAULT_TOPICS))
        fields = {
            **_applicant(self.rng),
            "info_title": f"{received.year - 1}年{topic}",
            "provision_form": self.rng.choice(["paper", "electronic"]),
            "delivery_method": self.rng.choice(["post", "email", "pickup"]),
            **extra,
        }
        application, _code = s.application_register(
            actor=self.staff(agency, "clerk"),
            agency=agency,
            channel=channel,
            submitted_on=received,
            **dates,
            **fields,
        )
        return s.application_start(actor=self.staff(agency, "clerk"), application=application)

    def decide(self, application, outcome, *, late=False, extend=False):
        agency, clerk = application.agency, self.staff(application.agency, "clerk")
        reviewer, head = self.staff(agency, "reviewer"), self.staff(agency, "head")
        regime = application.regime_obj
        due = self.calendar.add_workdays(application.received_on, regime.reply.workdays)
        if extend and clerk is not None:  # an extension is requested by a named clerk
            s.application_request_extension(
                actor=clerk, application=application, reason="所需信息涉及多个年度档案，需调取核查"
            )
            s.application_decide_extension(
                actor=head, application=application, approve=True, today=due
            )
            due = self.calendar.add_workdays(due, regime.extension.workdays)
        chosen = regime.outcome(outcome)
        s.application_draft_decision(
            actor=clerk,
            application=application,
            outcome=outcome,
            legal_basis=f"{regime.citation}{chosen.basis}",
            reasons="经审查，依法作出如下答复。",
            withheld="涉及第三方个人信息的部分" if chosen.withholds else "",
        )
        s.application_approve_decision(actor=reviewer, application=application)
        served = (
            self.calendar.add_workdays(due, 2)
            if late
            else self.calendar.add_workdays(
                application.received_on, self.rng.randint(3, regime.reply.workdays)
            )
        )
        if extend and clerk is not None and not late:
            served = due  # extended cases are answered on the last day of the extension
        s.application_serve(
            actor=clerk,
            application=application,
            method=self.rng.choice(["post", "direct", "electronic"]),
            served_on=served,
        )
        return s.application_close(actor=clerk, application=application, closed_on=served)


def _seed_2017_online(maker, agencies) -> None:
    """The seed report: 1 application in 2017, online, answered on time as not this agency's."""
    agency = agencies["411400-gxw"]
    person = User.objects.get(username="zhangsan")
    application, _code = s.application_submit_online(
        applicant=person,
        agency=agency,
        identity_proof=_png(),
        today=dt.date(2017, 8, 7),
        info_title="商丘市2016年城市供水水质检测报告",
        provision_form="electronic",
        delivery_method="email",
        description="市区自来水水质检测结果",
    )
    application = s.application_confirm_receipt(
        actor=maker.staff(agency, "clerk"),
        application=application,
        confirmed_on=dt.date(2017, 8, 7),
    )
    s.application_start(actor=maker.staff(agency, "clerk"), application=application)
    maker.decide(application, "s3_rep_not_this_agency")


def load_applications(agencies: dict, users: dict, *, reporter: Reporter = SILENT) -> int:
    """Create the demo cases unless some exist already. Returns how many were created."""
    if Application.objects.filter(agency__in=agencies.values()).exists():
        return 0
    with suppressed():
        _load(agencies, users, reporter)
    return Application.objects.filter(agency__in=agencies.values()).count()


def _load(agencies: dict, users: dict, reporter: Reporter) -> None:
    maker = _Maker(agencies, users)
    _seed_2017_online(maker, agencies)
    departments = [a for code, a in agencies.items() if code != "410000"]
    outcomes_2008 = [o.code for o in get_regime("2008").outcomes if not o.automatic]
    outcomes_2019 = [o.code for o in get_regime("2019").outcomes if not o.automatic]
    cycle = 0
    for agency in departments:
        if agency.code == "411400-gxw":
            continue  # the seed agency had exactly one application in 2017
        for _ in range(3):
            application = maker.register(agency, maker.workday(2017, 3, 11))
            maker.decide(
                application,
                outcomes_2008[cycle % len(outcomes_2008)],
                extend=maker.rng.random() < 0.15,
            )
            cycle += 1
    for year in reporter.steps(range(2019, 2026), desc="依申请公开申请"):
        start_month = 6 if year == 2019 else 1
        for agency in departments:
            for _ in range(maker.rng.randint(1, 3)):
                application = maker.register(agency, maker.workday(year, start_month, 11))
                roll = maker.rng.random()
                if year >= 2021 and roll < 0.05:
                    _fee_lapse(maker, application)
                elif roll < 0.10:
                    _correction_lapse(maker, application)
                else:
                    maker.decide(
                        application,
                        outcomes_2019[cycle % len(outcomes_2019)],
                        late=roll > 0.95,
                        extend=0.80 < roll <= 0.92,
                    )
                    cycle += 1
    withdrawn = maker.register(agencies["411400-czj"], dt.date(2025, 6, 9))
    s.application_withdraw(
        actor=maker.staff(withdrawn.agency, "clerk"),
        application=withdrawn,
        note="申请人来函撤回申请",
        withdrawn_on=dt.date(2025, 6, 16),
    )
    _open_cases_2026(maker, agencies["411400-gxw"])


def _correction_lapse(maker, application):
    clerk = maker.staff(application.agency, "clerk")
    asked = maker.calendar.add_workdays(application.received_on, 2)
    s.application_request_correction(
        actor=clerk,
        application=application,
        instructions="请写明所需信息的文号或形成时间",
        requested_on=asked,
        correction_due_on=asked + dt.timedelta(days=15),
    )
    s.application_lapse_correction(
        actor=clerk, application=application, today=asked + dt.timedelta(days=16)
    )


def _fee_lapse(maker, application):
    clerk = maker.staff(application.agency, "clerk")
    notice = maker.calendar.add_workdays(application.received_on, 3)
    s.application_send_fee_notice(
        actor=clerk, application=application, method="volume", units=260, notice_received_on=notice
    )
    s.application_lapse_fee(
        actor=clerk, application=application, today=maker.calendar.add_workdays(notice, 21)
    )


def _open_cases_2026(maker, agency):
    """One case in each open state at the end of November 2026, for the demo workbench."""
    D = dt.date
    clerk = maker.staff(agency, "clerk")
    reviewer = maker.staff(agency, "reviewer")
    person = User.objects.get(username="zhangsan")
    s.application_submit_online(
        applicant=person,
        agency=agency,
        identity_proof=_png(),
        today=D(2026, 11, 26),
        info_title="2026年企业技术改造补助资金分配结果",
        provision_form="electronic",
        delivery_method="download",
    )
    company = User.objects.get(username="sq_tech")
    s.application_submit_online(
        applicant=company,
        agency=agency,
        identity_proof=_png(),
        today=D(2026, 11, 20),
        info_title="智能工厂认定评审细则",
        provision_form="electronic",
        delivery_method="email",
    )
    s.application_register(
        actor=clerk,
        agency=agency,
        channel="in_person",
        submitted_on=D(2026, 11, 25),
        info_title="2026年市级工业发展专项资金项目申报指南",
        provision_form="paper",
        delivery_method="pickup",
        **_applicant(maker.rng),
    )
    maker.register(agency, D(2026, 11, 10))
    overdue = maker.register(agency, D(2026, 10, 9))
    s.application_request_extension(actor=clerk, application=overdue, reason="需征询多个科室")
    corr = maker.register(agency, D(2026, 11, 16))
    s.application_request_correction(
        actor=clerk,
        application=corr,
        instructions="请补充所需文件的文号",
        requested_on=D(2026, 11, 18),
        correction_due_on=D(2026, 12, 2),
    )
    cons = maker.register(agency, D(2026, 11, 3))
    s.application_start_consultation(
        actor=clerk,
        application=cons,
        party_kind="third_party",
        party_name="商丘金鼎食品有限公司",
        started_on=D(2026, 11, 9),
        letter_received_on=D(2026, 11, 10),
    )
    fee = maker.register(agency, D(2026, 11, 2))
    s.application_send_fee_notice(
        actor=clerk, application=fee, method="volume", units=150, notice_received_on=D(2026, 11, 12)
    )
    drafted = maker.register(agency, D(2026, 10, 27))
    s.application_draft_decision(
        actor=clerk,
        application=drafted,
        outcome="partial",
        legal_basis="《中华人民共和国政府信息公开条例》第三十七条",
        withheld="涉及企业商业秘密的报价部分",
    )
    approved = maker.register(agency, D(2026, 10, 20))
    s.application_draft_decision(
        actor=clerk,
        application=approved,
        outcome="granted",
        legal_basis="《中华人民共和国政府信息公开条例》第三十六条第（二）项",
    )
    s.application_approve_decision(actor=reviewer, application=approved)
    served = maker.register(agency, D(2026, 10, 13))
    s.application_draft_decision(
        actor=clerk,
        application=served,
        outcome="unable_not_held",
        legal_basis="《中华人民共和国政府信息公开条例》第三十六条第（四）项",
    )
    s.application_approve_decision(actor=reviewer, application=served)
    s.application_serve(actor=clerk, application=served, method="post", served_on=D(2026, 11, 6))
