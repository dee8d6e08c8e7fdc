from django.urls import path

from . import views

app_name = "workdays"

urlpatterns = [
    path("", views.year_list, name="year_list"),
    path("load/", views.load_notice, name="load_notice"),
]
