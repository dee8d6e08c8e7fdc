"""A Django form's fields as the API body's serializer (gongkai.core.form_schema): the same
fields, labels, help texts and requiredness, in the OpenAPI schema and for validation."""

import pytest
from django import forms
from django.urls import path
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from gongkai.agencies.models import Agency
from gongkai.core.form_schema import UploadField, action_request, form_serializer


class Sample(forms.Form):
    """A form with one field of each kind the API's forms use."""

    title = forms.CharField(label="名称", max_length=30, help_text="不超过30字")
    note = forms.CharField(required=False)
    count = forms.IntegerField(min_value=0, required=False)
    amount = forms.DecimalField(max_digits=6, decimal_places=2)
    ratio = forms.FloatField(required=False)
    on = forms.DateField()
    at = forms.DateTimeField(required=False)
    agree = forms.BooleanField(required=False)
    kind = forms.ChoiceField(choices=[("a", "甲"), ("b", "乙")])
    maybe = forms.TypedChoiceField(choices=[("", "—"), ("1", "一")], coerce=int, required=False)
    tags = forms.MultipleChoiceField(choices=[("x", "X"), ("y", "Y")], required=False)
    agency = forms.ModelChoiceField(queryset=Agency.objects.all())
    agency_code = forms.ModelChoiceField(queryset=Agency.objects.all(), to_field_name="code")
    agencies = forms.ModelMultipleChoiceField(queryset=None, required=False)
    file = forms.FileField()
    email = forms.EmailField(required=False)
    link = forms.URLField(required=False, assume_scheme="https")


def _fields():
    return form_serializer(Sample, name="SampleInput")().fields


def test_each_form_field_becomes_the_serializer_field_that_takes_the_same_input():
    fields = _fields()
    expected = {
        "title": serializers.CharField,
        "note": serializers.CharField,
        "count": serializers.IntegerField,
        "amount": serializers.DecimalField,
        "ratio": serializers.FloatField,
        "on": serializers.DateField,
        "at": serializers.DateTimeField,
        "agree": serializers.BooleanField,
        "kind": serializers.ChoiceField,
        "maybe": serializers.ChoiceField,
        "tags": serializers.MultipleChoiceField,
        "agency": serializers.IntegerField,
        "agency_code": serializers.CharField,
        "agencies": serializers.ListField,
        "file": UploadField,  # a FileField declared binary
        "email": serializers.EmailField,
        "link": serializers.URLField,
    }
    assert {name: type(field) for name, field in fields.items()} == expected


def test_labels_help_texts_limits_and_requiredness_carry_over():
    fields = _fields()
    assert fields["title"].label == "名称" and fields["title"].help_text == "不超过30字"
    assert fields["title"].max_length == 30 and fields["title"].required
    assert not fields["note"].required and fields["note"].allow_blank
    assert fields["count"].min_value == 0 and fields["count"].allow_null
    assert fields["amount"].max_digits == 6 and fields["amount"].decimal_places == 2
    assert list(fields["kind"].choices) == ["a", "b"]
    assert list(fields["maybe"].choices) == ["1"] and fields["maybe"].allow_blank
    # A queryset set only in the form's __init__ (None on the class) is taken to have int ids.
    assert isinstance(fields["agencies"].child, serializers.IntegerField)


def test_the_serializer_validates_what_the_form_would_take():
    data = {
        "title": "年报",
        "amount": "12.50",
        "on": "2026-03-02",
        "kind": "a",
        "agency": 1,
        "agency_code": "dept-a",
        "file": "x",
    }
    serializer = form_serializer(Sample, name="SampleInput", exclude=("file",))(data=data)
    assert serializer.is_valid(), serializer.errors
    refused = form_serializer(Sample, name="SampleInput")(data={**data, "kind": "z"})
    assert not refused.is_valid() and set(refused.errors) == {"kind", "file"}


def test_extra_fields_are_added_and_partial_makes_every_field_optional():
    serializer = form_serializer(
        Sample, name="SampleUpdate", extra={"agency": serializers.CharField()}, partial=True
    )
    fields = serializer().fields
    assert isinstance(fields["agency"], serializers.CharField)
    assert not any(f.required for name, f in fields.items() if name != "agency")


def test_a_form_field_of_an_unknown_kind_is_refused_rather_than_guessed():
    class Opaque(forms.Field):
        pass

    class Odd(forms.Form):
        where = Opaque()

    with pytest.raises(TypeError, match="Opaque"):
        form_serializer(Odd, name="OddInput")


class _Start(forms.Form):
    """开始办理（无需填写）。"""


class _Decide(forms.Form):
    outcome = forms.ChoiceField(choices=[("granted", "予以公开")])
    legal_basis = forms.CharField()


class _ActionView(APIView):
    @extend_schema(
        operation_id="sample_act",
        **action_request({"start": _Start, "draft_decision": _Decide}, name="SampleAction"),
        responses={200: serializers.Serializer},
    )
    def post(self, request, pk: int, action: str):
        return Response({})


def test_an_action_endpoints_body_is_one_of_its_actions_forms():
    generator = SchemaGenerator(
        patterns=[path("things/<int:pk>/actions/<str:action>/", _ActionView.as_view())]
    )
    schema = generator.get_schema(request=None, public=True)
    operation = schema["paths"]["/things/{id}/actions/{action}/"]["post"]
    body = operation["requestBody"]["content"]["application/json"]["schema"]
    assert body == {"$ref": "#/components/schemas/SampleActionRequest"}
    one_of = schema["components"]["schemas"]["SampleActionRequest"]["oneOf"]
    assert one_of == [
        {"$ref": "#/components/schemas/SampleActionStart"},
        {"$ref": "#/components/schemas/SampleActionDraftDecision"},
    ]
    decide = schema["components"]["schemas"]["SampleActionDraftDecision"]
    assert decide["required"] == ["legal_basis", "outcome"]
    assert decide["description"].startswith("action = draft_decision")
    start = schema["components"]["schemas"]["SampleActionStart"]
    assert start["type"] == "object" and start["additionalProperties"] is False
    (action,) = [p for p in operation["parameters"] if p["name"] == "action"]
    assert sorted(action["schema"]["enum"]) == ["draft_decision", "start"]
