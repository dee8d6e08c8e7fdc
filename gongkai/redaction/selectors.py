"""Reads of redactions: the regime whose grounds apply, and what a reply withholds."""

from __future__ import annotations

from dataclasses import dataclass

from .models import Redaction
from .owners import files_for


def regime_of(owner):
    """The regime whose grounds a redaction of the owner's files cites: a case's own (today's
    before receipt fixes it), today's for a catalogue item."""
    return files_for(owner).regime(owner)


def grounds_of(owner) -> list[tuple[str, str]]:
    """(code, "label（article）") of each ground a box may name, for a select."""
    regime = regime_of(owner)
    return [(g.code, f"{g.label}（{g.basis}）") for g in regime.withholding_grounds]


@dataclass(frozen=True)
class WithheldPart:
    """One ground on which parts of one released file are withheld, and the pages."""

    file: str
    pages: tuple[int, ...]
    ground: str  # the ground's label
    basis: str  # its article(s) as cited
    citation: str  # basis prefixed by the regime's name where it is an article of it

    def __str__(self):
        pages = "、".join(str(p) for p in self.pages)
        return f"“{self.file}”第{pages}页遮盖的内容{self.ground}，依据{self.citation}不予公开。"


def withheld_parts(application) -> list[WithheldPart]:
    """What the released files of a case withhold, from the boxes of each applied redaction
    whose redacted copy is still on the case: by file and ground, pages in order."""
    regime = regime_of(application)
    redactions = (
        Redaction.objects.filter(
            application=application, status=Redaction.Status.APPLIED, output__isnull=False
        )
        .select_related("output")
        .prefetch_related("boxes")
        .order_by("output__uploaded_at", "output_id")
    )
    parts = []
    for redaction in redactions:
        by_ground: dict[str, set[int]] = {}
        for box in redaction.boxes.all():
            by_ground.setdefault(box.ground, set()).add(box.page)
        for ground in regime.withholding_grounds:  # the regime's order
            if ground.code in by_ground:
                basis = ground.basis
                citation = basis if basis.startswith("《") else f"{regime.citation}{basis}"
                parts.append(
                    WithheldPart(
                        redaction.output.title,
                        tuple(sorted(by_ground[ground.code])),
                        ground.label,
                        basis,
                        citation,
                    )
                )
    return parts
