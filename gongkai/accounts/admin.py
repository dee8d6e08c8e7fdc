from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from gongkai.agencies.models import Membership

from .models import ApplicantProfile, SmsCode, User


class MembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "user"
    extra = 0
    fields = ["agency", "role", "granted_at", "granted_by"]
    readonly_fields = ["agency", "role", "granted_at", "granted_by"]
    can_delete = False
    verbose_name_plural = _("岗位（在“机关”中授予或撤销，以便留下审计记录）")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    fieldsets = (
        *DjangoUserAdmin.fieldsets,
        (_("手机"), {"fields": ("phone", "phone_verified_at")}),
    )
    list_display = ["username", "masked_phone", "is_active", "is_superuser", "date_joined"]
    search_fields = ["username", "phone", "email"]
    inlines = [MembershipInline]


@admin.register(ApplicantProfile)
class ApplicantProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "display_name", "masked_identifier", "updated_at"]
    list_filter = ["kind", "org_type"]
    search_fields = ["user__username", "person_name", "org_name"]
    # Identity numbers stay masked in the admin too.
    exclude = ["id_number", "credit_code"]
    readonly_fields = ["masked_identifier"]


@admin.register(SmsCode)
class SmsCodeAdmin(admin.ModelAdmin):
    list_display = [
        "__str__",
        "purpose",
        "created_at",
        "expires_at",
        "used_at",
        "failed_attempts",
        "ip",
        "delivered",
    ]
    list_filter = ["purpose", "delivered"]
    exclude = ["code_hash", "phone"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
