"""Power-list items and versions as plain data, for the API."""

from django.urls import reverse

from .models import PowerItem, PowerItemVersion


def content_of(obj) -> dict:
    return {
        "power_type": obj.power_type,
        "power_type_label": str(obj.get_power_type_display()),
        "name": obj.name,
        "legal_basis": obj.legal_basis,
        "responsible_unit": obj.responsible_unit,
        "process": obj.process,
        "responsibilities": obj.responsibilities,
        "accountability": obj.accountability,
        "supervision": obj.supervision,
    }


def adjustment_of(version: PowerItemVersion) -> dict:
    return {
        "version": version.number,
        "change_kind": version.change_kind,
        "change_kind_label": str(version.get_change_kind_display()),
        "effective_on": version.effective_on.isoformat(),
        "reason": version.reason,
        "document": version.document,
        "changed_fields": getattr(version, "changed_fields", []),
    }


def version_summary(version: PowerItemVersion, request) -> dict:
    """The item as that version has it, with where it came from."""
    item = version.item
    return {
        "code": item.code,
        **content_of(version),
        "in_force_since": adjustment_of(version),
        "url": request.build_absolute_uri(
            reverse("powerlists:item", args=[item.agency.code, item.code])
        ),
    }


def item_history(item: PowerItem, versions, request, *, state=None, as_of=None) -> dict:
    return {
        "code": item.code,
        "agency": {"code": item.agency.code, "name": item.agency.name},
        "as_of": as_of.isoformat() if as_of else None,
        "in_force": state is not None,
        "state": {**content_of(state), "version": state.number} if state else None,
        "history": [{**adjustment_of(v), "content": content_of(v)} for v in versions],
    }


def staff_item(item: PowerItem, versions, request) -> dict:
    data = item_history(item, versions, request)
    data.update(
        pk=item.pk,
        status=item.status,
        last_version=item.last_version,
        last_effective_on=item.last_effective_on.isoformat() if item.last_effective_on else None,
        latest=content_of(item),
    )
    return data
