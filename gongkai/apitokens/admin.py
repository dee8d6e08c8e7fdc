from django.contrib import admin

from .models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Read-only: tokens are created and revoked in the office (or `gongkai token`), where the
    secret is shown once and every step is audited."""

    list_display = ["name", "agency", "prefix", "access", "subtree", "expires_on", "last_used_at"]
    list_filter = ["access", "subtree"]
    search_fields = ["name", "prefix", "agency__name", "agency__code"]
    exclude = ["digest"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
