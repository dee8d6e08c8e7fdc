"""Demo agencies: 商丘市人民政府 with the seed's 商丘市工业和信息化委员会 and sibling departments."""

from gongkai.agencies.models import Agency
from gongkai.agencies.services import agency_create

from .data.agencies import DEMO_AGENCIES


def load_agencies() -> dict[str, Agency]:
    """Create the demo agencies that are missing; return all of them by code."""
    agencies: dict[str, Agency] = {}
    for code, parent_code, fields in DEMO_AGENCIES:
        existing = Agency.objects.filter(code=code).first()
        agencies[code] = existing or agency_create(
            actor=None,
            parent=agencies[parent_code] if parent_code else None,
            code=code,
            **fields,
        )
    return agencies
