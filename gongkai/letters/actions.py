"""Letters adds to the case page, through the hooks of the page's app (applications knows
nothing of letters): the action "生成文书" in the application's action table, and the panel that
shows the reviewer the draft 答复书 before approving it (core.panels)."""

from django.utils.translation import gettext_lazy as _

from gongkai.applications.actions import TABLE
from gongkai.applications.states import FILES_OPEN
from gongkai.core.actions import Action
from gongkai.core.errors import DomainError
from gongkai.core.panels import Panel, register

from .drafts import DRAFT_MARK, awaits_review, draft_decision_letter
from .forms import IssueLetterForm
from .permissions import ISSUE_LETTER, POLICY
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


def _draft_context(request, application) -> dict:
    context = {"application": application, "mark": DRAFT_MARK}
    try:
        context["draft"] = draft_decision_letter(application, reader=request.user)
    except DomainError as error:  # no template for this outcome: say so, where it is missed
        context["error"] = error.message
    return context


register(
    Panel(
        key="letters.draft_decision",
        page="applications.case",
        template="letters/draft_panel.html",
        allowed=lambda user, application: POLICY.allows(user, "preview_draft", application),
        context=_draft_context,
        when=awaits_review,
    )
)
