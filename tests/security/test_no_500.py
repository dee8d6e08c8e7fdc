"""No request answers a 5xx (issue 16, point 5): every URL pattern of the site and the API is
walked as anonymous, applicant, clerk and supervisor, with the path arguments of a real object
of each kind (and with absurd ones), with bad query parameters (year, agency, page, status …
huge, negative, text, %, very long) and, on the API, with JSON bodies that are not objects or
whose fields have the wrong types; every action of every action table is posted, with input its
form accepts, to objects in several states. Bad input answers 400 (or the page's form error), a
refusal 403/404, a step the object's state does not allow 409, never 500.

Each role is one test that reports every failing request at once (method, URL, body and the
exception), so that one run lists all there is to fix."""

from __future__ import annotations

import datetime as dt
import json
import logging
from urllib.parse import quote

import pytest
import time_machine
from django.http import QueryDict
from django.test import Client
from django.urls import reverse

from tests.contract import contract_suspended
from tests.security.world import HUGE, action_targets, build_world, site_urls

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 3, 20, 2, tzinfo=dt.UTC)  # 10:00 in Shanghai, comments open

# One bad value of each kind a parameter can have.
BAD_VALUES = [HUGE, "-1", "abc²", "%", "\x00", "x" * 3000]
# Each parameter alone (a parameter refused with a 400 must not hide the next one's 500).
ALONE = [HUGE, "²", "\x00"]
# Field names a page's form or an API body may read, for the bad bodies and the POSTs.
PARAMS = ["year", "agency", "page", "status", "category", "q", "date", "text", "note", "confirm"]
# JSON bodies that are not objects, or objects whose fields have absurd values.
BAD_BODIES = [
    "[]",
    "null",
    "{bad",
    json.dumps({name: HUGE for name in PARAMS}),
    json.dumps({name: [] for name in PARAMS}),
    json.dumps({name: {"a": 1} for name in PARAMS}),
    json.dumps({name: "\x00" for name in PARAMS}),
]


# Read no query parameter a fuzz could trouble (the schema: half a second a request).
NOT_FUZZED = {"api:openapi"}


# Who sends bad JSON bodies where: staff everywhere, the applicant to the applicant's endpoints
# (elsewhere the permission check answers first, as it does for the others).
BODIES_SENT = {
    "anonymous": lambda url: False,
    "applicant": lambda url: not url.startswith("/api/office/"),
    "clerk": lambda url: True,
    "supervisor": lambda url: False,
}


# The walk -----------------------------------------------------------------------------------


class _ReadParams:
    """Records the query parameters a view reads (QueryDict.get/getlist/[]/in), so that each
    list is fuzzed on the parameters it has: its filter form's fields, `page`, `year` …"""

    def __init__(self):
        self.names: set[str] = set()

    def __enter__(self):
        from django.utils.datastructures import MultiValueDict

        self._saved = {}
        for method in ("get", "getlist", "__getitem__", "__contains__"):
            original = getattr(MultiValueDict, method)
            self._saved[method] = original

            def spy(this, key, *args, _original=original, **kwargs):
                if isinstance(this, QueryDict) and isinstance(key, str):
                    self.names.add(key)
                return _original(this, key, *args, **kwargs)

            setattr(MultiValueDict, method, spy)
        return self

    def __exit__(self, *exc):
        from django.utils.datastructures import MultiValueDict

        for method, original in self._saved.items():
            setattr(MultiValueDict, method, original)


def _first_of_its_view(url: str, seen: set) -> bool:
    """Whether `url` is the first of its view's actions met: the actions of one table share
    their view's parsing, so one of them stands for all in the bad-body fuzz."""
    from django.urls import resolve

    match = resolve(url)
    view = getattr(match.func, "view_class", match.func)
    if getattr(match.func, "view_initkwargs", {}).get("action_name") is None:
        return True
    if view in seen:
        return False
    seen.add(view)
    return True


def _walk(client: Client, urls, *, bodies) -> list[str]:
    """GET every URL (with bad values of the query parameters its view reads, when it answers
    200), POST every page, and send bad JSON bodies to the API URLs `bodies(url)` accepts."""
    failures = []
    seen_views: set = set()

    def attempt(method: str, url: str, **kwargs):
        try:
            response = getattr(client, method)(url, **kwargs)
        except Exception as error:
            body = str(kwargs.get("data", ""))[:60]
            failures.append(
                f"{method.upper()} {url[:150]} {body}: {type(error).__name__}: {str(error)[:160]}"
            )
            return None
        if response.status_code >= 500:
            failures.append(f"{method.upper()} {url[:150]}: {response.status_code}")
        return response

    for name, url, is_api, typical in urls:
        if not typical:  # absurd path arguments: looked up like any other
            attempt("get", url)
            attempt("post", url, data={})
            continue
        with _ReadParams() as read:
            first = attempt("get", f"{url}?_=1")
        if first is not None and first.status_code == 200 and name not in NOT_FUZZED:
            names = sorted(read.names - {"_", "csrfmiddlewaretoken"})
            for value in BAD_VALUES if names else ():
                attempt("get", url + "?" + "&".join(f"{n}={quote(value)}" for n in names))
            for param in names if len(names) > 1 else ():
                for value in ALONE:
                    attempt("get", f"{url}?{param}={quote(value)}")
        if is_api:
            if bodies(url) and _first_of_its_view(url, seen_views):
                for body in BAD_BODIES:
                    attempt("post", url, data=body, content_type="application/json")
                for body in (BAD_BODIES[0], BAD_BODIES[3]):
                    attempt("patch", url, data=body, content_type="application/json")
        else:
            attempt("post", url, data={})
            attempt("post", url, data={name: HUGE for name in PARAMS})
            attempt("post", url, data={name: "\x00" for name in PARAMS})
    return failures


# Every action of every table, with input its form accepts, in whatever state the object is in:
# a service that reads a field of another state before the workflow refuses the step (the date
# a correction was requested, on a case never asked for one) answers 409, not a 500.


def _by_pk(obj) -> dict:
    return {"pk": obj.pk}


# Each table: the API endpoint of its actions (URL name prefix, its arguments) and its page's.
ROUTES = {
    "applications.Application": (
        "api:office-action",
        lambda application: {"number": application.number},
        "applications_office:act",
    ),
    "catalog.Item": ("api:office-catalog-act", _by_pk, "catalog_office:act"),
    "catalog.ImportBatch": ("api:office-catalog-batch-act", _by_pk, "catalog_office:batch_act"),
    "engagement.Consultation": (None, _by_pk, "engagement_office:act"),
    "engagement.Comment": (
        "api:office-engagement-comment-act",
        _by_pk,
        "engagement_office:comment_act",
    ),
    "appeals.AppealCase": (None, _by_pk, "appeals_office:act"),
    "powerlists.PowerItem": ("api:office-powerlists-adjust", _by_pk, "powerlists_office:adjust"),
    "reports.AnnualReport": ("api:office-report-act", _by_pk, "reports_office:act"),
}


def _plausible(form) -> dict:
    """Input each field of `form` accepts on its own (a date, a number, the first choice …)."""
    from django import forms

    data = {}
    for name, field in form.fields.items():
        if isinstance(field, forms.FileField):
            continue
        if isinstance(field, forms.BooleanField):
            value = "true"
        elif isinstance(field, forms.DateField):
            value = "2026-03-10"
        elif isinstance(field, forms.IntegerField | forms.DecimalField | forms.FloatField):
            value = "1"
        elif isinstance(field, forms.ModelMultipleChoiceField):
            first = field.queryset.first()
            value = [first.pk] if first else []
        elif isinstance(field, forms.ModelChoiceField):
            first = field.queryset.first()
            value = first.pk if first else ""
        elif isinstance(field, forms.MultipleChoiceField):
            value = [c[0] for c in field.choices if c[0]][:1]
        elif isinstance(field, forms.ChoiceField):
            value = next((c[0] for c in field.choices if c[0] not in ("", None)), "")
        else:
            value = "测试内容"
        data[form.add_prefix(name)] = value
    return data


def _act_all(client, targets) -> list[str]:
    """POST every action of every table with input its form accepts, on each target (objects
    in several states), on the API and on the page; each request rolled back, so that every
    action meets the same object."""
    from django.db import transaction

    from gongkai.core.actions import ACTION_TABLES

    failures = []
    for table_name, (api, arguments, page) in ROUTES.items():
        table = ACTION_TABLES[table_name]
        for target in targets[table_name]:
            for action in table.names():
                page_url = reverse(page, kwargs={"pk": target.pk, "action": action})
                requests = [(page_url, False)]
                if api is not None:
                    requests.append(
                        (reverse(api, kwargs={**arguments(target), "action": action}), True)
                    )
                for url, is_api in requests:
                    try:
                        form = table.form(action, target, prefix=None if is_api else "")
                        data = _plausible(form)
                    except Exception:
                        data = {}
                    try:
                        with transaction.atomic():
                            if is_api:
                                body = json.dumps(data)
                                response = client.post(url, body, content_type="application/json")
                            else:
                                response = client.post(url, data)
                            transaction.set_rollback(True)
                    except Exception as error:
                        failures.append(
                            f"POST {url} {data}: {type(error).__name__}: {str(error)[:160]}"
                        )
                        continue
                    if response.status_code >= 500:
                        failures.append(f"POST {url}: {response.status_code}")
    return failures


@pytest.fixture
def world(dept_a, clerk_a, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    with time_machine.travel(NOW, tick=False):
        yield build_world(dept_a, clerk_a)


@pytest.mark.parametrize("role", ["anonymous", "applicant", "clerk", "supervisor"])
def test_no_request_answers_a_server_error(role, world, dept_a, clerk_a, supervisor):
    client = Client(raise_request_exception=True)
    user = {
        "anonymous": None,
        "applicant": world["applicant"],
        "clerk": clerk_a,
        "supervisor": supervisor,
    }[role]
    if user is not None:
        client.force_login(user)
    urls = list(site_urls(world, dept_a, clerk_a))
    logging.disable(logging.WARNING)  # thousands of "Forbidden", "Not Found" and "Bad Request"
    try:
        with time_machine.travel(NOW, tick=False), contract_suspended():
            failures = _walk(client, urls, bodies=BODIES_SENT[role])
            if role == "clerk":
                failures += _act_all(client, action_targets(world))
    finally:
        logging.disable(logging.NOTSET)
    assert not failures, f"{len(failures)} requests failed:\n" + "\n".join(failures)
