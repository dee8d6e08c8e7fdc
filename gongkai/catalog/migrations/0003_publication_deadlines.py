"""Every unpublished 主动公开 item gets its open publication deadline (2019 Art. 26; 2008 Art. 18
for an item drafted before 2019-05-15), counted from its 生成日期.

The dates are computed here, with the pure working-day calendar fed by the historical holiday
rows (no runtime service is imported): a year that is not loaded gives a deadline without a
date but with the reason, which the deadlines app fills in when the year is loaded. Each
opening is audited as the deadlines service audits it.
"""

from django.db import migrations

from gongkai.core.errors import DomainError
from gongkai.deadlines.compute import period_fields
from gongkai.regimes import regime_for
from gongkai.workdays.calendar import DayRule, WorkCalendar

# catalog.states.UNPUBLISHED when this migration was written (migrations keep their own copy).
UNPUBLISHED = ["draft", "submitted", "approved"]
NOTE = "主动公开期限：为已有的未发布条目开启"


def _calendar(apps) -> WorkCalendar:
    CalendarYear = apps.get_model("workdays", "CalendarYear")
    CalendarDay = apps.get_model("workdays", "CalendarDay")
    return WorkCalendar(
        (
            DayRule(date, kind, name)
            for date, kind, name in CalendarDay.objects.values_list("date", "kind", "name")
        ),
        CalendarYear.objects.values_list("year", flat=True),
    )


def _content_type(apps, app_label: str, model: str):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.get_or_create(app_label=app_label, model=model)[0]


def open_deadlines(apps, schema_editor):
    Item = apps.get_model("catalog", "Item")
    Deadline = apps.get_model("deadlines", "Deadline")
    AuditEvent = apps.get_model("core", "AuditEvent")
    items = Item.objects.filter(disclosure="active", status__in=UNPUBLISHED).order_by("pk")
    if not items.exists():
        return
    calendar = _calendar(apps)
    item_type = _content_type(apps, "catalog", "item")
    deadline_type = _content_type(apps, "deadlines", "deadline")
    already = set(
        Deadline.objects.filter(
            content_type=item_type, kind="publication", is_open=True
        ).values_list("object_id", flat=True)
    )
    for item in items.iterator(chunk_size=500):
        if str(item.pk) in already:
            continue
        try:
            regime = regime_for(item.created_on)
        except DomainError:  # drafted before the 2008 Regulation: no statutory period
            continue
        due, pending_reason, trace = period_fields(
            calendar=calendar, start=item.created_on, limit=regime.proactive_publication
        )
        subject = f"{item.index_number} {item.title}"
        deadline = Deadline.objects.create(
            agency_id=item.agency_id,
            content_type=item_type,
            object_id=str(item.pk),
            subject_repr=subject[:300],
            kind="publication",
            regime=regime.code,
            start=item.created_on,
            due=due,
            pending_reason=pending_reason,
            trace=trace,
        )
        AuditEvent.objects.create(
            actor=None,
            actor_repr="系统",
            agency_id=item.agency_id,
            content_type=deadline_type,
            object_id=str(deadline.pk),
            object_repr=f"{subject} · 主动公开期限 · {due or '待定'}"[:300],
            action="deadline.open",
            changes={"due": [None, due.isoformat() if due else None]},
            note=pending_reason or NOTE,
        )


def remove_deadlines(apps, schema_editor):
    """Back to before publication deadlines: the catalogue's deadline rows go (their audit rows
    stay: the trail is append-only)."""
    Deadline = apps.get_model("deadlines", "Deadline")
    ContentType = apps.get_model("contenttypes", "ContentType")
    item_type = ContentType.objects.filter(app_label="catalog", model="item").first()
    if item_type is not None:
        Deadline.objects.filter(content_type=item_type, kind="publication").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0002_history_in_core"),
        ("deadlines", "0001_initial"),
        ("workdays", "0001_initial"),
        ("core", "0003_status_change"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(open_deadlines, remove_deadlines)]
