"""Letters adds "生成文书" to the case page's actions (the applications table), through the
table's registration hook: applications knows nothing of letters."""

from django.utils.translation import gettext_lazy as _

from gongkai.applications.actions import TABLE
from gongkai.applications.states import FILES_OPEN
from gongkai.core.actions import Action

from .forms import IssueLetterForm
from .permissions import ISSUE_LETTER
from .services import letter_issue

TABLE.register(
    Action(
        "issue_letter",
        _("生成文书（DOCX 和 PDF）"),
        lambda actor, app, data: letter_issue(actor=actor, application=app, kind=data["kind"]),
        IssueLetterForm,
        permission=ISSUE_LETTER,
        when=lambda application: application.status in FILES_OPEN,
        order=10,
    )
)
