from django.urls import path

from . import release_views as views

app_name = "release"

urlpatterns = [
    path("agencies/<int:pk>/codes/", views.allowed_codes, name="allowed_codes"),
    path(
        "agencies/<int:pk>/codes/<int:code_pk>/delete/",
        views.allowed_code_delete,
        name="allowed_code_delete",
    ),
]
