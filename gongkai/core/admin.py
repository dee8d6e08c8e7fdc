from django.contrib import admin

from .models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: nobody adds, edits or deletes audit rows through the app."""

    list_display = ["at", "actor_repr", "agency", "action", "object_repr", "ip"]
    list_filter = ["action", "content_type"]
    search_fields = ["object_repr", "actor_repr", "action", "object_id"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
