"""The one API endpoint of an action table: one path per action, each typed by its own form.

`action_paths("office/applications/<str:number>/actions/", ApplicationActionAPI, name=…)` gives
POST …/actions/<name>/ for every action of the view's table, whose OpenAPI request body is the
action's form (core.form_schema) and whose 200 is the view's `response_serializer`, plus a last
path for any other name, which answers 400 `unknown_action` (and is typed so). The same form,
service and refusals serve the page (core.action_views.action_post) and the API.
"""

from __future__ import annotations

from django.urls import path
from drf_spectacular.openapi import AutoSchema
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from .action_views import action_api
from .actions import ActionTable
from .api import error_responses
from .form_schema import form_serializer
from .parsers import JSONObjectParser


class ActionSchema(AutoSchema):
    """Each path of an ActionAPIView typed by its action."""

    def _action(self):
        name = getattr(self.view, "action_name", None)
        return self.view.table[name] if name else None

    def get_operation_id(self) -> str:
        action = self._action()
        return f"{self.view.operation_base}_{action.name if action else 'unknown'}"

    def get_summary(self) -> str:
        action = self._action()
        return str(action.label) if action else "未知的操作"

    def get_description(self) -> str:
        action = self._action()
        if action is None:
            return "不是本对象的操作：返回 400（code 为 unknown_action）。"
        return f"{self.view.description} 请求体字段与页面上“{action.label}”的表单相同。"

    def get_request_serializer(self):
        action = self._action()
        if action is None:
            return None
        camel = "".join(part.capitalize() for part in action.name.split("_"))
        return _body(self.view.operation_base, camel, action.form)

    def get_response_serializers(self):
        if self._action() is None:
            return error_responses(400, 403, 404)
        return {200: self.view.response_serializer, **error_responses(400, 403, 404, 409)}


_BODIES: dict[str, type] = {}


def _body(base: str, camel: str, form_class):
    """One serializer class per action body (drf-spectacular names components by class)."""
    name = "".join(part.capitalize() for part in base.split("_")) + camel + "Request"
    if name not in _BODIES:
        _BODIES[name] = form_serializer(form_class, name=name)
    return _BODIES[name]


class ActionAPIView(APIView):
    """POST an action of `table` on the object `get_target` finds; answer with `respond`."""

    table: ActionTable = None
    action_name: str | None = None  # set for each path by action_paths
    operation_base: str = ""  # operation ids read "<base>_<action>"
    description: str = ""
    response_serializer = None
    parser_classes = [JSONObjectParser, FormParser, MultiPartParser]
    schema = ActionSchema()

    def get_target(self, request, **kwargs):
        """The object, found among those the user may see (404 otherwise)."""
        raise NotImplementedError

    def respond(self, request, target) -> Response:
        raise NotImplementedError

    def input_data(self, request, target):
        """The input, where the endpoint completes the request's (None: the request's own)."""
        return None

    def post(self, request, action: str | None = None, **kwargs):
        target = self.get_target(request, **kwargs)
        return action_api(
            request,
            table=self.table,
            target=target,
            name=self.action_name or action,
            respond=lambda done: self.respond(request, done),
            data=self.input_data(request, target),
        )


def action_paths(route: str, view: type[ActionAPIView], *, name: str) -> list:
    """POST <route><action>/ for each action of the view's table (URL names "<name>-<action>"),
    then <route><str:action>/ for any other name (URL name `name`)."""
    return [
        *(
            path(
                f"{route}{action.name}/",
                view.as_view(action_name=action.name),
                name=f"{name}-{action.name}",
            )
            for action in view.table
        ),
        path(f"{route}<str:action>/", view.as_view(), name=name),
    ]
