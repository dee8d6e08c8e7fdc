"""The one entry point of the demo: every part's loader, in the order they depend on each other
(agencies, accounts, applications, appeals, catalogue, engagement, facts, power lists, reports),
in one transaction. Each part is idempotent: it loads nothing when its records are there."""

from dataclasses import dataclass, field

from django.db import transaction

from .accounts import load_public_users, load_staff_users, staff_roles
from .agencies import load_agencies
from .appeals import load_demo as load_appeals
from .applications import load_applications
from .catalog import load_catalog
from .engagement import load_demo as load_engagement
from .facts import load_demo as load_facts
from .powerlists import load_demo as load_powerlists
from .progress import SILENT, Reporter
from .reports import load_demo as load_reports


@dataclass
class Loaded:
    """What one run loaded: the agencies and accounts (all of them, loaded or found), the number
    of applications created, and each later part's counts (empty when the part was skipped)."""

    agencies: dict = field(default_factory=dict)
    staff: list = field(default_factory=list)
    public: list = field(default_factory=list)
    cases: int = 0
    appeals: dict = field(default_factory=dict)
    catalog: dict = field(default_factory=dict)
    engagement: dict = field(default_factory=dict)
    facts: dict = field(default_factory=dict)
    powerlists: dict = field(default_factory=dict)
    reports: dict = field(default_factory=dict)


def load_all(
    *, with_cases: bool = True, with_catalog: bool = True, reporter: Reporter = SILENT
) -> Loaded:
    """Load the demo. Without cases, only the agencies, accounts, yearly facts and power lists
    are loaded; without the catalogue, no catalogue and no annual reports."""
    loaded = Loaded()
    with_catalog = with_cases and with_catalog
    with transaction.atomic():
        loaded.agencies = load_agencies()
        loaded.staff = load_staff_users(loaded.agencies)
        loaded.public = load_public_users()
        if with_cases:
            loaded.cases = load_applications(loaded.agencies, staff_roles(), reporter=reporter)
            loaded.appeals = load_appeals()
        if with_catalog:
            loaded.catalog = load_catalog(reporter=reporter)
        if with_cases:
            loaded.engagement = load_engagement(reporter=reporter)
        loaded.facts = load_facts(reporter=reporter)
        loaded.powerlists = load_powerlists()
        if with_catalog:
            loaded.reports = load_reports()
    return loaded
