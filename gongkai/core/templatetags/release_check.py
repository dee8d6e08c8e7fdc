"""`{% release_findings file %}`: a stored file's findings as the reviewer reads them, each
marked as refusing release (a reviewer's reason needed) or to be looked at, with the decision
taken on the file's present content, if any (core.release)."""

from django import template
from django.contrib.contenttypes.models import ContentType

from gongkai.core.hidden_content import blocks, label
from gongkai.core.models import ReleaseClearance
from gongkai.core.release import allowed_codes

register = template.Library()


@register.inclusion_tag("includes/release_findings.html")
def release_findings(file, agency=None):
    findings = list(getattr(file, "findings", None) or [])
    if not findings:
        return {"rows": [], "decision": None, "codes_agency": None}
    allowed = allowed_codes(agency or file.audit_agency)
    rows = [
        {
            "label": label(f["kind"]),
            "where": f.get("where", ""),
            "message": f.get("message", ""),
            "blocking": blocks(f, allowed),
        }
        for f in findings
    ]
    decision = (
        ReleaseClearance.objects.filter(
            content_type=ContentType.objects.get_for_model(type(file)),
            object_id=file.pk,
            key=file.file.name,
        )
        .select_related("reviewer")
        .order_by("-created_at")
        .first()
    )
    codes = any(f["kind"] == "person_business_code" for f in findings)
    return {
        "rows": rows,
        "decision": decision,
        "codes_agency": (agency or file.audit_agency) if codes else None,
    }
