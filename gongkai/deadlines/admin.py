from django.contrib import admin

from gongkai.workdays.admin import ReadOnlyAdmin

from .models import Deadline


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
