"""Whose file a redaction works on: a case's file to be released, or a catalogue item's
attachment. One class per kind of owner says what differs between them: how the owner is
locked for a change to its files, and who may make one in which state; who may see an
original; whose withholding grounds apply; how the redacted copy is kept and the original set
aside; where the owner's staff page is. The services, forms and pages of the redaction app ask
`files_for(…)` and nothing else, so that there is one redaction mechanism for both.
"""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.applications.models import Application, ApplicationDocument
from gongkai.applications.states import RELEASE_EDITABLE
from gongkai.applications.states import WORKFLOW as APPLICATION_WORKFLOW
from gongkai.catalog.models import Attachment, Item
from gongkai.catalog.permissions import POLICY as CATALOG_POLICY
from gongkai.catalog.services.items import attachment_fields, lock_editable_item
from gongkai.catalog.states import EDITABLE as ITEM_EDITABLE
from gongkai.core.errors import DomainError
from gongkai.core.files import file_store
from gongkai.regimes import regime_for

from .models import Redaction
from .permissions import POLICY

Kind = ApplicationDocument.Kind


class CaseFiles:
    """A case's files to be released (部分公开, 2019 Art. 37). The staff handling the case redact
    them until the draft reply goes to review (applications.states.RELEASE_EDITABLE); handlers
    and reviewers see the originals. The redacted copy is a file to be released, given to the
    applicant with the decision; the original becomes 脱敏前原件, never the applicant's."""

    model = ApplicationDocument
    source_field, output_field = "source", "output"
    # The apply action's words: who receives only the redacted copy.
    audience = _("申请人")

    def owner_of(self, document: ApplicationDocument) -> Application:
        return document.application

    def lock(self, application: Application, *, actor) -> Application:
        application = APPLICATION_WORKFLOW.lock(application)
        POLICY.require(actor, "redact", application)
        if application.status not in RELEASE_EDITABLE:
            raise DomainError(
                "答复已提交审核或已办结，不能再更改公开的文件；请先退回答复稿，修改后重新审核。",
                code="release_frozen",
            )
        return application

    def is_editable(self, application: Application) -> bool:
        return application.status in RELEASE_EDITABLE

    def require_view(self, actor, application: Application) -> None:
        POLICY.require_view(actor, application)

    def regime(self, application: Application):
        """The case's regime (today's before receipt fixes it)."""
        return application.regime_obj or regime_for(timezone.localdate())

    def check_source(self, document: ApplicationDocument) -> None:
        if document.kind not in (Kind.RELEASED, Kind.ORIGINAL):
            raise DomainError("只能对拟公开的政府信息文件做脱敏处理。", code="not_released")

    def keep_output(self, *, actor, owner, source, data: bytes, name: str, rules):
        return file_store(
            model=ApplicationDocument,
            owner=owner,
            upload=ContentFile(data, name=name),
            actor=actor,
            rules=rules,
            title=f"{source.title}（脱敏）"[:200],
            kind=Kind.RELEASED,
            visible_to_applicant=False,  # given out with the decision, when it is served
        )

    def set_aside(self, source: ApplicationDocument) -> None:
        if source.kind != Kind.ORIGINAL or source.visible_to_applicant:
            source.kind, source.visible_to_applicant = Kind.ORIGINAL, False
            source.save(update_fields=["kind", "visible_to_applicant"])

    def page_url(self, application: Application) -> str:
        return reverse("applications_office:case", args=[application.pk])

    def page_name(self, application: Application) -> str:
        return application.number

    def download_url(self, document: ApplicationDocument) -> str:
        return reverse("applications:download", args=[document.pk])


class ItemFiles:
    """A catalogue item's attachments (主动公开). Redacted by those who may edit the item, while
    it may be edited: a draft, before the 保密审查 or returned by it (catalog.services.items.
    lock_editable_item, as for any other change to its files); after submission only a return
    reopens them. Those who draft or review the agency's items see the originals (the
    catalogue's `view_original` rule). The redacted copy becomes an attachment of the item, the
    one published; the original stays inside (Attachment.is_original)."""

    model = Attachment
    source_field, output_field = "source_attachment", "output_attachment"
    audience = _("公众")

    def owner_of(self, attachment: Attachment) -> Item:
        return attachment.item

    def lock(self, item: Item, *, actor) -> Item:
        return lock_editable_item(
            item,
            actor=actor,
            message="条目已提交保密审查或已发布，附件不能再做脱敏处理；如需修改，请由审查人退回。",
        )

    def is_editable(self, item: Item) -> bool:
        return item.status in ITEM_EDITABLE

    def require_view(self, actor, item: Item) -> None:
        CATALOG_POLICY.require(actor, "view_original", item)

    def regime(self, item: Item):
        """The regulation in force today: an item is published under today's rules."""
        return regime_for(timezone.localdate())

    def check_source(self, attachment: Attachment) -> None:
        """Any file of the item: PDF, Word, Excel and images are made PDFs first."""

    def keep_output(self, *, actor, owner, source, data: bytes, name: str, rules):
        return file_store(
            model=Attachment,
            owner=owner,
            upload=ContentFile(data, name=name),
            actor=actor,
            rules=rules,
            title=f"{source.title}（脱敏）"[:200],
            derive=attachment_fields,  # the redacted text, for search once published
        )

    def set_aside(self, source: Attachment) -> None:
        # Nothing of it may reach the public: no text for search, not shown as a 图解.
        if not source.is_original:
            source.is_original, source.text, source.is_graphic = True, "", False
            source.save(update_fields=["is_original", "text", "is_graphic"])

    def page_url(self, item: Item) -> str:
        return reverse("catalog_office:item", args=[item.pk])

    def page_name(self, item: Item) -> str:
        return item.index_number

    def download_url(self, attachment: Attachment) -> str:
        return reverse("catalog_office:attachment", args=[attachment.item_id, attachment.pk])


CASE_FILES = CaseFiles()
ITEM_FILES = ItemFiles()


def files_for(obj) -> CaseFiles | ItemFiles:
    """The owner kind of a redaction, of a file, or of its owner."""
    if isinstance(obj, Redaction):
        return CASE_FILES if obj.application_id is not None else ITEM_FILES
    if isinstance(obj, Application | ApplicationDocument):
        return CASE_FILES
    if isinstance(obj, Item | Attachment):
        return ITEM_FILES
    raise TypeError(f"no redaction for {type(obj).__name__}")
