from django.urls import path

from .views import office_consultations as oc
from .views import office_responses as orr
from .views import public

app_name = "engagement"

# Public pages (mounted under /engagement/).
urlpatterns = [
    path("<str:code>/", public.index, name="index"),
    path("<str:code>/consultations/", public.consultations, name="consultations"),
    path("<str:code>/consultations/<int:pk>/", public.consultation, name="consultation"),
    path(
        "<str:code>/consultations/<int:pk>/files/<int:file_pk>/",
        public.consultation_file,
        name="file",
    ),
    path(
        "<str:code>/consultations/<int:pk>/comments.xlsx",
        public.export,
        name="export",
    ),
    path(
        "<str:code>/comments/<int:comment_pk>/files/<int:file_pk>/",
        public.comment_file,
        name="comment_file",
    ),
    path("<str:code>/responses/", public.responses, name="responses"),
    path("<str:code>/responses/<int:pk>/", public.response, name="response"),
]

# Staff pages (mounted under /office/engagement/), namespace "engagement_office".
office_patterns = (
    [
        path("", oc.index, name="index"),
        path("consultations/new/", oc.create, name="create"),
        path("consultations/<int:pk>/", oc.detail, name="consultation"),
        path("consultations/<int:pk>/edit/", oc.edit, name="edit"),
        path("consultations/<int:pk>/upload/", oc.upload, name="upload"),
        path(
            "consultations/<int:pk>/files/<int:file_pk>/remove/",
            oc.remove_attachment,
            name="remove_attachment",
        ),
        path("consultations/<int:pk>/act/<str:action>/", oc.act, name="act"),
        path("consultations/<int:pk>/comments.xlsx", oc.export, name="export"),
        path("comments/<int:pk>/act/<str:action>/", oc.comment_act, name="comment_act"),
        path("responses/", orr.index, name="responses"),
        path("responses/new/", orr.create, name="response_create"),
        path("responses/<int:pk>/edit/", orr.edit, name="response_edit"),
        path("responses/<int:pk>/delete/", orr.delete, name="response_delete"),
    ],
    "engagement_office",
)
