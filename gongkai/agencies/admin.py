"""Platform configuration. Saves go through the services so every change is audited."""

from django import forms
from django.contrib import admin

from . import services
from .models import Agency, Membership
from .permissions import membership_refusal
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


class MembershipAdminForm(forms.ModelForm):
    """The same rule as the members page (permissions.membership_refusal), as a form error:
    the platform administrator does not grant himself a role either."""

    actor = None  # set by MembershipAdmin.get_form

    class Meta:
        model = Membership
        fields = ["user", "agency", "role"]

    def clean(self):
        data = super().clean()
        if data.get("user") and data.get("agency") and data.get("role"):
            refusal = membership_refusal(
                self.actor, agency=data["agency"], role=data["role"], user=data["user"]
            )
            if refusal is not None:
                raise forms.ValidationError(refusal)
        return data


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    form = MembershipAdminForm
    list_display = ["user", "agency", "role", "granted_at", "granted_by"]
    list_filter = ["role"]
    search_fields = ["user__username", "agency__name"]
    autocomplete_fields = ["agency"]
    raw_id_fields = ["user"]
    readonly_fields = ["granted_at", "granted_by"]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        return type(form.__name__, (form,), {"actor": request.user})

    def has_change_permission(self, request, obj=None):
        return False  # revoke and grant anew, so the audit trail shows both

    def has_delete_permission(self, request, obj=None):
        if obj is None:
            return super().has_delete_permission(request)
        refusal = membership_refusal(
            request.user, agency=obj.agency, role=obj.role, user=obj.user, revoking=True
        )
        return refusal is None and super().has_delete_permission(request, obj)

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
