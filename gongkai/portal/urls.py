from django.urls import path

from . import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("agencies/<str:code>/", views.agency, name="agency"),
]
