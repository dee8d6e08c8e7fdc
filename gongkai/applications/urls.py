from django.urls import path

from .views import applicant, staff

app_name = "applications"

urlpatterns = [
    path("", applicant.mine, name="mine"),
    path("new/", applicant.new, name="new"),
    path("<int:pk>/", applicant.detail, name="detail"),
    path("<int:pk>/correction/", applicant.submit_correction, name="submit_correction"),
    path("<int:pk>/withdraw/", applicant.withdraw, name="withdraw"),
    path("documents/<int:pk>/", applicant.download, name="download"),
    path("query/", applicant.query, name="query"),
]

office_patterns = (
    [
        path("", staff.queue, name="queue"),
        path("new/", staff.register, name="register"),
        path("workload/", staff.workload, name="workload"),
        path("<int:pk>/", staff.case, name="case"),
        path("<int:pk>/act/<str:action>/", staff.act, name="act"),
        path("<int:pk>/reveal-identity/", staff.reveal_identity, name="reveal_identity"),
    ],
    "applications_office",
)
