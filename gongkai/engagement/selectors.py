"""Reads of the engagement app: public lists, the office's work lists, the catalogue's link
back to a consultation, and the counts the annual report needs."""

import datetime

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from gongkai.agencies.models import Agency
from gongkai.catalog.counts import interpretation_counts
from gongkai.catalog.models import Item
from gongkai.catalog.selectors import public_items

from .models import Comment, ConcernResponse, Consultation
from .states import CommentStatus, ConsultationStatus, Phase

K = ConcernResponse.Kind

# Each kind of response is one row of the 2016–2018 统计表 “(二)通过不同渠道和方式回应解读的情况”;
# the 政策解读稿件 row (s2_interpretations) comes from the catalogue.
LEGACY_ROW = {
    K.PRESS_CONFERENCE: "s2_pressconf",
    K.ONLINE_INTERVIEW: "s2_interview",
    K.WEIBO_WEIXIN: "s2_weibo_weixin",
    K.HOTLINE: "s2_other",
    K.HOT_TOPIC: "s2_other",
    K.OTHER: "s2_other",
}
LEADER_ROW = {K.PRESS_CONFERENCE: "s2_pressconf_head", K.ONLINE_INTERVIEW: "s2_interview_head"}
# The rows of the old form's 二、回应解读情况, in printed order.
LEGACY_RESPONSE_ROWS = (
    "s2_hotspots",
    "s2_pressconf",
    "s2_pressconf_head",
    "s2_interview",
    "s2_interview_head",
    "s2_interpretations",
    "s2_weibo_weixin",
    "s2_other",
)


# Consultations ---------------------------------------------------------------------------------


def public_consultations(*, agency: Agency | None = None, year: int | None = None):
    queryset = Consultation.objects.exclude(status=ConsultationStatus.DRAFT).select_related(
        "agency"
    )
    if agency is not None:
        queryset = queryset.filter(agency=agency)
    if year:
        queryset = queryset.filter(opens_on__year=year)
    return queryset.annotate(
        published_comments=Count("comments", filter=Q(comments__status=CommentStatus.PUBLISHED))
    ).order_by("-opens_on", "-pk")


def public_consultation(agency_code: str, pk: int) -> Consultation | None:
    return (
        Consultation.objects.exclude(status=ConsultationStatus.DRAFT)
        .filter(agency__code=agency_code, pk=pk)
        .select_related("agency", "final_decision__agency")
        .first()
    )


def consultation_years(agency: Agency) -> list[int]:
    dates = (
        Consultation.objects.filter(agency=agency)
        .exclude(status=ConsultationStatus.DRAFT)
        .dates("opens_on", "year", order="DESC")
    )
    return [d.year for d in dates]


def split_by_phase(consultations, today: datetime.date | None = None) -> dict[str, list]:
    """{phase: [consultation, …]}, for pages that show the open ones first."""
    today = today or timezone.localdate()
    groups: dict[str, list] = {phase: [] for phase in Phase.values}
    for consultation in consultations:
        groups[consultation.phase(today)].append(consultation)
    return groups


def public_comments(consultation: Consultation):
    if consultation.status == ConsultationStatus.DRAFT:
        return Comment.objects.none()
    return (
        consultation.comments.filter(status=CommentStatus.PUBLISHED)
        .prefetch_related("attachments")
        .order_by("submitted_at", "pk")
    )


def comments_of(user, consultation: Consultation):
    """A signed-in member of the public's own comments here, whatever their status."""
    if not user.is_authenticated:
        return Comment.objects.none()
    return consultation.comments.filter(author=user).order_by("submitted_at", "pk")


def office_consultations(user, *, agency_id: int | None = None, text: str = ""):
    queryset = Consultation.objects.visible_to(user).select_related("agency")
    if agency_id:
        queryset = queryset.filter(agency_id=agency_id)
    if text:
        queryset = queryset.filter(title__contains=text)
    return queryset.annotate(
        pending_comments=Count("comments", filter=Q(comments__status=CommentStatus.PENDING)),
        all_comments=Count("comments"),
    ).order_by("-opens_on", "-pk")


def office_comments(consultation: Consultation, *, status: str = ""):
    queryset = consultation.comments.select_related(
        "author", "moderated_by", "answered_by"
    ).prefetch_related("attachments")
    if status in CommentStatus.values:
        queryset = queryset.filter(status=status)
    return queryset.order_by("submitted_at", "pk")


# Timelines are in the order the steps were taken: a step's time may be the moment its service
# was given (`now=`, the demo's past dates), while drafting is dated when it was saved.


def consultation_timeline(consultation: Consultation):
    """Its steps (drafted, edited, published, extended …) from core.StatusChange."""
    return consultation.status_changes.select_related("actor").order_by("id")


def comment_timeline(comment: Comment):
    """Its steps (submitted, published or hidden, answered, assessed)."""
    return comment.status_changes.select_related("actor").order_by("id")


def comment_tally(consultation: Consultation) -> dict[str, int]:
    rows = consultation.comments.order_by().values_list("status").annotate(n=Count("pk"))
    tally = dict.fromkeys(CommentStatus.values, 0) | dict(rows)
    adoption = (
        consultation.comments.filter(status=CommentStatus.PUBLISHED)
        .exclude(adoption="")
        .order_by()
        .values_list("adoption")
        .annotate(n=Count("pk"))
    )
    tally |= dict.fromkeys(Comment.Adoption.values, 0) | dict(adoption)
    tally["total"] = sum(tally[s] for s in CommentStatus.values)
    return tally


def consultation_for_item(item: Item) -> Consultation | None:
    """The public consultation whose final decision `item` is (for the item's page)."""
    return (
        Consultation.objects.filter(final_decision=item)
        .exclude(status=ConsultationStatus.DRAFT)
        .select_related("agency")
        .order_by("-opens_on", "-pk")
        .first()
    )


# Responses to public concerns ------------------------------------------------------------------


def public_responses(*, agency: Agency, year: int | None = None, kind: str = ""):
    queryset = ConcernResponse.objects.filter(agency=agency).select_related("item", "agency")
    if year:
        queryset = queryset.filter(held_on__year=year)
    if kind in K.values:
        queryset = queryset.filter(kind=kind)
    return queryset.order_by("-held_on", "-pk")


def response_years(agency: Agency) -> list[int]:
    years = {d.year for d in ConcernResponse.objects.filter(agency=agency).dates("held_on", "year")}
    interpretations = public_items().filter(agency=agency, interprets__isnull=False)
    years |= {d.year for d in interpretations.dates("published_at", "year")}
    return sorted(years, reverse=True)


def public_interpretations(*, agency: Agency, year: int | None = None):
    """The agency's published 政策解读 (catalogue items), listed beside the responses."""
    queryset = public_items().filter(agency=agency, interprets__isnull=False)
    if year:
        start = timezone.make_aware(datetime.datetime(year, 1, 1))
        queryset = queryset.filter(
            published_at__gte=start, published_at__lt=start.replace(year=year + 1)
        )
    return queryset.select_related("agency", "interprets").order_by("-published_at", "-pk")


def office_responses(user, *, agency_id: int | None = None, year: int | None = None):
    queryset = ConcernResponse.objects.visible_to(user).select_related("agency")
    if agency_id:
        queryset = queryset.filter(agency_id=agency_id)
    if year:
        queryset = queryset.filter(held_on__year=year)
    return queryset.order_by("-held_on", "-pk")


# Counts for the annual report ------------------------------------------------------------------


def legacy_response_counts(agency_ids, year: int) -> dict[str, int]:
    """Table 二、回应解读情况 of the 2016–2018 统计表, keyed as in report_formats.json.

    Every recorded response is one response to a public concern, counted once in its channel
    row; hotline appearances, 回应热点/舆情 statements and other responses are “5.其他方式”.
    The 政策解读稿件 row is the catalogue's interpretations published that year, and
    s2_hotspots (“回应公众关注热点或重大舆情数”) is every response plus every interpretation:
    the seed agency's 4 = 0 + 0 + 2 + 0 + 2.
    """
    agency_ids = list(agency_ids)
    counts = dict.fromkeys(LEGACY_RESPONSE_ROWS, 0)
    rows = (
        ConcernResponse.objects.filter(agency_id__in=agency_ids, held_on__year=year)
        .order_by()
        .values_list("kind", "principal_leader_took_part")
        .annotate(n=Count("pk"))
    )
    for kind, leader, n in rows:
        counts[LEGACY_ROW[kind]] += n
        if leader and kind in LEADER_ROW:
            counts[LEADER_ROW[kind]] += n
    counts["s2_interpretations"] = interpretation_counts(agency_ids, year)["total"]
    counts["s2_hotspots"] = sum(
        counts[key]
        for key in (
            "s2_pressconf",
            "s2_interview",
            "s2_interpretations",
            "s2_weibo_weixin",
            "s2_other",
        )
    )
    return counts


def consultation_counts(agency_ids, year: int) -> dict[str, int]:
    """Consultations opened in `year` (published ones) and the comments on them."""
    consultations = Consultation.objects.filter(
        agency_id__in=list(agency_ids), opens_on__year=year
    ).exclude(status=ConsultationStatus.DRAFT)
    comments = Comment.objects.filter(consultation__in=consultations)
    published = comments.filter(status=CommentStatus.PUBLISHED)
    adoption = dict(published.order_by().values_list("adoption").annotate(n=Count("pk")))
    return {
        "consultations": consultations.count(),
        "feedback_published": consultations.filter(
            status=ConsultationStatus.FEEDBACK_PUBLISHED
        ).count(),
        "comments_received": comments.count(),
        "comments_published": published.count(),
        "comments_hidden": comments.filter(status=CommentStatus.HIDDEN).count(),
        "comments_adopted": adoption.get(Comment.Adoption.ADOPTED, 0),
        "comments_partly_adopted": adoption.get(Comment.Adoption.PARTLY, 0),
        "comments_not_adopted": adoption.get(Comment.Adoption.NOT_ADOPTED, 0),
    }


def legacy_response_records(agency_ids, year: int, row: str) -> QuerySet[ConcernResponse]:
    """The responses counted in one s2_* row of the old form (the report's click-through).
    s2_hotspots lists the responses only; its interpretations are the catalogue's."""
    queryset = ConcernResponse.objects.filter(
        agency_id__in=list(agency_ids), held_on__year=year
    ).select_related("agency")
    if row == "s2_hotspots":
        return queryset
    leader_kinds = [kind for kind, key in LEADER_ROW.items() if key == row]
    if leader_kinds:
        return queryset.filter(kind__in=leader_kinds, principal_leader_took_part=True)
    return queryset.filter(kind__in=[kind for kind, key in LEGACY_ROW.items() if key == row])
