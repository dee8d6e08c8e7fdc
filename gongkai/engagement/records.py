"""Consultations, comments and responses as plain data, for the API."""

from django.urls import reverse
from django.utils import timezone

from .models import Comment, ConcernResponse, Consultation
from .states import ConsultationStatus, Phase


def _when(value):
    return timezone.localtime(value).isoformat() if value else None


def consultation_summary(consultation: Consultation, request) -> dict:
    phase = consultation.phase()
    return {
        "id": consultation.pk,
        "title": consultation.title,
        "agency": {"code": consultation.agency.code, "name": consultation.agency.name},
        "opens_on": consultation.opens_on.isoformat(),
        "closes_on": consultation.closes_on.isoformat(),
        "phase": phase,
        "phase_label": str(Phase(phase).label),
        "allow_anonymous": consultation.allow_anonymous,
        "url": request.build_absolute_uri(consultation.get_absolute_url()),
    }


def comment_record(comment: Comment, request, *, with_assessment: bool) -> dict:
    agency_code = comment.consultation.agency.code
    data = {
        "id": comment.pk,
        "display_name": comment.display_name,
        "text": comment.text,
        "submitted_at": _when(comment.submitted_at),
        "attachments": [
            {
                "title": a.title,
                "size": a.size,
                "url": request.build_absolute_uri(
                    reverse("engagement:comment_file", args=[agency_code, comment.pk, a.pk])
                ),
            }
            for a in comment.attachments.all()
        ],
        "answer": comment.answer or None,
        "answered_at": _when(comment.answered_at),
    }
    if with_assessment:
        data["adoption"] = comment.adoption or None
        data["adoption_reason"] = comment.adoption_reason or None
    return data


def comment_staff_record(comment: Comment, request) -> dict:
    data = comment_record(comment, request, with_assessment=True)
    data.update(
        status=comment.status,
        status_label=str(comment.get_status_display()),
        hidden_reason=comment.hidden_reason or None,
        author=comment.author.get_username() if comment.author else None,
    )
    return data


def consultation_detail(consultation: Consultation, comments, request) -> dict:
    data = consultation_summary(consultation, request)
    feedback = consultation.status == ConsultationStatus.FEEDBACK_PUBLISHED
    decision = consultation.final_decision
    data.update(
        background=consultation.background,
        basis=consultation.basis,
        draft_text=consultation.draft_text,
        published_at=_when(consultation.published_at),
        attachments=[
            {
                "title": a.title,
                "size": a.size,
                "url": request.build_absolute_uri(
                    reverse(
                        "engagement:file",
                        args=[consultation.agency.code, consultation.pk, a.pk],
                    )
                ),
            }
            for a in consultation.attachments.all()
        ],
        feedback_summary=consultation.feedback_summary if feedback else None,
        feedback_published_at=_when(consultation.feedback_published_at),
        final_decision=(
            {
                "index_number": decision.index_number,
                "title": decision.title,
                "url": request.build_absolute_uri(
                    reverse("catalog:item", args=[decision.agency.code, decision.public_id])
                ),
            }
            if decision is not None and decision.is_public
            else None
        ),
        comments=[comment_record(c, request, with_assessment=feedback) for c in comments],
    )
    return data


def response_record(response: ConcernResponse, request) -> dict:
    item = response.item
    return {
        "id": response.pk,
        "agency": {"code": response.agency.code, "name": response.agency.name},
        "kind": response.kind,
        "kind_label": str(response.get_kind_display()),
        "topic": response.topic,
        "held_on": response.held_on.isoformat(),
        "participants": response.participants,
        "principal_leader_took_part": response.principal_leader_took_part,
        "link": response.link or None,
        "transcript": response.transcript,
        "item": (
            request.build_absolute_uri(
                reverse("catalog:item", args=[item.agency.code, item.public_id])
            )
            if item is not None and item.is_public
            else None
        ),
        "url": request.build_absolute_uri(response.get_absolute_url()),
    }
