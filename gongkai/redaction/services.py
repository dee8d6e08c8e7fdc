"""Every write of a redaction: start one on a file to be given out, draw, propose, accept and
delete boxes, and apply them, which gives out the redacted copy and keeps the original inside.

The file is a case's file to be released or a catalogue item's attachment; each service
dispatches on its owner (owners.files_for): it locks the owner's row and checks the owner's
permission and state — a case's files change only before the reply goes to review, an item's
only while it is a draft (before the 保密审查, or returned by it) — and is audited on the owner.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from gongkai.core.audit import audit_record
from gongkai.core.errors import DomainError
from gongkai.core.files import FileRules, file_read, file_remove, file_store
from gongkai.core.identifiers import validate_resident_id
from gongkai.core.uploads import PDF

from . import engine
from .models import Redaction, RedactionBox
from .owners import files_for
from .selectors import regime_of

# The working copy and the redacted copy are made here, never uploaded; the redacted copy is
# checked for hidden content like any file to be released.
WORKING_RULES = FileRules(allowed=(PDF,), max_bytes=512 * 1024 * 1024, check_hidden=False)
OUTPUT_RULES = FileRules(allowed=(PDF,), max_bytes=512 * 1024 * 1024, check_hidden=True)
MIN_SIDE = 2.0  # points: a box smaller than this covers nothing one can see
MAX_TERMS = 20


def is_id_number(text: str) -> bool:
    """A valid 居民身份证 number (GB 11643 check character and birth date)."""
    try:
        validate_resident_id(text)
    except ValidationError:
        return False
    return True


def _lock(redaction: Redaction, *, actor) -> Redaction:
    files_for(redaction).lock(redaction.owner, actor=actor)
    redaction = Redaction.objects.select_for_update().get(pk=redaction.pk)
    if redaction.status != Redaction.Status.DRAFT:
        raise DomainError(
            "该脱敏处理已生成文件，如需修改请重新开始脱敏。", code="redaction_applied"
        )
    return redaction


def _check_ground(redaction: Redaction, ground: str) -> str:
    if not regime_of(redaction.owner).find_ground(ground or ""):
        raise DomainError("请选择不予公开的理由。", code="ground", field="ground")
    return ground


@transaction.atomic
def redaction_start(*, actor, document) -> Redaction:
    """The open redaction of a file to be given out (a case's ApplicationDocument or a
    catalogue item's Attachment), or a new version: the file made a PDF (Word, Excel and
    images converted), starting from the boxes of the last version applied."""
    files = files_for(document)
    owner = files.lock(files.owner_of(document), actor=actor)
    document = files.model.objects.select_for_update().get(pk=document.pk)
    if hasattr(document, "redacted_from"):
        # Redact again from the original.
        document = getattr(document.redacted_from, files.source_field)
    files.check_source(document)
    draft = document.redactions.filter(status=Redaction.Status.DRAFT).first()
    if draft is not None:
        return draft
    pdf = engine.to_pdf(file_read(document), document.filename)
    previous = document.redactions.order_by("-version").first()
    version = (document.redactions.aggregate(v=Max("version"))["v"] or 0) + 1
    stem = document.filename.rsplit(".", 1)[0]
    redaction = file_store(
        model=Redaction,
        owner=owner,
        upload=ContentFile(pdf, name=f"{stem}.pdf"),
        actor=actor,
        rules=WORKING_RULES,
        title=document.title,
        **{files.source_field: document},
        version=version,
        pages=engine.page_count(pdf),
        page_sizes=[list(size) for size in engine.page_sizes(pdf)],
    )
    if previous is not None:
        RedactionBox.objects.bulk_create(
            RedactionBox(
                redaction=redaction,
                **{
                    f: getattr(box, f)
                    for f in ("page", "x0", "y0", "x1", "y1", "ground", "origin", "accepted")
                },
                text=box.text,
                created_by=box.created_by,
            )
            for box in previous.boxes.all()
        )
    audit_record(
        actor=actor,
        action="redaction.start",
        obj=owner,
        changes={"redaction": [None, str(redaction)]},
    )
    return redaction


def _box_in_page(redaction: Redaction, page: int, x0, y0, x1, y1):
    if not 1 <= page <= redaction.pages:
        raise DomainError(f"没有第{page}页（共{redaction.pages}页）。", code="page", field="page")
    width, height = redaction.page_sizes[page - 1]
    x0, x1 = sorted((max(0.0, min(float(x0), width)), max(0.0, min(float(x1), width))))
    y0, y1 = sorted((max(0.0, min(float(y0), height)), max(0.0, min(float(y1), height))))
    if x1 - x0 < MIN_SIDE or y1 - y0 < MIN_SIDE:
        raise DomainError("遮盖区域太小或不在页面内，请重新框选。", code="box_size", field="x1")
    return x0, y0, x1, y1


@transaction.atomic
def redaction_add_box(
    *, actor, redaction: Redaction, page: int, x0, y0, x1, y1, ground: str
) -> RedactionBox:
    """A box drawn by staff (or typed as coordinates), with the ground it is withheld on."""
    redaction = _lock(redaction, actor=actor)
    ground = _check_ground(redaction, ground)
    x0, y0, x1, y1 = _box_in_page(redaction, page, x0, y0, x1, y1)
    text = engine.text_in(file_read(redaction), engine.Box(page, x0, y0, x1, y1))
    box = RedactionBox.objects.create(
        redaction=redaction,
        page=page,
        x0=x0,
        y0=y0,
        x1=x1,
        y1=y1,
        ground=ground,
        origin=RedactionBox.Origin.DRAWN,
        accepted=True,
        text=text,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    audit_record(
        actor=actor,
        action="redaction.add_box",
        obj=redaction.owner,
        changes={"box": [None, f"{redaction.title} {box}"]},
    )
    return box


@transaction.atomic
def redaction_propose(
    *, actor, redaction: Redaction, terms=(), ids: bool = True, mobiles: bool = True
) -> list[RedactionBox]:
    """Proposals for every valid ID number, mobile number and typed term not yet covered;
    nothing is removed until staff accept each one with its ground."""
    redaction = _lock(redaction, actor=actor)
    terms = [t.strip() for t in terms if t and t.strip()]
    if len(terms) > MAX_TERMS:
        raise DomainError(f"一次最多检索{MAX_TERMS}个词。", code="terms", field="terms")
    found = engine.propose(
        file_read(redaction), is_id_number=is_id_number, terms=terms, ids=ids, mobiles=mobiles
    )
    existing = {
        (b.page, round(b.x0), round(b.y0), round(b.x1), round(b.y1)) for b in redaction.boxes.all()
    }
    # Numbers are personal information: their ground is proposed; a term's is the clerk's.
    suggested = {
        "id_number": "personal_privacy",
        "mobile": "personal_privacy",
        "credit_code": "personal_privacy",
        "term": "",
    }
    regime = regime_of(redaction.owner)
    created = []
    for proposal in found:
        b = proposal.box
        key = (b.page, round(b.x0), round(b.y0), round(b.x1), round(b.y1))
        if key in existing:
            continue
        existing.add(key)
        ground = suggested[proposal.kind]
        created.append(
            RedactionBox(
                redaction=redaction,
                page=b.page,
                x0=b.x0,
                y0=b.y0,
                x1=b.x1,
                y1=b.y1,
                ground=ground if regime.find_ground(ground) else "",
                origin=proposal.kind,
                accepted=False,
                text=b.text,
                created_by=actor if getattr(actor, "is_authenticated", False) else None,
            )
        )
    RedactionBox.objects.bulk_create(created)
    audit_record(
        actor=actor,
        action="redaction.propose",
        obj=redaction.owner,
        changes={"proposals": [None, len(created)]},
        note=redaction.title,
    )
    return created


@transaction.atomic
def redaction_accept_box(*, actor, box: RedactionBox, ground: str) -> RedactionBox:
    redaction = _lock(box.redaction, actor=actor)
    box = redaction.boxes.select_for_update().get(pk=box.pk)
    box.ground = _check_ground(redaction, ground)
    box.accepted = True
    box.save(update_fields=["ground", "accepted"])
    audit_record(
        actor=actor,
        action="redaction.accept_box",
        obj=redaction.owner,
        changes={"box": [None, f"{redaction.title} {box}"]},
    )
    return box


@transaction.atomic
def redaction_delete_box(*, actor, box: RedactionBox) -> None:
    redaction = _lock(box.redaction, actor=actor)
    box = redaction.boxes.select_for_update().get(pk=box.pk)
    audit_record(
        actor=actor,
        action="redaction.delete_box",
        obj=redaction.owner,
        changes={"box": [f"{redaction.title} {box}", None]},
    )
    box.delete()


@transaction.atomic
def redaction_apply(*, actor, redaction: Redaction):
    """Remove what lies under every accepted box and give out the result in place of the
    original, which becomes staff only: a case's file to be released (the original 脱敏前原件),
    or an attachment of the catalogue item (the original marked 原件, never public). Refused
    while proposals wait, without any box, or when a redacted string can still be read in
    the result (nothing is changed then). Returns the redacted copy."""
    redaction = _lock(redaction, actor=actor)
    boxes = list(redaction.boxes.all())
    waiting = sum(1 for b in boxes if not b.accepted)
    if waiting:
        raise DomainError(
            f"还有{waiting}处建议遮盖的区域未确认，请逐一确认或删除后再生成。",
            code="proposals_waiting",
        )
    if not boxes:
        raise DomainError("尚未标注任何遮盖区域。", code="no_boxes")
    data = engine.apply(
        file_read(redaction),
        [engine.Box(b.page, b.x0, b.y0, b.x1, b.y1, b.text) for b in boxes],
    )
    files = files_for(redaction)
    owner, source = redaction.owner, redaction.source_file
    stem = source.filename.rsplit(".", 1)[0]
    earlier = (
        files.model.objects.filter(**{f"redacted_from__{files.source_field}": source})
        .exclude(redacted_from=redaction)
        .first()
    )
    output = files.keep_output(
        actor=actor,
        owner=owner,
        source=source,
        data=data,
        name=f"{stem}-脱敏.pdf",
        rules=OUTPUT_RULES,
    )
    files.set_aside(source)
    redaction.status = Redaction.Status.APPLIED
    setattr(redaction, files.output_field, output)
    redaction.applied_by = actor if getattr(actor, "is_authenticated", False) else None
    redaction.applied_at = timezone.now()
    redaction.save(update_fields=["status", files.output_field, "applied_by", "applied_at"])
    if earlier is not None:  # the copy of an earlier version is replaced, before review
        file_remove(stored=earlier, actor=actor)
    audit_record(
        actor=actor,
        action="redaction.apply",
        obj=owner,
        changes={source.audit_key: [source.title, output.title], "boxes": [None, len(boxes)]},
    )
    return output


def redaction_page_image(*, actor, redaction: Redaction, page: int) -> bytes:
    """A page of the working copy as a PNG, for staff who may see the original; each look is
    recorded."""
    files_for(redaction).require_view(actor, redaction.owner)
    png = engine.render_page(file_read(redaction), page)
    audit_record(
        actor=actor,
        action="redaction.view_original",
        obj=redaction.owner,
        note=f"{redaction.title} 第{page}页",
    )
    return png
