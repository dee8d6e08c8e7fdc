from django.urls import path

from .feeds import AgencyAtomFeed, AgencyFeed
from .views import batches, office, public

app_name = "catalog"

urlpatterns = [
    path("search/", public.search, name="search"),
    path("<str:code>/", public.column, name="column"),
    path("<str:code>/guide/", public.guide, name="guide"),
    path("<str:code>/catalog/", public.catalogue, name="catalogue"),
    path("<str:code>/catalog.json", public.export_json, name="export"),
    path("<str:code>/feed/rss/", AgencyFeed(), name="rss"),
    path("<str:code>/feed/atom/", AgencyAtomFeed(), name="atom"),
    path("<str:code>/items/<uuid:public_id>/", public.item, name="item"),
    path(
        "<str:code>/items/<uuid:public_id>/files/<int:pk>/",
        public.attachment,
        name="attachment",
    ),
]

office_patterns = (
    [
        path("", office.index, name="index"),
        path("new/", office.create, name="create"),
        path("review/", office.review_queue, name="review"),
        path("import/", batches.import_catalog, name="import"),
        path("batches/<int:pk>/", batches.batch, name="batch"),
        path("batches/<int:pk>/act/<str:action>/", batches.batch_act, name="batch_act"),
        path("guide/<str:code>/", office.guide, name="guide"),
        path("settings/<str:code>/", office.catalog_settings, name="settings"),
        path("<int:pk>/", office.detail, name="item"),
        path("<int:pk>/edit/", office.edit, name="edit"),
        path("<int:pk>/upload/", office.upload, name="upload"),
        path("<int:pk>/act/<str:action>/", office.act, name="act"),
        path(
            "<int:pk>/attachments/<int:attachment_pk>/",
            office.attachment_download,
            name="attachment",
        ),
        path(
            "<int:pk>/attachments/<int:attachment_pk>/remove/",
            office.remove_attachment,
            name="remove_attachment",
        ),
        path(
            "<int:pk>/channels/<int:channel_pk>/remove/",
            office.remove_channel,
            name="remove_channel",
        ),
    ],
    "catalog_office",
)
