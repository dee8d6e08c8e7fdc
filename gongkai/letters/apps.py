from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class LettersConfig(AppConfig):
    name = "gongkai.letters"
    label = "letters"
    verbose_name = _("文书")

    def ready(self):
        from .defaults import load_default_templates

        post_migrate.connect(load_default_templates, sender=self)
        # The case page's action table lives in applications, which must not import letters
        # (letters depends on it); letters adds its own action here.
        from gongkai.agencies.roles import Capability
        from gongkai.applications.permissions import ACTION_CAPABILITY
        from gongkai.applications.views.staff import ACTIONS, Action

        from .forms import IssueLetterForm
        from .services import letter_issue

        ACTION_CAPABILITY["issue_letter"] = Capability.HANDLE
        ACTIONS["issue_letter"] = Action(
            _("生成文书（DOCX 和 PDF）"),
            IssueLetterForm,
            lambda actor, app, data: letter_issue(actor=actor, application=app, kind=data["kind"]),
            transition=False,
        )
