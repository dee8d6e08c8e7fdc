from django.contrib import admin
from django.contrib.sitemaps.views import index as sitemap_index
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from drf_spectacular.views import SpectacularJSONAPIView

from gongkai.appeals import api as appeals_api
from gongkai.appeals import urls as appeals_urls
from gongkai.applications import api as application_api
from gongkai.applications.api_personal import RevealIdentityAPI
from gongkai.applications.urls import office_patterns as application_office_patterns
from gongkai.catalog import api as catalog_api
from gongkai.catalog.feeds import SITEMAPS
from gongkai.catalog.urls import office_patterns as catalog_office_patterns
from gongkai.core.action_api import action_paths
from gongkai.core.views import client_address_seen
from gongkai.deadlines.api import DeadlineCalculatorAPI
from gongkai.engagement import api as engagement_api
from gongkai.engagement import urls as engagement_urls
from gongkai.facts import api as facts_api
from gongkai.facts import urls as facts_urls
from gongkai.letters.urls import office_patterns as letters_office_patterns
from gongkai.powerlists import api as powerlists_api
from gongkai.powerlists import urls as powerlists_urls
from gongkai.reports import api as reports_api
from gongkai.reports import urls as reports_urls

api_patterns = [
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="openapi"),
    path("deadline/", DeadlineCalculatorAPI.as_view(), name="deadline"),
    path("applications/", application_api.ApplicationListAPI.as_view(), name="applications"),
    path(
        "applications/<str:number>/",
        application_api.ApplicationDetailAPI.as_view(),
        name="application",
    ),
    path(
        "applications/<str:number>/correction/",
        application_api.CorrectionAPI.as_view(),
        name="application-correction",
    ),
    path(
        "applications/<str:number>/withdraw/",
        application_api.WithdrawAPI.as_view(),
        name="application-withdraw",
    ),
    path("office/applications/", application_api.QueueAPI.as_view(), name="office-queue"),
    path(
        "office/applications/<str:number>/reveal-identity/",
        RevealIdentityAPI.as_view(),
        name="office-reveal-identity",
    ),
    *action_paths(
        "office/applications/<str:number>/actions/",
        application_api.ActionAPI,
        name="office-action",
    ),
]

api_patterns += catalog_api.urlpatterns
api_patterns += engagement_api.urlpatterns + powerlists_api.urlpatterns
api_patterns += appeals_api.urlpatterns + facts_api.urlpatterns
api_patterns += reports_api.urlpatterns

urlpatterns = [
    path("", include("gongkai.portal.urls")),
    path("gk/", include("gongkai.catalog.urls")),
    path("office/catalog/", include(catalog_office_patterns)),
    path("engagement/", include("gongkai.engagement.urls")),
    path("office/engagement/", include(engagement_urls.office_patterns)),
    path("powerlists/", include("gongkai.powerlists.urls")),
    path("office/powerlists/", include(powerlists_urls.office_patterns)),
    path("appeals/", include("gongkai.appeals.urls")),
    path("office/appeals/", include(appeals_urls.office_patterns)),
    path("facts/", include("gongkai.facts.urls")),
    path("office/facts/", include(facts_urls.office_patterns)),
    path("reports/", include("gongkai.reports.urls")),
    path("office/reports/", include(reports_urls.office_patterns)),
    path("sitemap.xml", sitemap_index, {"sitemaps": SITEMAPS}, name="sitemap-index"),
    path(
        "sitemap-<section>.xml",
        sitemap,
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("accounts/", include("gongkai.accounts.urls")),
    path("deadline/", include("gongkai.deadlines.urls")),
    path("applications/", include("gongkai.applications.urls")),
    path("office/applications/", include(application_office_patterns)),
    path("office/letters/", include(letters_office_patterns)),
    path("office/redaction/", include("gongkai.redaction.urls")),
    path("office/release/", include("gongkai.agencies.release_urls")),
    path("office/calendar/", include("gongkai.workdays.urls")),
    path("office/", include("gongkai.agencies.urls")),
    path("office/", include("gongkai.apitokens.urls")),
    path("api/", include((api_patterns, "api"))),
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz/client", client_address_seen, name="client-address"),
    path("admin/", admin.site.urls),
]

handler400 = "gongkai.portal.views.error_400"
handler403 = "gongkai.portal.views.error_403"
handler404 = "gongkai.portal.views.error_404"
handler500 = "gongkai.portal.views.error_500"
