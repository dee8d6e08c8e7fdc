from django.urls import path

from .views import office, public, records

app_name = "facts"

# Public pages (mounted under /facts/).
urlpatterns = [
    path("<str:code>/", public.agency, name="agency"),
    path("<str:code>/<int:year>/", public.year, name="year"),
]

# Staff pages (mounted under /office/facts/), namespace "facts_office".
office_patterns = (
    [
        path("", office.index, name="index"),
        path("import/", office.import_figures, name="import"),
        path("<str:code>/", office.agency, name="agency"),
        path("<str:code>/<int:year>/", office.year, name="year"),
        path("<str:code>/<int:year>/figures/", office.figures, name="figures"),
        path("<str:code>/<int:year>/lock/", office.lock, name="lock"),
        path("<str:code>/<int:year>/unlock/", office.unlock, name="unlock"),
        path("<str:code>/<slug:kind>/", records.record_list, name="records"),
        path("<str:code>/<slug:kind>/new/", records.record_new, name="record_new"),
        path("<str:code>/<slug:kind>/<int:pk>/", records.record_edit, name="record_edit"),
        path(
            "<str:code>/<slug:kind>/<int:pk>/delete/",
            records.record_delete,
            name="record_delete",
        ),
    ],
    "facts_office",
)
