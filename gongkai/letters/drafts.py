"""The 答复书 a drafted decision would become, shown to the reviewer before approving it: the
text on the case page and a DOCX marked 草稿. A preview only: never stored on the case, never
sent, never audited as an issued letter (issuing is `services.letter_issue`, after approval)."""

import datetime as dt
from dataclasses import dataclass

from gongkai.applications.models import Application
from gongkai.applications.permissions import handles
from gongkai.applications.states import Status
from gongkai.core.errors import DomainError

from .models import LetterKind
from .render import compose_letter
from .text import Block
from .word import build_docx

# On top of every page of the preview and in its file properties.
DRAFT_MARK = "草稿　未经审核，不是正式答复，不得发出"


@dataclass(frozen=True)
class DraftLetter:
    title: str
    blocks: tuple[Block, ...]


def awaits_review(application: Application) -> bool:
    """A drafted reply waits for the reviewer: the one state with a draft to preview."""
    return application.status == Status.DECISION_DRAFTED and bool(application.outcome)


def draft_decision_letter(
    application: Application, *, reader=None, today: dt.date | None = None
) -> DraftLetter:
    """The text of the 答复书 as it would be issued today from the drafted decision. For a
    `reader` who does not handle the case (the reviewer), the applicant's contact is masked as
    on the case page (applications.personal); the issued letter carries it whole."""
    if not awaits_review(application):
        raise DomainError("本申请没有待审核的答复稿。", code="no_draft")
    title, blocks = compose_letter(
        application,
        LetterKind.DECISION,
        today=today,
        contact_masked=reader is not None and not handles(reader, application),
    )
    return DraftLetter(title, tuple(blocks))


def draft_decision_docx(
    application: Application, *, reader=None, today: dt.date | None = None
) -> bytes:
    draft = draft_decision_letter(application, reader=reader, today=today)
    return build_docx(
        draft.title, list(draft.blocks), author=application.agency.name, mark=DRAFT_MARK
    )
