from django.contrib import admin

from .models import LetterTemplate
from .services import letter_template_save


@admin.register(LetterTemplate)
class LetterTemplateAdmin(admin.ModelAdmin):
    """Platform administrators edit the templates here; saving goes through the service (the
    template must compile, the change is audited)."""

    list_display = ["kind", "group", "agency", "title", "updated_at", "updated_by"]
    list_filter = ["kind", "group"]
    search_fields = ["title", "body", "agency__name"]
    autocomplete_fields = ["agency"]
    readonly_fields = ["updated_at", "updated_by"]
    fields = ["kind", "group", "agency", "title", "body", "updated_at", "updated_by"]

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_add_permission(self, request):
        return self.has_module_permission(request)

    def has_change_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_delete_permission(self, request, obj=None):
        # A default may be replaced but not removed: every kind must stay printable.
        return self.has_module_permission(request) and obj is not None and obj.agency_id is not None

    def save_model(self, request, obj, form, change):
        letter_template_save(actor=request.user, template=obj)
