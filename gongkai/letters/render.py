"""A letter for a case: the template chosen for its agency and outcome, filled with the case's
facts, as paragraphs, DOCX and PDF."""

import datetime as dt
from dataclasses import dataclass

from gongkai.applications.models import Application
from gongkai.core.errors import DomainError

from .context import letter_context, require_facts
from .models import ANY_GROUP, LetterKind
from .pdf import build_pdf
from .selectors import letter_template_for
from .text import Block, render_blocks, render_text
from .word import build_docx


@dataclass(frozen=True)
class RenderedLetter:
    title: str
    paragraphs: list[str]
    docx: bytes
    pdf: bytes
    blocks: tuple[Block, ...] = ()  # the paragraphs with their alignment


def render_letter(
    application: Application, kind: str, *, today: dt.date | None = None
) -> RenderedLetter:
    """The finished letter, or DomainError when the case lacks its facts or no template exists."""
    require_facts(application, kind)
    title, blocks = compose_letter(application, kind, today=today)
    author = application.agency.name
    return RenderedLetter(
        title=title,
        paragraphs=[block.text for block in blocks],
        docx=build_docx(title, blocks, author=author),
        pdf=build_pdf(title, blocks, author=author),
        blocks=tuple(blocks),
    )


def compose_letter(
    application: Application,
    kind: str,
    *,
    today: dt.date | None = None,
    contact_masked: bool = False,
) -> tuple[str, list[Block]]:
    """(title, paragraphs) of the letter from its template, without building files and without
    checking that the case may have it yet (`render_letter` does; a draft's preview does not).
    DomainError when no template exists. `contact_masked` for a preview read by staff who do
    not handle the case (context.letter_context)."""
    outcome = application.outcome_obj if kind == LetterKind.DECISION else None
    template = letter_template_for(
        agency=application.agency, kind=kind, group=outcome.group if outcome else ANY_GROUP
    )
    if template is None:
        raise DomainError(
            f"没有可用的“{LetterKind(kind).label}”模板，请平台管理员在后台添加。",
            code="letter_template_missing",
        )
    context = letter_context(application, kind, today=today, contact_masked=contact_masked)
    title = " ".join(render_text(template.title, context).split())
    return title, render_blocks(template.body, context)
