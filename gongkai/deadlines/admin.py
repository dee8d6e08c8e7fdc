from django.contrib import admin

from gongkai.workdays.admin import ReadOnlyAdmin

from .models import Deadline, ReminderDigest


@admin.register(Deadline)
class DeadlineAdmin(ReadOnlyAdmin):
    """Deadlines change only through their services (audited, recomputed with the calendar)."""

    list_display = [
        "subject_repr",
        "kind",
        "agency",
        "start",
        "due",
        "provisional",
        "extended",
        "is_open",
    ]
    list_filter = ["kind", "is_open", "provisional", "regime"]
    search_fields = ["subject_repr"]


@admin.register(ReminderDigest)
class ReminderDigestAdmin(ReadOnlyAdmin):
    """What the daily reminder sent to whom (written only by the reminder itself)."""

    list_display = ["day", "recipient", "channels", "item_count", "sent_at"]
    list_filter = ["day", "channels"]
    search_fields = ["recipient__username", "text"]
