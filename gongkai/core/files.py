"""The one way a file enters, changes in, leaves and is served from the platform.

Every kind of stored file (a `core.models.StoredFile` subclass) goes through these functions:
the real type is sniffed from the content and the size limited (`core.uploads`), the file is
read within the limits on uploaded files, in a child process (`core.parsing`), hidden content
is looked for (`core.hidden_content`), the path is made safe (`stored_file_path`), the change is
audited on the owning object, and a removed file's bytes go only once the removal commits.
Permission checks stay with the owner's service (it knows the action); views serve a file with
`file_response` only after their own check.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from urllib.parse import quote

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import FileResponse

from . import parsing
from .audit import audit_record
from .hidden_content import findings_of, strip_metadata
from .models import StoredFile
from .uploads import ALL_KINDS, DOCX, PDF, XLSX, FileKind, check_upload, sniff


@dataclass(frozen=True)
class FileRules:
    """What one kind of stored file accepts."""

    allowed: tuple[FileKind, ...] = ALL_KINDS
    max_bytes: int | None = None  # a fixed limit; None: the setting below
    limit_setting: str = "GONGKAI_MAX_ATTACHMENT_BYTES"
    # Look for hidden content (comments, tracked changes, hidden sheets, properties …) and
    # keep the findings on the file, for the reviewer of anything that will be released.
    check_hidden: bool = True
    # Clear the document properties (author, company …) on arrival: for files from the public
    # that the platform itself publishes (a comment's files), whose senders cannot be asked to.
    strip_properties: bool = False
    fallback_title: str = "附件"

    @property
    def limit(self) -> int:
        return self.max_bytes or getattr(settings, self.limit_setting)


def _person(actor):
    return actor if actor is not None and getattr(actor, "is_authenticated", False) else None


def file_read(stored: StoredFile) -> bytes:
    with stored.file.open("rb") as handle:
        return handle.read()


def file_store(
    *,
    model: type[StoredFile],
    owner,
    upload,
    actor,
    rules: FileRules,
    title: str = "",
    audit_action: str = "",
    audit_note: str = "",
    derive=None,
    **fields,
) -> StoredFile:
    """Check `upload` against `rules` and keep it as a `model` of `owner`. Inside the owner's
    service transaction, after its permission and state checks. Raises UploadRejected (a
    DomainError) naming the file and the reason, ParseRefused naming the limit for a file
    beyond one. `derive(data)` gives further fields computed from the bytes (a catalogue
    attachment's text for search); it runs with the hidden-content check in one child process,
    so it must be pure (bytes in, fields out)."""
    kind = check_upload(upload, allowed=rules.allowed, max_bytes=rules.limit)
    upload.seek(0)
    data = upload.read()
    name = (
        (getattr(upload, "name", "") or f"{rules.fallback_title}.{kind.extension}")
        .replace("\\", "/")
        .rsplit("/", 1)[-1]
    )
    data, findings, derived = parsing.read(
        data, name, _examine, name, rules.check_hidden, rules.strip_properties, derive
    )
    stored = model(
        **model.owner_fields(owner),
        title=((title or "").strip() or name)[:200],
        content_type=kind.content_type,
        size=len(data),
        findings=findings,
        uploaded_by=_person(actor),
        **fields,
        **derived,
    )
    stored.file.save(name, ContentFile(data), save=False)
    stored.save()
    if audit_action:
        audit_record(
            actor=actor,
            action=audit_action,
            obj=owner,
            changes={model.audit_key: [None, stored.title]},
            note=audit_note,
        )
    return stored


def _examine(
    data: bytes, name: str, check_hidden: bool, strip: bool, derive
) -> tuple[bytes, list[dict], dict]:
    """What file_store learns from the bytes, in one child process: the bytes to keep (without
    their document properties if `strip`), their findings and derived fields."""
    if strip and sniff(data[:16], io.BytesIO(data)) in (DOCX, XLSX, PDF):
        data = strip_metadata(data, name)
    findings = [vars(f) for f in findings_of(data, name)] if check_hidden else []
    return data, findings, (derive(data) if derive is not None else {})


def _strip(data: bytes, name: str) -> tuple[bytes, list[dict]]:
    stripped = strip_metadata(data, name)  # in this child: the original was inspected
    return stripped, [vars(f) for f in findings_of(stripped, name)]


def file_remove(*, stored: StoredFile, actor, audit_action: str = "") -> None:
    """Delete the record now and the bytes once the transaction commits (a rollback loses
    nothing)."""
    if audit_action:
        audit_record(
            actor=actor,
            action=audit_action,
            obj=stored.owner,
            changes={stored.audit_key: [stored.title, None]},
        )
    storage, name = stored.file.storage, stored.file.name
    stored.delete()
    transaction.on_commit(lambda: storage.delete(name))


def file_strip_metadata(*, stored: StoredFile, actor, audit_action: str = "") -> StoredFile:
    """Replace the file by a copy without document properties (author, company …) and check it
    again. Comments and tracked changes stay: they are content a reviewer must decide on."""
    data, findings = parsing.read(file_read(stored), stored.filename, _strip, stored.filename)
    old_name, storage = stored.file.name, stored.file.storage
    before = len(stored.findings)
    stored.file.save(stored.filename, ContentFile(data), save=False)
    stored.size = len(data)
    stored.findings = findings
    stored.save(update_fields=["file", "size", "findings"])
    if old_name != stored.file.name:
        transaction.on_commit(lambda: storage.delete(old_name))
    if audit_action:
        audit_record(
            actor=actor,
            action=audit_action,
            obj=stored.owner,
            changes={"findings": [before, len(stored.findings)]},
            note=stored.title,
        )
    return stored


def file_response(stored: StoredFile, *, inline: bool = False) -> FileResponse:
    """The file as a download (or inline, for images and PDFs shown on a page), with its own
    name and the content type found when it was stored. Call only after the permission check."""
    return field_file_response(
        stored.file, filename=stored.filename, content_type=stored.content_type, inline=inline
    )


def field_file_response(
    field_file, *, filename: str, content_type: str | None = None, inline: bool = False
) -> FileResponse:
    """A file held in a model's own FileField (an imported report's original document), served
    as `file_response` serves a stored file; without a content type, the name's is used. Call
    only after the permission check."""
    response = FileResponse(
        field_file.open("rb"),
        as_attachment=not inline,
        filename=filename,
        content_type=content_type,
    )
    if inline:
        response["Content-Disposition"] = f"inline; filename*=UTF-8''{quote(filename)}"
    return response
