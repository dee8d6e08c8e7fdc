"""Demo consultations and responses to public concerns. Deterministic (fixed random seed);
loaded once (nothing happens if the seed agency already has any).

The seed agency 商丘市工业和信息化委员会 (411400-gxw) in 2017 reproduces its annual report:

- the two drafts it put out for comment: 《关于支持工业企业开展大众创业万众创新的实施意见》
  (2017-04-10 to 2017-05-10, the 30 days its catalogue notice announced) and 《关于征集市级领导
  与企业家座谈会参会企业的公告》 (2017-04-20 to 2017-05-05, ten working days), each with a few
  comments — published, answered, one hidden advert — and the 采纳情况 published afterwards;
- two responses, both 做客《行风热线》 by the director 刘明亮 (4 月 14 日, 8 月 14 日), linked to
  the catalogue's reports of them when the catalogue demo is loaded; no press conference,
  online interview or 微博/微信 response.

With the catalogue's two 2017 政策解读 that gives the 统计表's 回应解读 rows exactly:
s2_hotspots 4 = 0 press conferences + 0 interviews + 2 interpretations + 0 微博微信 + 2 other.

Every other catalogue agency gets, for 2019–2026, one consultation a year on the draft of a
规范性文件 its catalogue published that year (linked as the final decision) and one to four
responses of mixed kinds. In November 2026 the seed agency also has one consultation open for
comment (with a comment still pending), one scheduled and one draft.

Load after the catalogue demo (`gongkai.demo.catalog.load_catalog`), so drafts can link to
their final decisions; without it the consultations are made without links.
"""

import datetime as dt
import random
import re

from django.db import transaction
from django.utils import timezone

from gongkai.catalog.models import Item
from gongkai.catalog.states import ItemStatus
from gongkai.engagement import services as s
from gongkai.engagement.models import Comment, ConcernResponse, Consultation

from .accounts import load_public_users, load_staff_users
from .agencies import load_agencies
from .data.agencies import SEED_AGENCY_CODE
from .data.catalog import AGENCIES
from .data.engagement import (
    ANONYMOUS_NAMES,
    ANSWERS,
    BASIS,
    CONCERNS,
    GENERIC_COMMENTS,
    GIVEN,
    REASONS,
    SEED_CONSULTATIONS,
    SEED_HOTLINES,
    STAFF,
    SUBJECTS,
    SURNAMES,
    TODAY_CONSULTATIONS,
)
from .progress import SILENT, Reporter

YEARS = range(2019, 2027)
LAST_DAY = dt.date(2026, 11, 20)


def at(day: dt.date, hour: int = 9, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def answer_for(rng) -> str:
    return rng.choice(ANSWERS)


def reason_for(adoption: str, rng) -> str:
    return rng.choice(REASONS[adoption])


def draft_text_for(title: str, subject: str) -> str:
    name = title.replace("（征求意见稿）", "").replace("（修订征求意见稿）", "")
    return (
        f"<p>第一条　为规范和加强{subject}工作，根据有关法律法规，结合本市实际，制定《{name}》。</p>"
        "<p>第二条　本办法适用于本行政区域内的相关管理和服务活动。</p>"
        "<p>第三条　有关部门应当按照职责分工，做好组织实施和监督检查工作。</p>"
        "<p>第四条　本办法自印发之日起施行。</p>"
    )


class _Loader:
    def __init__(self, agencies, users):
        self.agencies = agencies
        self.users = users
        self.rng = random.Random(20170414)
        self.counts = {"consultations": 0, "comments": 0, "responses": 0, "decisions_linked": 0}

    def staff(self, code):
        return self.users.get(STAFF.get(code, ""))

    # Consultations --------------------------------------------------------------------------

    def consult(self, code, spec: dict, comments: list[dict], *, decision=None, feedback=True):
        """Draft, publish, take comments, moderate, answer, assess, publish the 采纳情况
        and link the final decision, each at its own moment, through the services."""
        actor = self.staff(code)
        consultation = s.consultation_create(
            actor=actor, agency=self.agencies[code], **{k: v for k, v in spec.items()}
        )
        s.consultation_publish(actor=actor, consultation=consultation, now=at(spec["opens_on"]))
        self.counts["consultations"] += 1
        for entry in comments:
            self.comment(consultation, actor, entry)
        closed = spec["closes_on"] < LAST_DAY
        if feedback and closed:
            self.assess_and_publish(consultation, actor, comments)
        if decision is not None:
            when = max(decision.published_at, at(spec["closes_on"] + dt.timedelta(days=6), 10))
            s.consultation_link_decision(
                actor=actor,
                consultation=consultation,
                item=decision,
                now=when + dt.timedelta(hours=1),
            )
            self.counts["decisions_linked"] += 1
        return consultation

    def comment(self, consultation, actor, entry: dict) -> Comment:
        comment = s.comment_submit(
            consultation=consultation,
            author=self.users.get(entry.get("user", "")),
            display_name=entry.get("name", ""),
            text=entry["text"],
            now=at(entry["day"], entry.get("hour", 10), entry.get("minute", 0)),
        )
        self.counts["comments"] += 1
        entry["_comment"] = comment
        moderated = entry["day"] + dt.timedelta(days=1)
        if entry.get("hide"):
            s.comment_moderate(
                actor=actor,
                comment=comment,
                decision="hide",
                reason=entry["hide"],
                now=at(moderated, 9),
            )
        elif not entry.get("pending"):
            s.comment_moderate(
                actor=actor, comment=comment, decision="publish", now=at(moderated, 9)
            )
            if entry.get("answer"):
                s.comment_answer(
                    actor=actor, comment=comment, text=entry["answer"], now=at(moderated, 15)
                )
        return comment

    def assess_and_publish(self, consultation, actor, comments: list[dict]) -> None:
        assessed = consultation.closes_on + dt.timedelta(days=1)
        tally = {"adopted": 0, "partly": 0, "not_adopted": 0, "hidden": 0}
        for entry in comments:
            if entry.get("hide"):
                tally["hidden"] += 1
                continue
            s.comment_assess(
                actor=actor,
                comment=entry["_comment"],
                adoption=entry["adoption"],
                reason=entry.get("reason", ""),
                now=at(assessed, 10),
            )
            tally[entry["adoption"]] += 1
        s.consultation_publish_feedback(
            actor=actor,
            consultation=consultation,
            summary=_summary(len(comments), tally),
            now=at(consultation.closes_on + dt.timedelta(days=5), 16),
        )

    def generic_comments(self, code, opens_on, closes_on, *, anonymous: bool) -> list[dict]:
        rng = self.rng
        entries = []
        span = (min(closes_on, LAST_DAY) - opens_on).days
        for _ in range(rng.choice([0, 1, 2, 2, 3, 3, 4, 5])):
            pool = ["zhangsan", "sq_tech", "", ""] if anonymous else ["zhangsan", "sq_tech"]
            user = rng.choice(pool)
            entry = {
                "user": user,
                "name": rng.choice(ANONYMOUS_NAMES) if not user else "",
                "text": rng.choice(GENERIC_COMMENTS).format(
                    n=rng.randint(2, 12), subject=SUBJECTS[code][0]
                ),
                "day": opens_on + dt.timedelta(days=rng.randint(0, max(span, 0))),
                "hour": rng.randint(8, 21),
                "minute": rng.randint(0, 59),
            }
            if rng.random() < 0.1:
                entry["text"] = "代办各类资质和补贴申报，快速办理，详询客服。"
                entry["hide"] = "广告信息，与本次征求意见内容无关。"
            else:
                entry["adoption"] = rng.choices(
                    ["adopted", "partly", "not_adopted"], weights=[4, 3, 3]
                )[0]
                entry["reason"] = reason_for(entry["adoption"], rng)
                if rng.random() < 0.5:
                    entry["answer"] = answer_for(rng)
            entries.append(entry)
        return sorted(entries, key=lambda e: (e["day"], e["hour"], e["minute"]))

    def yearly_consultation(self, code: str, year: int, used: set) -> None:
        decision = _decision_for(self.agencies[code], year, used)
        if decision is not None:
            used.add(decision.pk)
            closes_on = decision.created_on - dt.timedelta(days=7)
            title = _draft_title(decision.title)
        else:
            closes_on = dt.date(year, 6, 20)
            title = f"关于进一步做好{SUBJECTS[code][0]}工作的实施意见（征求意见稿）"
        opens_on = closes_on - dt.timedelta(days=29)
        anonymous = self.rng.random() < 0.4
        spec = {
            "title": title,
            "background": f"为进一步规范和加强{SUBJECTS[code][0]}工作，结合我市实际，"
            f"{self.agencies[code].short_name}起草了本征求意见稿。",
            "basis": BASIS[code],
            "draft_text": draft_text_for(title, SUBJECTS[code][0]),
            "opens_on": opens_on,
            "closes_on": closes_on,
            "allow_anonymous": anonymous,
        }
        comments = self.generic_comments(code, opens_on, closes_on, anonymous=anonymous)
        self.consult(code, spec, comments, decision=decision)

    # Responses ------------------------------------------------------------------------------

    def respond(self, code: str, **fields) -> ConcernResponse:
        response = s.response_record(
            actor=self.staff(code),
            agency=self.agencies[code],
            now=at(fields["held_on"], 18),
            **fields,
        )
        self.counts["responses"] += 1
        return response

    def yearly_responses(self, code: str, year: int) -> None:
        rng = self.rng
        subject, leader_title = SUBJECTS[code]
        kinds = ["hotline", "hot_topic", "weibo_weixin", "press_conference", "online_interview"]
        kinds.append("other")
        for _ in range(rng.randint(1, 4)):
            kind = rng.choices(kinds, weights=[30, 20, 20, 15, 10, 5])[0]
            last = min(dt.date(year, 12, 28), LAST_DAY)
            day = dt.date(year, 1, 5) + dt.timedelta(
                days=rng.randint(0, (last - dt.date(year, 1, 5)).days)
            )
            leader = f"{leader_title} {rng.choice(SURNAMES)}{rng.choice(GIVEN)}"
            concern = rng.choice(CONCERNS[code])
            topic, participants = {
                "press_conference": (f"{year}年{subject}情况新闻发布会", f"{leader}、新闻发言人"),
                "online_interview": (f"“{subject}”政府网站在线访谈", leader),
                "hotline": (f"做客《行风热线》解答{subject}相关问题", leader),
                "hot_topic": (f"关于网民反映“{concern}”问题的回应", "新闻发言人"),
                "weibo_weixin": (f"通过政务微博、微信回应“{concern}”", "政务新媒体编辑部"),
                "other": (f"在12345政府服务热线专题回应“{concern}”", "热线工作专班"),
            }[kind]
            self.respond(
                code,
                kind=kind,
                topic=topic,
                held_on=day,
                participants=participants,
                principal_leader_took_part=kind in ("press_conference", "online_interview")
                and rng.random() < 0.5,
                transcript=f"围绕{topic.strip('“”')}，{participants}介绍了有关情况，"
                "并现场回答了群众和媒体关心的问题。",
            )


def _summary(total: int, tally: dict) -> str:
    if not total:
        return "征求意见期间未收到意见建议。"
    public = total - tally["hidden"]
    return (
        f"征求意见期间共收到意见建议{total}条，公开{public}条"
        + (f"（另有{tally['hidden']}条为广告等无关内容，未予公开）" if tally["hidden"] else "")
        + f"。经认真研究，采纳{tally['adopted']}条，部分采纳{tally['partly']}条，"
        f"未采纳{tally['not_adopted']}条，各条意见的采纳情况及理由见下方。感谢社会各界的关心和支持。"
    )


def _draft_title(final_title: str) -> str:
    match = re.search(r"《(.+)》", final_title)
    name = match.group(1) if match else final_title
    revised = re.search(r"（\d{4}年修订）$", name)
    if revised:
        return name[: revised.start()] + "（修订征求意见稿）"
    return name + "（征求意见稿）"


def _decision_for(agency, year: int, used: set) -> Item | None:
    """The first 规范性文件 the agency's catalogue published in `year`, if any."""
    return (
        Item.objects.filter(
            agency=agency,
            status=ItemStatus.PUBLISHED,
            normative__isnull=False,
            published_at__year=year,
            created_on__gt=dt.date(year, 1, 1) + dt.timedelta(days=40),
        )
        .exclude(pk__in=used)
        .order_by("published_at", "pk")
        .first()
    )


def _catalogue_report(agency, title_part: str) -> Item | None:
    return (
        Item.objects.filter(agency=agency, status=ItemStatus.PUBLISHED, title__contains=title_part)
        .order_by("published_at", "pk")
        .first()
    )


def _seed_2017(loader: _Loader) -> None:
    gxw = loader.agencies[SEED_AGENCY_CODE]
    for spec, comments in SEED_CONSULTATIONS:
        loader.consult(SEED_AGENCY_CODE, dict(spec), [dict(c) for c in comments])
    for fields, report_title in SEED_HOTLINES:
        loader.respond(SEED_AGENCY_CODE, item=_catalogue_report(gxw, report_title), **fields)


def _november_2026(loader: _Loader) -> None:
    code = SEED_AGENCY_CODE
    open_spec, open_comments, scheduled_spec, draft_spec = TODAY_CONSULTATIONS
    loader.consult(code, dict(open_spec), [dict(c) for c in open_comments], feedback=False)
    actor = loader.staff(code)
    scheduled = s.consultation_create(actor=actor, agency=loader.agencies[code], **scheduled_spec)
    s.consultation_publish(actor=actor, consultation=scheduled, now=at(LAST_DAY, 16))
    s.consultation_create(actor=actor, agency=loader.agencies[code], **draft_spec)
    loader.counts["consultations"] += 2


def load_demo(*, reporter: Reporter = SILENT) -> dict:
    """Load the demo consultations and responses unless the seed agency has some already.
    Returns counts (all zero when nothing was loaded)."""
    agencies = load_agencies()
    seed = agencies[SEED_AGENCY_CODE]
    if (
        Consultation.objects.filter(agency=seed).exists()
        or ConcernResponse.objects.filter(agency=seed).exists()
    ):
        return {"consultations": 0, "comments": 0, "responses": 0, "decisions_linked": 0}
    staff = load_staff_users(agencies)
    users = {u.username: u for u in [*staff, *load_public_users()]}
    loader = _Loader(agencies, users)
    with transaction.atomic():
        _seed_2017(loader)
        for code in reporter.steps(AGENCIES, desc="征求意见和回应关切"):
            used: set = set()
            for year in YEARS:
                loader.yearly_consultation(code, year, used)
                loader.yearly_responses(code, year)
        _november_2026(loader)
    return loader.counts
