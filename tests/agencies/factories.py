import factory

from gongkai.agencies.models import Agency, Membership
from gongkai.agencies.services import agency_create
from gongkai.core.identifiers import credit_code_check_char
from tests.accounts.factories import UserFactory


class AgencyFactory(factory.django.DjangoModelFactory):
    """Agencies are made through agency_create, so path and depth are right and audited."""

    class Meta:
        model = Agency

    parent = None
    code = factory.Sequence(lambda n: f"ag-{n:04d}")
    name = factory.Sequence(lambda n: f"测试市第{n}局")
    level = Agency.Level.CITY
    kind = Agency.Kind.DEPARTMENT
    credit_code = factory.Sequence(
        lambda n: (lambda s: s + credit_code_check_char(s))(f"1141140000{n:07d}")
    )

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return agency_create(actor=None, **kwargs)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    agency = factory.SubFactory(AgencyFactory)
    role = "clerk"
