from django.urls import path

from . import views

office_patterns = (
    [
        path(
            "applications/<int:pk>/draft-decision.docx",
            views.draft_decision,
            name="draft_decision",
        ),
    ],
    "letters_office",
)
