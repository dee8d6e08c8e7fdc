"""Loading the demo catalogue: every agency's rows through `catalog_import`, then the fates
of 规范性文件, the 索引号 sequences and the 指南."""

import io
import random
import time

from django.db import transaction

from gongkai.agencies.models import Agency
from gongkai.catalog.models import IndexSequence, Item
from gongkai.catalog.services import (
    batch_approve,
    catalog_import,
    item_set_validity,
    normative_register,
)
from gongkai.catalog.services.guide import (
    DEFAULT_ARRANGEMENT,
    DEFAULT_HOW_TO_OBTAIN,
    guide_save,
    missing_office_facts,
)
from gongkai.workdays.selectors import work_calendar

from ..accounts import catalog_migration_staff
from ..agencies import load_agencies
from ..data.agencies import SEED_AGENCY_CODE
from ..data.catalog import AGENCIES, CITY, PROFILES, SOURCE, YEARS
from ..data.catalog_gxw import GXW
from ..data.catalog_words import COUNTIES
from ..progress import SILENT, Reporter
from .book import Book
from .seed import city_2017, seed_2017
from .words import company
from .years import load_year


def _docx(title: str, rng, rows: int) -> bytes:
    import docx

    document = docx.Document()
    document.add_heading(title, level=1)
    table = document.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ("序号", "单位名称", "所在地"), strict=True):
        cell.text = text
    for n in range(1, rows + 1):
        cells = table.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = str(n), company(rng), rng.choice(COUNTIES)
    properties = document.core_properties
    for name in ("author", "last_modified_by", "title", "subject", "keywords", "comments"):
        setattr(properties, name, "")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _attachments(books, rng) -> dict[str, bytes]:
    """Small DOCX name lists: the seed's 2017 ones, and one 名单 a year or so from 2024 on."""
    files = {}
    for book in books:
        lists = [
            e
            for e in book.entries
            if e["published_on"]
            and e["published_on"].year >= 2024
            and e["_codes"][1] == "G03"
            and "名单" in e["title"]
        ]
        for entry in rng.sample(lists, min(2, len(lists))):
            name = entry["title"].split("关于", 1)[-1]
            for suffix in ("的公示", "的公告", "公示", "公告"):
                name = name.removesuffix(suffix)
            entry["attachments"] = f"{name[:40]}.docx"
        for entry in book.entries:
            name = entry.get("attachments")
            if name and name not in files:
                files[name] = _docx(name.removesuffix(".docx"), rng, rng.randint(6, 15))
    return files


# ---------------------------------------------------------------------------------------------


def load_catalog(*, reporter: Reporter = SILENT) -> dict:
    """Load the demo catalogue unless the seed agency has catalogue items already.
    Returns counts (all zero when nothing was loaded)."""
    counts = {"agencies": 0, "items": 0, "published": 0, "channels": 0, "normative": 0}
    counts |= {"interpretations": 0, "attachments": 0}
    agencies = load_agencies()
    if Item.objects.filter(agency=agencies[SEED_AGENCY_CODE]).exists():
        return counts
    started = time.monotonic()
    rng = random.Random(20170395)
    calendar = work_calendar()
    books = {code: Book(agencies[code], PROFILES[code], rng, calendar) for code in AGENCIES}
    city_policy = city_2017(books[CITY])
    for code in AGENCIES:
        for year in YEARS:
            load_year(books[code], year, books[code].normatives)
    seed_book = Book(agencies[SEED_AGENCY_CODE], GXW, rng, calendar)
    seed_2017(seed_book, city_policy)
    # One book per agency: the seed's 2017 entries join its 2019–2026 ones.
    for entry in seed_book.entries:
        entry["_seq"] += 100_000
    books[SEED_AGENCY_CODE].entries[:0] = seed_book.entries
    files = _attachments(books.values(), rng)
    # AGENCIES starts with the city: the seed's 图解 takes the city policy's 索引号.
    rows = {code: books[code].rows() for code in AGENCIES}
    with transaction.atomic():
        importer, reviewer = catalog_migration_staff([agencies[code] for code in AGENCIES])
        for code in reporter.steps(AGENCIES, desc="主动公开目录"):
            # A history migration: the published rows wait for the 保密审查, which approves
            # the batch (the city's first, so the seed's 图解 can interpret a public policy).
            items = catalog_import(
                actor=importer,
                agency=agencies[code],
                rows=rows[code],
                source_name=f"{SOURCE}·{agencies[code].short_name or agencies[code].name}",
                history=True,
                read_attachment=files.get,
            )
            batch_approve(actor=reviewer, batch=items[0].import_batch)
            reporter.note(f"  {agencies[code].name}：{len(items)} 条")
        _register_fates(books.values())
        _save_sequences(books.values())
        _guides()
    loaded = Item.objects.filter(agency__in=[agencies[code] for code in AGENCIES])
    counts.update(
        agencies=len(AGENCIES),
        items=loaded.count(),
        published=loaded.filter(status="published").count(),
        channels=sum(
            len(r["channels"].split(";")) for rs in rows.values() for r in rs if r["channels"]
        ),
        normative=loaded.filter(normative__isnull=False).count(),
        interpretations=loaded.filter(interprets__isnull=False).count(),
        attachments=len(files),
    )
    reporter.note(f"  目录演示数据：{counts}，用时 {time.monotonic() - started:.1f} 秒")
    return counts


def _guides() -> None:
    """Version 1 of the 指南 for every demo agency whose office facts are complete."""
    for agency in Agency.objects.order_by("path"):
        if not missing_office_facts(agency):
            guide_save(
                actor=None,
                agency=agency,
                arrangement=DEFAULT_ARRANGEMENT,
                how_to_obtain=DEFAULT_HOW_TO_OBTAIN,
            )


def _register_fates(books) -> None:
    """Abolish or mark as revised the 规范性文件 whose fate was drawn, through the services."""
    for book in books:
        for entry in book.normatives:
            fate = entry.get("_fate")
            if not fate:
                continue
            item = Item.objects.get(index_number=entry["index_number"])
            if fate[0] == "abolished":
                normative_register(
                    actor=None,
                    item=item,
                    issued_on=entry["created_on"],
                    registration_number=entry["normative_number"],
                    abolished_on=max(fate[1], entry["published_on"]),
                    abolition_note="根据规范性文件清理结果，宣布废止。",
                )
            else:
                replacement = Item.objects.get(index_number=fate[1]["index_number"])
                item_set_validity(
                    actor=None, item=item, validity=Item.Validity.REVISED, replaced_by=replacement
                )


def _save_sequences(books) -> None:
    """Leave the 索引号 sequences where the demo numbering stopped, so new items continue."""
    IndexSequence.objects.bulk_create(
        IndexSequence(agency=book.agency, scope=scope, last=last)
        for book in books
        for scope, last in book.sequences.items()
    )
