from django.urls import path

from .views import office, preview, public, rollup, statistics, upload

app_name = "reports"

# Public pages (mounted under /reports/): the 年报 column of each agency.
urlpatterns = [
    path("<str:code>/", public.agency_reports, name="agency"),
    path("<str:code>/<int:year>/", public.report, name="report"),
    path("<str:code>/<int:year>/download/<str:kind>/", public.download, name="download"),
]

# Staff pages (mounted under /office/reports/), namespace "reports_office".
office_patterns = (
    [
        path("", office.index, name="index"),
        path("start/", office.start, name="start"),
        path("check/", upload.check_batch, name="check"),
        path("statistics/", statistics.applications, name="statistics"),
        path("statistics/xlsx/", statistics.applications_xlsx, name="statistics_xlsx"),
        path("settings/<str:code>/", office.report_settings, name="settings"),
        path("rollup/<str:code>/<int:year>/", rollup.rollup, name="rollup"),
        path("rollup/<str:code>/<int:year>/<str:cell>/", rollup.rollup_cell, name="rollup_cell"),
        path("<int:pk>/", office.detail, name="detail"),
        path("<int:pk>/cells/<str:cell>/", office.cell, name="cell"),
        path("<int:pk>/narrative/", office.narrative, name="narrative"),
        path("<int:pk>/preview/", preview.preview, name="preview"),
        path("<int:pk>/act/<str:action>/", office.act, name="act"),
        path("<int:pk>/download/<str:kind>/", office.download, name="download"),
        path("<int:pk>/source/", office.source_file, name="source"),
    ],
    "reports_office",
)
