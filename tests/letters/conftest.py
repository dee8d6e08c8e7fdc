import pytest

from gongkai.agencies.services import agency_update
from tests.agencies.factories import MembershipFactory


@pytest.fixture
def office(dept_a):
    """dept_a with the disclosure office facts a letter's contact line shows."""
    return agency_update(
        actor=None,
        agency=dept_a,
        office_name="测试市甲局办公室",
        office_phone="0370-3221234",
        office_address="测试市文化路1号",
    )


@pytest.fixture
def clerk_b(dept_b):
    return MembershipFactory(agency=dept_b, role="clerk").user
