"""The release check: nothing leaves the agency with what it must not give out.

Regulation Art 15 forbids releasing personal information and trade secrets, Art 37 requires
what is withheld to be really withheld (区分处理), and a fake redaction (a box drawn over live
text, a black highlight, a hidden sheet, a comment) releases exactly what it seems to hide.
Every file that is stored is examined when it arrives (`core.hidden_content`, findings kept on
the file); this module decides, at the moment a file is released, whether it may go:

- a finding that refuses release (`hidden_content.blocks`: text under a box, an ID or mobile
  number, a hidden sheet, a comment, tracked changes, metadata naming people …) needs a
  reviewer (Capability.REVIEW in the agency) to record why it may be released anyway;
- every other finding (document properties, EXIF, a scanned page that no program can read)
  needs the person releasing to confirm having looked at it.

The decision is kept (`ReleaseClearance`) for exactly the content it was made on: a file
replaced or re-examined needs a new one. It is called by the services that release something
(a reply's approval, a catalogue item's 保密审查, a consultation's publication, a report's
publication), inside their transaction, after their permission and state checks.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import models

from .audit import audit_record
from .errors import DomainError
from .hidden_content import blocks, label
from .models import ReleaseAllowedCode, ReleaseClearance

OVERRIDE_FIELD = "release_override"
SEEN_FIELD = "findings_seen"


@dataclass(frozen=True)
class Release:
    """One thing about to be released: the object a decision on it is kept on, the key of its
    content, its title for people and the findings of the hidden-content check."""

    obj: models.Model
    key: str
    title: str
    findings: list = field(default_factory=list)


def stored(file) -> Release:
    """A stored file (core.models.StoredFile) about to be released."""
    return Release(file, file.file.name, file.title, list(file.findings or []))


def generated(obj, title: str, data: bytes, findings: list) -> Release:
    """A file generated at release (a report export): kept on `obj`, keyed by its digest."""
    digest = hashlib.sha256(data).hexdigest()
    return Release(obj, f"{title}:{digest}", title, findings)


@dataclass(frozen=True)
class Pending:
    """A release with findings nobody has decided on yet."""

    release: Release
    blocking: list
    notices: list

    def lines(self) -> list[str]:
        return [f"{label(f['kind'])}：{f['message']}" for f in (*self.blocking, *self.notices)]


def allowed_codes(agency) -> frozenset[str]:
    if agency is None:
        return frozenset()
    return frozenset(
        ReleaseAllowedCode.objects.filter(agency=agency).values_list("code", flat=True)
    )


def _cleared(releases: list[Release]) -> set[tuple[int, int, str, str]]:
    """(content type, object, key, findings) of every decision kept on these objects."""
    by_type: dict[int, set[int]] = {}
    for release in releases:
        content_type = ContentType.objects.get_for_model(type(release.obj))
        by_type.setdefault(content_type.pk, set()).add(release.obj.pk)
    query = models.Q(pk__in=[])
    for content_type, ids in by_type.items():
        query |= models.Q(content_type_id=content_type, object_id__in=ids)
    return {
        (ct, pk, key, _fingerprint(findings))
        for ct, pk, key, findings in ReleaseClearance.objects.filter(query).values_list(
            "content_type_id", "object_id", "key", "findings"
        )
    }


def _fingerprint(findings) -> str:
    return "\n".join(
        sorted(f"{f.get('kind')}|{f.get('where')}|{f.get('message')}" for f in findings)
    )


def pending(releases: Iterable[Release], *, agency) -> list[Pending]:
    """The releases whose findings no decision covers, each split into what refuses release
    and what needs only to be looked at."""
    releases = [r for r in releases if r.findings]
    if not releases:
        return []
    allowed = allowed_codes(agency)
    cleared = _cleared(releases)
    result = []
    for release in releases:
        content_type = ContentType.objects.get_for_model(type(release.obj)).pk
        if (content_type, release.obj.pk, release.key, _fingerprint(release.findings)) in cleared:
            continue
        blocking = [f for f in release.findings if blocks(f, allowed)]
        notices = [f for f in release.findings if not blocks(f, allowed)]
        result.append(Pending(release, blocking, notices))
    return result


def describe(items: list[Pending], *, blocking_only: bool = False) -> str:
    parts = []
    for item in items:
        findings = item.blocking if blocking_only else (*item.blocking, *item.notices)
        shown = "；".join(f"{label(f['kind'])}（{f['message']}）" for f in findings[:5])
        more = f"等{len(findings)}项" if len(findings) > 5 else ""
        parts.append(f"“{item.release.title}”：{shown}{more}")
    return "\n".join(parts)


def release_check(
    *,
    actor,
    releases: Iterable[Release],
    agency,
    owner,
    findings_seen: bool = False,
    reason: str = "",
    can_override: bool,
) -> list[ReleaseClearance]:
    """Refuse the release unless every finding is decided: refusing findings with a
    reviewer's written reason (`can_override`: the actor holds the review capability of the
    agency), every finding with `findings_seen`. Keeps the decisions and audits them on
    `owner`. Raises DomainError (code release_blocked, override_not_allowed or
    findings_unconfirmed) naming each file and finding."""
    items = pending(releases, agency=agency)
    if not items:
        return []
    reason = (reason or "").strip()
    refusing = [item for item in items if item.blocking]
    if refusing and not can_override:
        raise DomainError(
            "以下文件存在不能直接公开的内容，须先处理（重新上传处理后的文件或进行脱敏处理），"
            "或由审核人说明理由后公开：\n" + describe(refusing, blocking_only=True),
            code="override_not_allowed",
        )
    if refusing and not reason:
        raise DomainError(
            "发布前检查未通过，以下文件存在不能直接公开的内容：\n"
            + describe(refusing, blocking_only=True)
            + "\n请处理后重新上传（例如进行脱敏处理），或在“仍予公开的理由”中写明理由。",
            code="release_blocked",
            field=OVERRIDE_FIELD,
        )
    if not findings_seen:
        raise DomainError(
            "待公开的文件有检查结果，请逐项查看后勾选确认：\n" + describe(items),
            code="findings_unconfirmed",
            field=SEEN_FIELD,
        )
    if actor is None or not getattr(actor, "is_authenticated", False):
        raise DomainError("发布前检查须由审核人本人确认。", code="reviewer_required")
    decisions = ReleaseClearance.objects.bulk_create(
        ReleaseClearance(
            content_type=ContentType.objects.get_for_model(type(item.release.obj)),
            object_id=item.release.obj.pk,
            key=item.release.key[:300],
            title=item.release.title[:200],
            findings=item.release.findings,
            overrides=bool(item.blocking),
            reason=reason if item.blocking else "",
            reviewer=actor,
        )
        for item in items
    )
    audit_record(
        actor=actor,
        action="release.override" if refusing else "release.acknowledge",
        obj=owner,
        changes={"files": [item.release.title for item in items]},
        note=reason if refusing else "",
    )
    return decisions


def decisions_on(obj) -> list[ReleaseClearance]:
    """The release decisions kept on `obj` (for its page: who released what despite what)."""
    return list(
        ReleaseClearance.objects.filter(
            content_type=ContentType.objects.get_for_model(type(obj)), object_id=obj.pk
        )
        .select_related("reviewer")
        .order_by("created_at", "pk")
    )
