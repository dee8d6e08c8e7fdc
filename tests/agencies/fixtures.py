import pytest

from gongkai.agencies.models import Agency
from tests.accounts.factories import UserFactory
from tests.agencies.factories import AgencyFactory, MembershipFactory


@pytest.fixture
def city(db):
    return AgencyFactory(
        code="city", name="测试市人民政府", level=Agency.Level.CITY, kind=Agency.Kind.GOVERNMENT
    )


@pytest.fixture
def dept_a(city):
    return AgencyFactory(parent=city, code="dept-a", name="测试市甲局")


@pytest.fixture
def dept_b(city):
    return AgencyFactory(parent=city, code="dept-b", name="测试市乙局")


@pytest.fixture
def county(city):
    return AgencyFactory(
        parent=city,
        code="county",
        name="测试县人民政府",
        level=Agency.Level.COUNTY,
        kind=Agency.Kind.GOVERNMENT,
    )


@pytest.fixture
def county_dept(county):
    return AgencyFactory(
        parent=county, code="county-dept", name="测试县丙局", level=Agency.Level.COUNTY
    )


def _member(agency, role):
    return MembershipFactory(agency=agency, role=role).user


@pytest.fixture
def clerk_a(dept_a):
    return _member(dept_a, "clerk")


@pytest.fixture
def admin_a(dept_a):
    return _member(dept_a, "admin")


@pytest.fixture
def admin_b(dept_b):
    return _member(dept_b, "admin")


@pytest.fixture
def supervisor(city):
    return _member(city, "supervisor")


@pytest.fixture
def public_user(db):
    return UserFactory()
