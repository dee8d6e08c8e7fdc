from django.contrib import admin

from .models import AnnualReport, CheckOverride, Narrative, ReportSettings


@admin.register(ReportSettings)
class ReportSettingsAdmin(admin.ModelAdmin):
    list_display = ["agency", "jump_ratio"]
    search_fields = ["agency__name", "agency__code"]


class ReadOnly(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class NarrativeInline(ReadOnly):
    model = Narrative
    fields = ["number", "saved_by", "saved_at", "prefilled"]
    readonly_fields = fields


class OverrideInline(ReadOnly):
    model = CheckOverride
    fields = ["problem", "reason", "by", "at"]
    readonly_fields = fields


@admin.register(AnnualReport)
class AnnualReportAdmin(admin.ModelAdmin):
    """Read-only: reports change only through their services (office pages)."""

    list_display = ["agency", "year", "subtree", "version", "format", "status", "imported"]
    list_filter = ["status", "format", "year", "imported"]
    search_fields = ["agency__name", "agency__code"]
    inlines = [NarrativeInline, OverrideInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
