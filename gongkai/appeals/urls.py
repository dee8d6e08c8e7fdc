from django.urls import path

from .views import office, public

app_name = "appeals"

# Public pages (mounted under /appeals/).
urlpatterns = [
    path("<str:code>/", public.agency, name="agency"),
]

# Staff pages (mounted under /office/appeals/), namespace "appeals_office".
office_patterns = (
    [
        path("", office.index, name="index"),
        path("new/", office.create, name="create"),
        path("<int:pk>/", office.case, name="case"),
        path("<int:pk>/edit/", office.edit, name="edit"),
        path("<int:pk>/act/<str:action>/", office.act, name="act"),
        # The addresses the case page's two forms had before its action table.
        path("<int:pk>/outcome/", office.act, {"action": "record_outcome"}, name="record_outcome"),
        path("<int:pk>/upload/", office.act, {"action": "attach"}, name="upload"),
        path("<int:pk>/documents/<int:document_pk>/", office.document, name="document"),
        path(
            "<int:pk>/documents/<int:document_pk>/remove/",
            office.remove_document,
            name="remove_document",
        ),
    ],
    "appeals_office",
)
