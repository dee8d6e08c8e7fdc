"""The world the no-500 walk (test_no_500.py) runs in: one object of each kind in one agency,
made through the services, and every URL pattern of the site with the arguments of those
objects (and with absurd ones)."""

from __future__ import annotations

from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

from gongkai.agencies.models import Membership
from tests.accounts.factories import UserFactory
from tests.agencies.factories import MembershipFactory

HUGE = "99999999999999999999"
# Not walked: the language switch, and logging out (the rest of the walk would be anonymous).
NOT_WALKED = {"set_language", "accounts:logout"}


# The world: one object of each kind --------------------------------------------------------


def build_world(dept_a, clerk_a):
    """One object of each kind in dept_a, made through the services."""
    from gongkai.appeals import services as appeals
    from gongkai.applications import services as applications
    from gongkai.catalog import services as catalog
    from gongkai.catalog.services.importer import read_rows
    from gongkai.reports import services as reports
    from tests.appeals.fixtures import pdf
    from tests.appeals.fixtures import record as appeal
    from tests.applications.fixtures import register, submit_online
    from tests.catalog.fixtures import draft, published
    from tests.engagement.fixtures import published as consultation
    from tests.engagement.fixtures import submit
    from tests.facts.fixtures import record as fact
    from tests.powerlists.fixtures import add as power_item

    reviewer = MembershipFactory(agency=dept_a, role="reviewer").user
    applicant = _applicant()
    online = submit_online(applicant, dept_a)
    case = register(clerk_a, dept_a)
    in_progress = applications.application_start(
        actor=clerk_a, application=register(clerk_a, dept_a)
    )
    decision_drafted = applications.application_draft_decision(
        actor=clerk_a,
        application=applications.application_start(
            actor=clerk_a, application=register(clerk_a, dept_a)
        ),
        outcome="granted",
        legal_basis="第三十六条",
    )
    item = published(clerk_a, reviewer, dept_a)
    draft_item = draft(clerk_a, dept_a, title="草稿条目")
    rows = read_rows("title,created_on\n导入的条目,2026-03-02\n".encode(), "x.csv")
    imported = catalog.catalog_import(actor=clerk_a, agency=dept_a, rows=rows, source_name="x.csv")
    debate = consultation(clerk_a, dept_a)
    comment = submit(debate, applicant)
    lawsuit = appeal(clerk_a, dept_a)
    appeals.document_add(actor=clerk_a, case=lawsuit, file=pdf(), kind="filing")
    report = reports.report_start(actor=clerk_a, agency=dept_a, year=2025)
    return {
        "reviewer": reviewer,
        "applicant": applicant,
        "online": online,
        "case": case,
        "in_progress": in_progress,
        "drafted": decision_drafted,
        "item": item,
        "draft": draft_item,
        "batch": imported[0].import_batch,
        "consultation": debate,
        "comment": comment,
        "appeal": lawsuit,
        "report": report,
        "staff_record": fact(clerk_a, dept_a, "staff"),
        "power_item": power_item(clerk_a, dept_a),
    }


def action_targets(world) -> dict:
    """The objects each action table acts on: a case in each of its main states."""
    return {
        "applications.Application": [
            world["online"],
            world["case"],
            world["in_progress"],
            world["drafted"],
        ],
        "catalog.Item": [world["draft"], world["item"]],
        "catalog.ImportBatch": [world["batch"]],
        "engagement.Consultation": [world["consultation"]],
        "engagement.Comment": [world["comment"]],
        "appeals.AppealCase": [world["appeal"]],
        "powerlists.PowerItem": [world["power_item"]],
        "reports.AnnualReport": [world["report"]],
    }


def _applicant():
    from gongkai.accounts.services import applicant_profile_save

    user = UserFactory()
    applicant_profile_save(
        user=user,
        kind="person",
        person_name="李明",
        id_type="resident_id",
        id_number="11010519491231002X",
        contact_phone="13800000009",
        address="河南省商丘市文化路1号",
    )
    return user


# Every URL pattern with its arguments -----------------------------------------------------


def _patterns(resolver=None, namespace=""):
    """(namespaced name, pattern) of every named URL pattern of the site."""
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
            yield from _patterns(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield namespace + pattern.name, pattern


def _pk(name: str, world, dept_a, clerk_a) -> int:
    """The object a `<int:pk>` of the URL `name` stands for."""
    by_prefix = [
        ("catalog_office:batch", world["batch"]),
        ("api:office-catalog-batch", world["batch"]),
        ("catalog_office:", world["draft"]),
        ("api:office-catalog", world["draft"]),
        ("engagement_office:comment", world["comment"]),
        ("api:office-engagement-comment", world["comment"]),
        ("engagement_office:response", world["consultation"]),
        ("engagement_office:", world["consultation"]),
        ("engagement:", world["consultation"]),
        ("api:office-engagement", world["consultation"]),
        ("api:engagement-consultation", world["consultation"]),
        ("api:engagement-comment", world["consultation"]),
        ("appeals_office:", world["appeal"]),
        ("api:office-appeals", world["appeal"]),
        ("facts_office:", world["staff_record"]),
        ("powerlists_office:", world["power_item"]),
        ("api:office-powerlists", world["power_item"]),
        ("reports_office:", world["report"]),
        ("api:office-report", world["report"]),
        ("applications:download", world["online"].documents.first()),
        ("applications", world["online"]),
        ("letters_office:", world["case"]),
        ("office:membership", Membership.objects.get(user=clerk_a)),
        ("office:", dept_a),
        ("release:", dept_a),
        ("apitokens:agency", dept_a),
    ]
    for prefix, obj in by_prefix:
        if name.startswith(prefix):
            return obj.pk
    return 1


def _kwargs(name: str, pattern: URLPattern, world, dept_a, clerk_a) -> dict:
    """Typical values of the URL's arguments: those of a real object of its kind."""
    values = {
        "code": dept_a.code,
        "number": world["online"].number,
        "public_id": world["item"].public_id,
        "year": 2025,
        "kind": "staff" if name.startswith("facts") else "docx",
        "cell": "1",
        "item_code": world["power_item"].code,
        "section": "items",
        "model": "agencies.agency",
        "object_id": str(dept_a.pk),
        "action": "submit",
        "page": 1,
        "attachment_pk": 1,
        "channel_pk": 1,
        "file_pk": 1,
        "comment_pk": world["comment"].pk,
        "document_pk": world["appeal"].documents.first().pk,
    }
    kwargs = {}
    for arg, converter in pattern.pattern.converters.items():
        if arg == "pk":
            kwargs[arg] = _pk(name, world, dept_a, clerk_a)
        else:  # an argument of a newer pattern: the first object, or a plain word
            kwargs[arg] = values.get(arg, 1 if converter.regex == "[0-9]+" else "x")
    return kwargs


def _absurd(pattern: URLPattern, kwargs: dict) -> dict:
    """The same arguments, each the largest or oddest its converter lets through."""
    out = {}
    for arg, converter in pattern.pattern.converters.items():
        if converter.regex == "[0-9]+":
            out[arg] = int(HUGE)
        elif arg == "public_id":
            out[arg] = kwargs[arg]
        else:
            out[arg] = "ａｂｃ%\x00"
    return out


def site_urls(world, dept_a, clerk_a):
    """(name, url, is_api, typical) of every pattern: with the arguments of a real object,
    and with absurd ones."""
    for name, pattern in _patterns():
        if name.startswith("admin:") or name in NOT_WALKED:
            continue
        kwargs = _kwargs(name, pattern, world, dept_a, clerk_a)
        yield name, reverse(name, kwargs=kwargs), name.startswith("api:"), True
        if kwargs:
            try:
                absurd = reverse(name, kwargs=_absurd(pattern, kwargs))
            except NoReverseMatch:  # a converter that refuses the odd value (a slug)
                continue
            yield name, absurd, name.startswith("api:"), False
