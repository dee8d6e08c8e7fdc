"""The agency tree and the database invariants of agency-owned records."""

import pytest
from django.apps import apps
from django.db import IntegrityError, transaction

from gongkai.agencies.models import Agency, AgencyScopedModel, Membership
from gongkai.agencies.services import agency_move
from tests.agencies.factories import AgencyFactory


def test_paths_encode_the_tree(city, dept_a, county, county_dept):
    assert city.path == f"/{city.pk}/"
    assert county_dept.path == f"/{city.pk}/{county.pk}/{county_dept.pk}/"
    assert (city.depth, county.depth, county_dept.depth) == (0, 1, 2)


def test_subtree_contains_descendants_at_any_depth(city, dept_a, county, county_dept):
    assert set(Agency.objects.subtree_of(city)) == {city, dept_a, county, county_dept}
    assert set(Agency.objects.subtree_of(county)) == {county, county_dept}


def test_subtree_of_id_10_does_not_include_id_1_children(db):
    # Path prefixes are delimited, so "/1/" never matches "/10/".
    agencies = [AgencyFactory() for _ in range(11)]
    first, tenth = agencies[0], agencies[10]
    child = AgencyFactory(parent=first)
    assert child not in Agency.objects.subtree_of(tenth)


def test_moving_an_agency_rewrites_its_subtree(city, dept_a, county, county_dept):
    agency_move(actor=None, agency=county, new_parent=dept_a)
    county_dept.refresh_from_db()
    assert county_dept.path == f"/{city.pk}/{dept_a.pk}/{county.pk}/{county_dept.pk}/"
    assert county_dept.depth == 3


def test_an_agency_cannot_move_under_its_own_descendant(county, county_dept):
    from gongkai.core.errors import DomainError

    with pytest.raises(DomainError):
        agency_move(actor=None, agency=county, new_parent=county_dept)


def test_credit_code_unique_when_set_but_blank_allowed_twice(db):
    AgencyFactory(credit_code="")
    AgencyFactory(credit_code="")
    taken = AgencyFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Agency.objects.create(
            code="dup",
            name="重复",
            level="city",
            kind="department",
            credit_code=taken.credit_code,
            path="/x/",
        )


def test_one_role_per_user_and_agency(clerk_a, dept_a):
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(user=clerk_a, agency=dept_a, role="clerk")


def test_every_agency_owned_model_has_a_not_null_agency_key():
    owned = [
        model
        for model in apps.get_models()
        if issubclass(model, AgencyScopedModel) or model is Membership
    ]
    assert Membership in owned
    for model in owned:
        field = model._meta.get_field("agency")
        assert field.null is False, f"{model.__name__}.agency must be NOT NULL"
        assert field.related_model is Agency
