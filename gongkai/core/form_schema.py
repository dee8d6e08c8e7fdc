"""The API body of a Django form, as a DRF serializer, so that an endpoint whose input is parsed
by a page's form (drafting an item, an action on a case) is typed in the OpenAPI schema by that
same form: one definition of the fields, their labels, help texts and whether they are required.

The serializer describes the body; the form still validates it (the form's clean methods and
its agency-dependent querysets are the rules). A field set up only in a form's __init__ is not
seen here: declare it on the class, or pass it in `extra`."""

from collections.abc import Mapping

from django import forms
from drf_spectacular.extensions import OpenApiSerializerExtension
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, PolymorphicProxySerializer, extend_schema_field
from rest_framework import serializers


class EmptyBodySerializer(serializers.Serializer):
    # The body of a form without fields (an action that asks nothing): an empty object.
    """无需填写字段：请求体为空对象。"""


class EmptyBodyExtension(OpenApiSerializerExtension):
    # drf-spectacular drops a component without properties; an action without input still
    # needs its (empty) body in the schema, so that oneOf lists every action.
    target_class = EmptyBodySerializer
    match_subclasses = True

    def map_serializer(self, auto_schema, direction):
        return {
            "type": "object",
            "additionalProperties": False,
            "description": self.target.__doc__,
        }


@extend_schema_field({"type": "string", "format": "binary"})
class UploadField(serializers.FileField):
    """A file the request uploads (multipart): binary in the schema, not a URL (drf-spectacular
    writes a FileField as a URI unless request and response components are split)."""


def _common(field: forms.Field, *, required: bool) -> dict:
    kwargs = {"required": required}
    if field.label:
        kwargs["label"] = str(field.label)
    if field.help_text:
        kwargs["help_text"] = str(field.help_text)
    return kwargs


def _choices(field: forms.ChoiceField) -> list[tuple]:
    return [(value, label) for value, label in field.choices if value not in ("", None)]


def _blank_allowed(field: forms.ChoiceField) -> bool:
    return any(value in ("", None) for value, _label in field.choices)


def _pk_field(field: forms.ModelChoiceField, kwargs: dict) -> serializers.Field:
    """The id (or the `to_field_name` value) a model choice field takes."""
    model = field.queryset.model if field.queryset is not None else None
    if model is None:  # the queryset is set in the form's __init__: assume integer ids
        return (
            serializers.CharField(**kwargs)
            if field.to_field_name
            else serializers.IntegerField(**kwargs)
        )
    target = model._meta.get_field(field.to_field_name or model._meta.pk.name)
    if target.get_internal_type() in {
        "AutoField",
        "BigAutoField",
        "SmallAutoField",
        "IntegerField",
        "BigIntegerField",
        "PositiveIntegerField",
    }:
        return serializers.IntegerField(**kwargs)
    return serializers.CharField(**kwargs)


def serializer_field(field: forms.Field, *, required: bool) -> serializers.Field:
    """The serializer field that takes what `field` takes (TypeError for a kind it does not
    know, so that a new kind of form field is typed on purpose rather than guessed)."""
    kwargs = _common(field, required=required)
    optional = dict(kwargs, allow_null=not required)
    if isinstance(field, forms.ModelMultipleChoiceField):
        child = _pk_field(field, {})
        return serializers.ListField(child=child, allow_empty=not field.required, **kwargs)
    if isinstance(field, forms.ModelChoiceField):
        return _pk_field(field, optional)
    if isinstance(field, forms.MultipleChoiceField):
        return serializers.MultipleChoiceField(choices=_choices(field), **kwargs)
    if isinstance(field, forms.ChoiceField):
        blank = not field.required or _blank_allowed(field)
        if not _choices(field):
            # The choices are the object's (a case's regime has its own outcomes): set in the
            # form's __init__, so the schema can only say "a code", described by help_text.
            return serializers.CharField(allow_blank=blank, **kwargs)
        return serializers.ChoiceField(choices=_choices(field), allow_blank=blank, **kwargs)
    if isinstance(field, forms.FileField):
        file = UploadField
        if getattr(field.widget, "allow_multiple_selected", False):
            return serializers.ListField(child=file(), **kwargs)
        return file(**kwargs)
    if isinstance(field, forms.BooleanField | forms.NullBooleanField):
        return serializers.BooleanField(**kwargs)
    if isinstance(field, forms.DecimalField):
        return serializers.DecimalField(
            max_digits=field.max_digits,
            decimal_places=field.decimal_places,
            min_value=field.min_value,
            max_value=field.max_value,
            **optional,
        )
    if isinstance(field, forms.FloatField):
        return serializers.FloatField(
            min_value=field.min_value, max_value=field.max_value, **optional
        )
    # After DecimalField and FloatField, which are IntegerField's subclasses.
    if isinstance(field, forms.IntegerField):
        return serializers.IntegerField(
            min_value=field.min_value, max_value=field.max_value, **optional
        )
    if isinstance(field, forms.DateTimeField):
        return serializers.DateTimeField(**optional)
    if isinstance(field, forms.DateField):
        return serializers.DateField(**optional)
    if isinstance(field, forms.TimeField):
        return serializers.TimeField(**optional)
    if isinstance(field, forms.DurationField):
        return serializers.DurationField(**optional)
    if isinstance(field, forms.UUIDField):
        return serializers.UUIDField(**optional)
    if isinstance(field, forms.JSONField):
        return serializers.JSONField(**kwargs)
    if isinstance(field, forms.CharField):
        text = {
            "max_length": field.max_length,
            "min_length": field.min_length,
            "allow_blank": not field.required,
            **kwargs,
        }
        if isinstance(field, forms.EmailField):
            return serializers.EmailField(**text)
        if isinstance(field, forms.URLField):
            return serializers.URLField(**text)
        return serializers.CharField(**text)
    raise TypeError(f"No serializer field for {type(field).__name__}; pass it in `extra`.")


def form_serializer(
    form_class: type[forms.BaseForm],
    *,
    name: str,
    extra: Mapping[str, serializers.Field] | None = None,
    exclude: tuple[str, ...] = (),
    partial: bool = False,
) -> type[serializers.Serializer]:
    """A serializer class with the fields of `form_class` (its declared fields, in order),
    plus `extra` fields (e.g. the agency code an API adds to a page's form). `name` is the
    class name, and so the schema's component name: keep it unique. With `partial`, no field is
    required (drf-spectacular already makes a PATCH body partial by itself)."""
    fields = {
        field_name: serializer_field(field, required=field.required and not partial)
        for field_name, field in form_class.base_fields.items()
        if field_name not in exclude
    }
    fields.update(extra or {})
    # The form's docstring describes the body in the schema; most forms have none.
    doc = (form_class.__doc__ or "").strip() or "字段与页面上的表单相同。"
    base = serializers.Serializer if fields else EmptyBodySerializer
    return type(name, (base,), {**fields, "__doc__": doc})


def action_request(
    actions: Mapping[str, type[forms.BaseForm]], *, name: str, parameter: str = "action"
) -> dict:
    """The request keywords of extend_schema for one endpoint that runs any of `actions`
    (name → the Django form of its body), e.g. POST …/actions/<action>/:

        @extend_schema(**action_request(ACTION_FORMS, name="ApplicationAction"), responses=…)

    The body is oneOf the per-action forms (components `<name><Action>`, each described by
    its action's name; no discriminator, since the action is in the path), and the path
    parameter lists the action names. Bodies of actions without input are empty objects.
    For one operation per action instead, `action_serializers` gives the per-action
    serializers to pass as each operation's `request`."""
    per_action = action_serializers(actions, name=name)
    return {
        "request": PolymorphicProxySerializer(
            component_name=f"{name}Request",
            serializers=list(per_action.values()),
            resource_type_field_name=None,
        ),
        "parameters": [
            OpenApiParameter(
                parameter,
                OpenApiTypes.STR,
                OpenApiParameter.PATH,
                enum=list(actions),
                description="操作名称；请求体为该操作的字段",
            )
        ],
    }


def action_serializers(
    actions: Mapping[str, type[forms.BaseForm]], *, name: str
) -> dict[str, type[serializers.Serializer]]:
    """Each action's body as a serializer class named `<name><Action>` (snake_case action
    names in CamelCase), its docstring naming the action."""
    result = {}
    for action, form_class in actions.items():
        camel = "".join(part.capitalize() for part in action.split("_"))
        serializer = form_serializer(form_class, name=f"{name}{camel}")
        serializer.__doc__ = f"action = {action}：{serializer.__doc__}"
        result[action] = serializer
    return result
