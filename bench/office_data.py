"""The dataset of bench/office.py: one busy disclosure office (and a small one) as they stand on
the day of the run, written through the ORM with bulk_create.

`build(size, seed, today)` makes, under a city government (where a supervisor sits):

* the big office (a department): `size.applications` applications received over `size.years`
  years up to today, ids in received order, with their reply and 补正-notice deadlines (through
  `deadlines` models, counted by deadlines.services' own computation with the provisional
  calendar, so a case received now has a 暂定 date), consultations with their answer
  deadlines, fee windows, extension requests (granted and pending) and the timeline rows;
  `size.items` catalogue items over the same years with their categories, publishing channels,
  规范性文件 records, interpretations and publication deadlines;
* the small office (another department of the city) with a tenth of each: the same pages
  measured on it give the query count at another data size;
* users: three clerks (`clerk` handles most cases), a reviewer, a head and an admin per office,
  and a supervisor at the city.

Mixes (the busy office of a prefecture-level department, see docs/performance.md):
channels online 45%, registered mail 22%, in person 18%, e-mail 8%, ordinary mail 5%, fax 2%;
applicants 85% natural persons; 88% replied (served, then closed; ~1% of old replies never
closed, as happens), 4% withdrawn (a fifth of them before receipt), 3% lapsed after 补正,
0.5% lapsed after a fee notice, 0.3% stuck open for months; 5% extended, 3% replied late;
outcomes as bench/report_data.py (the 2019 Regulation's table 三 rows). What is still open
today is where its case would be: a tenth just received, then in progress, 补正, consultation,
fee, decision drafted or approved; the newest online submissions not yet confirmed.
Items: 96.5% published, 2% withdrawn, the rest drafts, submissions and approved items of the
last three months (some past the Art. 26 limit).
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter as Tally
from contextlib import contextmanager
from dataclasses import dataclass

from bench.report_data import DOCS, OUTCOMES_2019, SURNAMES, TOPICS, Pools, cumulative

GIVEN = "建国志强秀英桂兰明华丽娟海涛小红春梅晓东玉兰凤英文军振华淑珍国庆卫东德明宏伟"
CHANNELS = ["online", "registered_mail", "in_person", "email", "ordinary_mail", "fax"]
CHANNEL_WEIGHTS = cumulative([45, 22, 18, 8, 5, 2])
APPLICANT_TYPES = ["natural_person", "commercial", "research", "social_welfare",
                   "legal_service", "other_org"]  # fmt: skip
APPLICANT_WEIGHTS = cumulative([85, 7, 1, 1, 3, 3])
FATES = ["served", "withdrawn", "lapse_correction", "lapse_fee", "stuck"]
FATE_WEIGHTS = cumulative([92.2, 4, 3, 0.5, 0.3])
ITEM_CHANNELS = ["agency_website", "portal", "weibo", "wechat", "gazette", "media", "other"]
ITEM_CHANNEL_WEIGHTS = [90, 50, 20, 30, 3, 5, 2]
BATCH = 2000


@dataclass(frozen=True)
class Size:
    applications: int
    items: int
    years: int = 5

    def tenth(self) -> Size:
        return Size(max(50, self.applications // 10), max(100, self.items // 10), self.years)


@contextmanager
def explicit_times(*models):
    """bulk_create with the times we give: auto_now/auto_now_add off for these models."""
    saved = []
    for model in models:
        for field in model._meta.concrete_fields:
            if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                saved.append((field, field.auto_now, field.auto_now_add))
                field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, now, now_add in saved:
            field.auto_now, field.auto_now_add = now, now_add


def at(day: dt.date, hour: int = 10, minute: int = 0) -> dt.datetime:
    from django.utils import timezone

    return timezone.make_aware(dt.datetime(day.year, day.month, day.day, hour, minute))


class Deadlines:
    """Deadline rows computed as deadlines.services computes them (the provisional calendar,
    the regime's limits), memoised by (kind, start, extended): thousands of cases share a day."""

    def __init__(self):
        from gongkai.workdays.selectors import provisional_calendar

        self.calendar = provisional_calendar()
        self.memo = {}
        self.rows = []

    def _computed(self, kind, start, extended):
        from gongkai.deadlines.models import Deadline
        from gongkai.deadlines.services import _compute

        key = (kind, start, extended)
        if key not in self.memo:
            probe = Deadline(kind=kind, regime="2019", start=start, extended=extended, pauses=[])
            _compute(probe, self.calendar)
            self.memo[key] = (probe.due, probe.pending_reason, probe.trace, probe.provisional)
        return self.memo[key]

    def due(self, kind, start, extended=False):
        return self._computed(kind, start, extended)[0]

    def add(self, *, agency, subject, content_type, kind, start, extended=False, open_=True,
            closed_on=None):  # fmt: skip
        from gongkai.deadlines.models import Deadline

        due, reason, trace, provisional = self._computed(kind, start, extended)
        self.rows.append(
            Deadline(
                agency=agency,
                content_type=content_type,
                object_id=str(subject.pk),
                subject_repr=str(subject)[:300],
                kind=kind,
                regime="2019",
                start=start,
                extended=extended,
                pauses=[],
                due=due,
                provisional=provisional,
                pending_reason=reason,
                trace=trace,
                is_open=open_,
                opened_at=at(start, 9),
                closed_at=None if open_ else at(closed_on or start, 17),
            )
        )

    def save(self):
        from gongkai.deadlines.models import Deadline

        with explicit_times(Deadline):
            Deadline.objects.bulk_create(self.rows, batch_size=BATCH)
        self.rows = []


def _days(rng, today, years, n):
    """n receipt days over `years` years up to today, workdays five times as likely, sorted."""
    first = today.replace(year=today.year - years).toordinal() + 1
    ordinals = list(range(first, today.toordinal() + 1))
    weights = cumulative([1 if dt.date.fromordinal(o).weekday() >= 5 else 5 for o in ordinals])
    return sorted(dt.date.fromordinal(o) for o in rng.choices(ordinals, cum_weights=weights, k=n))


def _name(rng, kind):
    if kind == "natural_person":
        return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
    return f"{rng.choice(CITY)}{rng.choice(TOPICS)[:2]}{rng.choice(ORG_KINDS)}"


CITY = ["商丘", "郑州", "开封", "洛阳", "许昌", "周口"]
ORG_KINDS = ["有限公司", "律师事务所", "研究院", "协会", "合作社"]


class Office:
    """One office's users and agency, and (after build) what the bench measures on it."""

    def __init__(self, agency, users):
        self.agency = agency
        self.users = users  # role key -> user
        self.facts = {}


def _users(prefix, agency, roles, phone_base):
    from gongkai.accounts.models import User
    from gongkai.agencies.models import Membership

    users = {}
    for i, (key, role, name) in enumerate(roles):
        user = User.objects.create_user(
            username=f"{prefix}{key}",
            password=None,
            first_name=name[1:],
            last_name=name[0],
            phone=f"1390000{phone_base + i:04d}",
        )
        Membership.objects.create(user=user, agency=agency, role=role)
        users[key] = user
    return users


STAFF = [
    ("clerk", "clerk", "李明"),
    ("clerk2", "clerk", "王芳"),
    ("clerk3", "clerk", "张伟"),
    ("reviewer", "reviewer", "刘洋"),
    ("head", "head", "陈静"),
    ("admin", "admin", "杨帆"),
]


def build(size: Size, *, seed: int, today: dt.date, log=print) -> dict:
    """The whole dataset; returns {"big": Office, "small": Office, "supervisor": user,
    "counts": {table: rows}}."""
    from gongkai.agencies.models import Agency
    from gongkai.agencies.services import agency_create

    rng = random.Random(seed)
    pools = Pools(rng)
    city = agency_create(
        actor=None, parent=None, code="bench-city", name="商丘市人民政府",
        level=Agency.Level.CITY, kind=Agency.Kind.GOVERNMENT,
    )  # fmt: skip
    offices = {}
    for key, code, name, office_size, base in (
        ("big", "bench-big", "商丘市工业和信息化局", size, 0),
        ("small", "bench-small", "商丘市统计局", size.tenth(), 100),
    ):
        agency = agency_create(
            actor=None, parent=city, code=code, name=name,
            level=Agency.Level.CITY, kind=Agency.Kind.DEPARTMENT,
        )  # fmt: skip
        office = Office(agency, _users(f"{key}-", agency, STAFF, base))
        log(f"  {name}: {office_size.applications:,} applications, {office_size.items:,} items")
        _applications(rng, pools, office, office_size, today)
        _items(rng, pools, office, office_size, today)
        offices[key] = office
    supervisor = _users("city-", city, [("supervisor", "supervisor", "赵敏")], 200)["supervisor"]
    return {**offices, "supervisor": supervisor}


# --------------------------------------------------------------------------------------------
# Applications


def _open_status(rng, progress):
    if progress < 0.1:
        return "received"
    if progress < 0.65:
        return rng.choices(
            ["in_progress", "awaiting_correction", "consulting", "awaiting_fee"],
            cum_weights=cumulative([74, 12, 10, 4]),
        )[0]
    return "decision_drafted" if progress < 0.9 else "decision_approved"


def _applications(rng, pools, office, size, today):
    from django.contrib.contenttypes.models import ContentType

    from gongkai.applications.models import Application, Consultation, ExtensionRequest
    from gongkai.core.models import StatusChange
    from gongkai.deadlines.models import Deadline

    agency, users = office.agency, office.users
    clerks = [users["clerk"], users["clerk2"], users["clerk3"]]
    reviewer, head = users["reviewer"], users["head"]
    outcomes = [c for c, _w in OUTCOMES_2019]
    outcome_weights = cumulative([w for _c, w in OUTCOMES_2019])
    app_type = ContentType.objects.get_for_model(Application)
    consultation_type = ContentType.objects.get_for_model(Consultation)
    deadlines = Deadlines()
    received_days = _days(rng, today, size.years, size.applications)
    serials = Tally()
    rows, plans = [], []
    for received in received_days:
        channel = rng.choices(CHANNELS, cum_weights=CHANNEL_WEIGHTS)[0]
        kind = rng.choices(APPLICANT_TYPES, cum_weights=APPLICANT_WEIGHTS)[0]
        fate = rng.choices(FATES, cum_weights=FATE_WEIGHTS)[0]
        submitted = received - dt.timedelta(days=rng.choice((0, 0, 0, 1, 2)))
        serials[submitted.year] += 1
        number = f"{agency.code}-{submitted.year}-{serials[submitted.year]:05d}"
        extended = rng.random() < 0.05
        late = rng.random() < 0.03
        took = rng.randint(3, 27) + (rng.randint(21, 30) if extended else 0)
        took += rng.randint(10, 40) if late else 0
        served = received + dt.timedelta(days=took)
        row = Application(
            agency=agency,
            number=number,
            query_code_hash="0" * 64,
            channel=channel,
            applicant_type=kind,
            applicant_name=_name(rng, kind),
            applicant_id_type="resident_id" if kind == "natural_person" else "credit_code",
            applicant_identifier=f"4114{rng.randrange(10**13, 10**14)}",
            contact_phone=f"13{rng.randrange(10**8, 10**9)}",
            contact_address=pools.addresses[rng.randrange(400)],
            info_title=pools.titles[rng.randrange(400)],
            doc_number=f"商工信〔{rng.randint(2015, 2026)}〕{rng.randint(1, 200)}号"
            if rng.random() < 0.2
            else "",
            description=pools.descriptions[rng.randrange(400)],
            provision_form=rng.choice(("paper", "electronic", "electronic")),
            delivery_method=rng.choice(("post", "email", "download", "pickup")),
            submitted_on=submitted,
            received_on=received,
            receipt_basis="confirmed" if channel == "online" else "submitted",
            confirmed_on=received if channel == "online" else None,
            regime="2019",
            status="closed",
            extended=False,
            assigned_to=rng.choices(clerks, cum_weights=(50, 80, 100))[0],
            created_at=at(submitted, 9, rng.randrange(60)),
            updated_at=at(min(served, today), 16),
        )
        plan = {"received": received, "extended": extended, "served": served, "steps": []}
        steps = plan["steps"]
        steps.append(("submit", "", "submitted", submitted))
        steps.append(("confirm_receipt", "submitted", "received", received))
        if fate == "withdrawn":
            row.status, row.closed_on = "withdrawn", received + dt.timedelta(rng.randint(1, 10))
            if rng.random() < 0.2 or row.closed_on > today:  # before receipt
                row.received_on, row.receipt_basis, row.confirmed_on = None, "", None
                row.regime, row.closed_on = "", min(submitted + dt.timedelta(1), today)
                row.assigned_to, steps[1:] = None, []
            steps.append(("withdraw", steps[-1][2], "withdrawn", row.closed_on))
        elif fate == "lapse_correction" and served <= today:
            row.correction_requested_on = received + dt.timedelta(rng.randint(1, 6))
            row.correction_instructions = "请明确所需信息的名称、文号或者便于查询的其他特征性描述。"
            row.correction_due_on = row.correction_requested_on + dt.timedelta(15)
            row.status, row.closed_on = "closed", row.correction_due_on + dt.timedelta(1)
            row.outcome, row.legal_basis = "other_overdue_correction", "《条例》第三十条"
            steps.append(("start", "received", "in_progress", received))
            steps.append(("request_correction", "in_progress", "awaiting_correction",
                          row.correction_requested_on))  # fmt: skip
            steps.append(("lapse_correction", "awaiting_correction", "closed", row.closed_on))
        elif fate == "lapse_fee" and served <= today:
            row.fee_method, row.fee_units, row.fee_amount = "by_piece", 12, 100
            row.fee_notice_received_on = received + dt.timedelta(5)
            row.status, row.closed_on = "closed", served
            row.outcome, row.legal_basis = "other_overdue_fee", "《政府信息公开信息处理费管理办法》"
            steps.append(("start", "received", "in_progress", received))
            steps.append(
                ("send_fee_notice", "in_progress", "awaiting_fee", received + dt.timedelta(4))
            )
            steps.append(("lapse_fee", "awaiting_fee", "closed", served))
        elif fate == "stuck" or served > today:
            progress = (today - received).days / max(1, (served - received).days)
            if fate == "stuck":
                progress = rng.uniform(0.15, 0.8)
            row.status = _open_status(rng, progress)
            row.extended = extended and row.status not in ("received",)
            plan["extended"] = row.extended
            row.updated_at = at(today - dt.timedelta(rng.randint(0, 3)), 11)
            _open_case(rng, row, plan, today, outcomes, outcome_weights, reviewer)
        else:
            row.extended = extended
            row.outcome = rng.choices(outcomes, cum_weights=outcome_weights)[0]
            row.legal_basis = "《中华人民共和国政府信息公开条例》第三十六条"
            row.decided_by, row.approved_by = row.assigned_to, reviewer
            row.approved_at = at(served - dt.timedelta(1), 15)
            row.service_method, row.served_on = "post", served
            due = deadlines.due("reply", received, extended)
            row.on_time = None if due is None else served <= due
            stays_served = (today - served).days <= 7 or rng.random() < 0.01
            row.status = "served" if stays_served else "closed"
            if not stays_served:
                row.closed_on = min(today, served + dt.timedelta(rng.randint(0, 5)))
            if rng.random() < 0.003:
                row.fee_method, row.fee_units, row.fee_amount = "by_piece", 3, 150
                row.fee_notice_received_on = received + dt.timedelta(3)
                row.fee_paid_on = received + dt.timedelta(6)
            steps.append(("start", "received", "in_progress", received + dt.timedelta(1)))
            steps.append(("draft_decision", "in_progress", "decision_drafted",
                          served - dt.timedelta(2)))  # fmt: skip
            steps.append(("approve_decision", "decision_drafted", "decision_approved",
                          served - dt.timedelta(1)))  # fmt: skip
            steps.append(("serve", "decision_approved", "served", served))
            if row.closed_on:
                steps.append(("close", "served", "closed", row.closed_on))
        if row.status == "received":
            row.assigned_to = None
        rows.append(row)
        plans.append(plan)
    # Unconfirmed online submissions: half of the last two days', and one waiting since a week.
    waiting_since = False
    for row, plan in zip(reversed(rows), reversed(plans), strict=True):
        if row.channel != "online" or row.status not in ("received", "in_progress"):
            continue
        age = (today - row.received_on).days
        if age <= 2 and rng.random() < 0.5:
            _unconfirm(row, plan)
        elif 8 <= age <= 12 and not waiting_since:
            _unconfirm(row, plan)
            waiting_since = True
    with explicit_times(Application):
        Application.objects.bulk_create(rows, batch_size=BATCH)
    # Deadlines, consultations, extensions and the timeline, now that the rows have keys.
    consultations, extensions, changes = [], [], []
    pending_extensions = 0
    for row, plan in zip(rows, plans, strict=True):
        _deadlines_of(deadlines, agency, app_type, row, plan, today)
        if row.status == "consulting":
            consultations.append(
                Consultation(
                    application=row,
                    party_kind="third_party",
                    party_name=f"{rng.choice(CITY)}{rng.choice(TOPICS)[:2]}有限公司",
                    started_on=plan["consulted"],
                    letter_received_on=plan["consulted"] + dt.timedelta(2),
                )
            )
        if plan["extended"]:
            extensions.append(
                ExtensionRequest(
                    application=row,
                    reason="需要征求多个部门意见，正当理由延长答复期限。",
                    requested_by=row.assigned_to or head,
                    requested_at=at(plan["received"] + dt.timedelta(14), 10),
                    approved=True,
                    decided_by=head,
                    decided_at=at(plan["received"] + dt.timedelta(15), 10),
                )
            )
        elif row.status == "in_progress" and pending_extensions < max(2, size.applications // 2500):
            pending_extensions += 1
            extensions.append(
                ExtensionRequest(
                    application=row,
                    reason="所需信息涉及多个年度档案，需调取核对。",
                    requested_by=row.assigned_to or head,
                    requested_at=at(today - dt.timedelta(1), 10),
                )
            )
        actor = row.assigned_to
        for i, (action, old, new, day) in enumerate(plan["steps"]):
            changes.append(
                StatusChange(
                    content_type=app_type,
                    object_id=row.pk,
                    action=action,
                    old_status=old,
                    new_status=new,
                    actor=None
                    if action == "submit"
                    else (reviewer if "approve" in action else actor),
                    at=at(day, 9 + i % 8, 7 * i % 60),
                    note="",
                )
            )
    deadlines.save()
    Consultation.objects.bulk_create(consultations, batch_size=BATCH)
    for consultation in consultations:
        deadlines.add(
            agency=agency,
            subject=consultation,
            content_type=consultation_type,
            kind=Deadline.Kind.CONSULTATION,
            start=consultation.letter_received_on,
        )
    deadlines.save()
    with explicit_times(ExtensionRequest, StatusChange):
        ExtensionRequest.objects.bulk_create(extensions, batch_size=BATCH)
        StatusChange.objects.bulk_create(changes, batch_size=BATCH)
    office.facts["applications"] = len(rows)


def _unconfirm(row, plan):
    row.status, row.received_on, row.receipt_basis, row.confirmed_on = "submitted", None, "", None
    row.regime, row.assigned_to, row.extended = "", None, False
    plan["steps"][1:] = []
    plan["extended"] = False


def _open_case(rng, row, plan, today, outcomes, outcome_weights, reviewer):
    """The fields and steps of a case still open today, by its status."""
    received, steps = plan["received"], plan["steps"]
    status = row.status
    if status == "received":
        return
    started = min(today, received + dt.timedelta(1))
    steps.append(("start", "received", "in_progress", started))
    if status == "awaiting_correction":
        row.correction_requested_on = min(today, received + dt.timedelta(rng.randint(1, 5)))
        row.correction_instructions = "请补充所需信息的文号或者形成时间。"
        row.correction_due_on = row.correction_requested_on + dt.timedelta(15)
        steps.append(("request_correction", "in_progress", status, row.correction_requested_on))
    elif status == "consulting":
        plan["consulted"] = min(today, received + dt.timedelta(rng.randint(2, 8)))
        steps.append(("start_consultation", "in_progress", status, plan["consulted"]))
    elif status == "awaiting_fee":
        row.fee_method, row.fee_units, row.fee_amount = "by_piece", 15, 200
        row.fee_notice_received_on = min(today, received + dt.timedelta(rng.randint(3, 8)))
        steps.append(("send_fee_notice", "in_progress", status, row.fee_notice_received_on))
    elif status in ("decision_drafted", "decision_approved"):
        row.outcome = rng.choices(outcomes, cum_weights=outcome_weights)[0]
        row.legal_basis = "《中华人民共和国政府信息公开条例》第三十六条"
        row.decided_by = row.assigned_to
        drafted = min(today, received + dt.timedelta(rng.randint(3, 15)))
        steps.append(("draft_decision", "in_progress", "decision_drafted", drafted))
        if status == "decision_approved":
            row.approved_by, row.approved_at = reviewer, at(today, 9)
            steps.append(("approve_decision", "decision_drafted", status, today))


def _deadlines_of(deadlines, agency, app_type, row, plan, today):
    from gongkai.deadlines.models import Deadline

    if row.received_on is None:
        return
    status = row.status
    reply_open = status in ("received", "in_progress", "consulting", "awaiting_fee",
                            "decision_drafted", "decision_approved")  # fmt: skip
    notice_open = status in ("received", "in_progress", "consulting", "awaiting_fee")
    ended = row.closed_on or row.served_on or row.correction_requested_on or today
    deadlines.add(
        agency=agency, subject=row, content_type=app_type, kind=Deadline.Kind.REPLY,
        start=row.received_on, extended=plan["extended"], open_=reply_open, closed_on=ended,
    )  # fmt: skip
    deadlines.add(
        agency=agency, subject=row, content_type=app_type, kind=Deadline.Kind.CORRECTION_NOTICE,
        start=row.received_on, open_=notice_open, closed_on=ended,
    )  # fmt: skip
    if status == "awaiting_fee":
        deadlines.add(
            agency=agency, subject=row, content_type=app_type, kind=Deadline.Kind.FEE_PAYMENT,
            start=row.fee_notice_received_on,
        )  # fmt: skip


# --------------------------------------------------------------------------------------------
# Catalogue


def _items(rng, pools, office, size, today):
    from django.contrib.contenttypes.models import ContentType

    from gongkai.catalog.models import Category, ChannelRecord, Item, NormativeRecord
    from gongkai.deadlines.models import Deadline

    agency, users = office.agency, office.users
    author, reviewer = users["clerk"], users["reviewer"]
    categories = list(
        Category.objects.filter(agency__isnull=True, facet=Category.Facet.STATUTORY).order_by("pk")
    )
    topics = list(
        Category.objects.filter(agency__isnull=True, facet=Category.Facet.TOPIC).order_by("pk")
    )
    item_type = ContentType.objects.get_for_model(Item)
    days = _days(rng, today - dt.timedelta(1), size.years, size.items)
    serials = Tally()
    prefix = agency.credit_code or agency.code
    rows, plans = [], []
    recent = today - dt.timedelta(90)
    for created in days:
        category = rng.choice(categories)
        serials[(category.code, created.year)] += 1
        roll = rng.random()
        status = "published" if roll < 0.98 else "withdrawn"
        if created >= recent and rng.random() < 0.08:
            status = rng.choices(("draft", "submitted", "approved"), cum_weights=(70, 90, 100))[0]
        published = created + dt.timedelta(rng.randint(0, 10))
        if status in ("published", "withdrawn") and published >= today:
            published = today - dt.timedelta(1)
        public = status in ("published", "withdrawn")
        row = Item(
            agency=agency,
            issuer=agency,
            index_number=f"{prefix}/{category.code}-{created.year}-"
            f"{serials[(category.code, created.year)]:05d}",
            title=pools.item_titles[rng.randrange(800)],
            doc_number=f"商工信〔{created.year}〕{rng.randint(1, 300)}号"
            if rng.random() < 0.6
            else "",
            created_on=created,
            summary=f"{rng.choice(TOPICS)}{rng.choice(DOCS)}的主要内容。",
            body=f"<p>{pools.bodies[rng.randrange(400)]}</p>",
            disclosure="active",
            validity=rng.choices(("valid", "expired", "abolished"), cum_weights=(90, 97, 100))[0],
            status=status,
            author=author,
            reviewed_by=reviewer if status != "draft" and status != "submitted" else None,
            reviewed_at=at(published, 9) if status not in ("draft", "submitted") else None,
            published_at=at(published, 10, rng.randrange(60)) if public else None,
            withdrawn_at=at(published + dt.timedelta(30), 10) if status == "withdrawn" else None,
            withdrawal_reason="内容有误，已重新发布。" if status == "withdrawn" else "",
            created_at=at(created, 9),
            updated_at=at(published if public else today - dt.timedelta(rng.randint(0, 20)), 11),
        )
        rows.append(row)
        plans.append((category, published, public))
    # Interpretations (2%) of an earlier item of the same office.
    for index in range(len(rows) // 50, len(rows), 50):
        rows[index].interpretation_form = rng.choice(("text", "graphic", "video"))
        plans[index] = (*plans[index], index - rng.randint(1, len(rows) // 50))
    with explicit_times(Item):
        Item.objects.bulk_create(rows, batch_size=BATCH)
        for index, plan in enumerate(plans):
            if len(plan) == 4:
                rows[index].interprets_id = rows[plan[3]].pk
        Item.objects.bulk_update(
            [row for row in rows if row.interpretation_form], ["interprets"], batch_size=BATCH
        )
    through = Item.categories.through
    links, channels, normative = [], [], []
    deadlines = Deadlines()
    for row, (category, published, public, *_rest) in zip(rows, plans, strict=True):
        links.append(through(item_id=row.pk, category_id=category.pk))
        if rng.random() < 0.5:
            links.append(through(item_id=row.pk, category_id=rng.choice(topics).pk))
        if public:
            k = rng.choices((1, 2, 3), cum_weights=(45, 85, 100))[0]
            for channel in _sample(rng, ITEM_CHANNELS, ITEM_CHANNEL_WEIGHTS, k):
                channels.append(
                    ChannelRecord(
                        item=row,
                        channel=channel,
                        published_on=published,
                        recorded_by=author,
                        recorded_at=at(published, 11),
                    )
                )
            if rng.random() < 0.015:
                normative.append(
                    NormativeRecord(
                        item=row,
                        registration_number=f"{agency.code}-{published.year}-{len(normative) + 1:05d}",
                        issued_on=row.created_on,
                        effective_on=published,
                    )
                )
        deadlines.add(
            agency=agency,
            subject=row,
            content_type=item_type,
            kind=Deadline.Kind.PUBLICATION,
            start=row.created_on,
            open_=not public,
            closed_on=published,
        )
    through.objects.bulk_create(links, batch_size=BATCH)
    with explicit_times(ChannelRecord):
        ChannelRecord.objects.bulk_create(channels, batch_size=BATCH)
    NormativeRecord.objects.bulk_create(normative, batch_size=BATCH)
    deadlines.save()
    office.facts["items"] = len(rows)


def _sample(rng, values, weights, k):
    chosen = []
    while len(chosen) < k:
        value = rng.choices(values, weights=weights)[0]
        if value not in chosen:
            chosen.append(value)
    return chosen
