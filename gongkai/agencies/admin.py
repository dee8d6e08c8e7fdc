"""Platform configuration. Saves go through the services so every change is audited."""

from django.contrib import admin

from . import services
from .models import Agency, Membership
from .services import AGENCY_EDITABLE_FIELDS


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "level", "kind", "parent", "is_active"]
    list_filter = ["level", "kind", "is_active"]
    search_fields = ["name", "short_name", "code", "credit_code"]
    readonly_fields = ["path", "depth", "created_at"]
    autocomplete_fields = ["parent"]

    def get_readonly_fields(self, request, obj=None):
        # Moving an existing agency rewrites its subtree: done by services.agency_move.
        return [*self.readonly_fields, "code", "parent"] if obj else self.readonly_fields

    def save_model(self, request, obj, form, change):
        data = {k: v for k, v in form.cleaned_data.items() if k in AGENCY_EDITABLE_FIELDS}
        if change:
            services.agency_update(actor=request.user, agency=obj, **data)
        else:
            created = services.agency_create(
                actor=request.user,
                parent=form.cleaned_data.get("parent"),
                code=form.cleaned_data["code"],
                **data,
            )
            obj.pk = created.pk

    def has_delete_permission(self, request, obj=None):
        return False  # agencies are deactivated, never deleted: records and audit point at them


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "agency", "role", "granted_at", "granted_by"]
    list_filter = ["role"]
    search_fields = ["user__username", "agency__name"]
    autocomplete_fields = ["agency"]
    raw_id_fields = ["user"]
    readonly_fields = ["granted_at", "granted_by"]

    def has_change_permission(self, request, obj=None):
        return False  # revoke and grant anew, so the audit trail shows both

    def save_model(self, request, obj, form, change):
        created = services.membership_grant(
            actor=request.user, agency=obj.agency, user=obj.user, role=obj.role
        )
        obj.pk = created.pk

    def delete_model(self, request, obj):
        services.membership_revoke(actor=request.user, membership=obj)

    def delete_queryset(self, request, queryset):
        for membership in queryset:
            services.membership_revoke(actor=request.user, membership=membership)
