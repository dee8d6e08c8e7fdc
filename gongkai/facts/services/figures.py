"""Figures from the agency's other systems (行政许可, 行政处罚, 行政强制 decisions, 行政事业性收费,
规章): entered by form or API one agency-year at a time, each with its source and who entered
it, and refused once the year is locked."""

import unicodedata
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone

from gongkai.agencies.models import Agency
from gongkai.core.audit import audit_record, diff, snapshot
from gongkai.core.errors import DomainError

from ..models import FIGURE_CELLS, FigureKey, OtherSystemFigure
from ..models.figures import AMOUNT_KEYS
from ..models.records import MIN_YEAR
from ..permissions import POLICY
from .base import lock_agency, refuse_locked_year

AUDITED = ("value", "unit", "source", "entered_by")
MAX_VALUE = Decimal("9999999999")


def check_year(year) -> int:
    today = timezone.localdate()
    if not isinstance(year, int) or not (MIN_YEAR <= year <= today.year):
        raise DomainError(
            f"年度应在{MIN_YEAR}年至{today.year}年之间。", code="bad_year", field="year"
        )
    return year


def check_key(key: str) -> str:
    if key not in FigureKey.values:
        raise DomainError(
            f"未知的指标“{key}”（可用：{'、'.join(FigureKey.values)}）。",
            code="bad_key",
            field="key",
        )
    return key


def parse_value(key: str, raw) -> Decimal:
    """A count (whole number of 件) or, for 行政事业性收费, an amount in 万元 to the 元."""
    text = unicodedata.normalize("NFKC", str(raw if raw is not None else "")).strip()
    text = text.replace(",", "")
    try:
        value = Decimal(text)
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite():
        raise DomainError(f"“{raw}”不是数字。", code="bad_value", field="value")
    if value < 0:
        raise DomainError("数值不能为负数。", code="negative", field="value")
    if value > MAX_VALUE:
        raise DomainError("数值过大，请检查。", code="bad_value", field="value")
    if key in AMOUNT_KEYS:
        if value != value.quantize(Decimal("0.0001")):
            raise DomainError(
                "收费金额以万元为单位，最多保留4位小数（精确到元）。",
                code="bad_value",
                field="value",
            )
    elif value != value.to_integral_value():
        raise DomainError("件数应为整数。", code="bad_value", field="value")
    return value.quantize(Decimal("0.0001"))  # as stored, so the audit compares like with like


def check_source(source: str) -> str:
    source = (source or "").strip()
    if not source:
        raise DomainError(
            "请写明数据来源（哪个系统或台账）。", code="source_required", field="source"
        )
    if len(source) > 200:
        raise DomainError("来源不超过200字。", code="source_too_long", field="source")
    return source


def store_figure(actor, agency: Agency, year: int, key: str, value: Decimal, source: str):
    """Create or change one figure, inside the caller's transaction, after the lock check.
    Returns (figure, changed)."""
    figure = (
        OtherSystemFigure.objects.select_for_update()
        .filter(agency=agency, year=year, key=key)
        .first()
    )
    entered_by = actor if actor is not None and actor.is_authenticated else None
    if figure is not None and figure.value == value and figure.source == source:
        return figure, False
    before = snapshot(figure, AUDITED) if figure else {}
    figure = figure or OtherSystemFigure(agency=agency, year=year, key=key)
    figure.value = value
    figure.unit = FIGURE_CELLS[key][2]
    figure.source = source
    figure.entered_by = entered_by
    figure.entered_at = timezone.now()
    figure.save()
    audit_record(
        actor=actor,
        action="facts.figure_save",
        obj=figure,
        changes=diff(before, snapshot(figure, AUDITED)),
    )
    return figure, True


def remove_figure(actor, figure: OtherSystemFigure) -> None:
    audit_record(
        actor=actor,
        action="facts.figure_delete",
        obj=figure,
        changes={k: [v, None] for k, v in snapshot(figure, AUDITED).items()},
    )
    figure.delete()


@transaction.atomic
def figure_save(*, actor, agency: Agency, year: int, key: str, value, source: str):
    """Enter (or correct) one figure."""
    POLICY.require(actor, "figures", agency.pk)
    year, key = check_year(year), check_key(key)
    value, source = parse_value(key, value), check_source(source)
    agency = lock_agency(agency)
    refuse_locked_year(agency, year)
    return store_figure(actor, agency, year, key, value, source)[0]


@transaction.atomic
def figures_save(*, actor, agency: Agency, year: int, entries: dict) -> int:
    """The agency-year form: {key: (value or None, source)}. A value of None removes the
    figure. Every entry is checked before anything is saved; returns how many changed."""
    POLICY.require(actor, "figures", agency.pk)
    check_year(year)
    parsed = {}
    for key, (raw, source) in entries.items():
        check_key(key)
        if raw is None or str(raw).strip() == "":
            parsed[key] = None
            continue
        try:
            parsed[key] = (parse_value(key, raw), check_source(source))
        except DomainError as error:
            error.field = key if error.field == "value" else f"{key}_source"
            raise
    agency = lock_agency(agency)
    refuse_locked_year(agency, year)
    changed = 0
    existing = {f.key: f for f in OtherSystemFigure.objects.filter(agency=agency, year=year)}
    for key, entry in parsed.items():
        if entry is None:
            if key in existing:
                remove_figure(actor, existing[key])
                changed += 1
            continue
        changed += store_figure(actor, agency, year, key, *entry)[1]
    return changed


@transaction.atomic
def figure_delete(*, actor, figure: OtherSystemFigure) -> None:
    POLICY.require(actor, "figures", figure.agency_id)
    lock_agency(figure.agency_id)
    refuse_locked_year(figure.agency_id, figure.year)
    remove_figure(actor, figure)
