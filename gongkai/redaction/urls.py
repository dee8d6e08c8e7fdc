from django.urls import path

from . import views

app_name = "redaction"

urlpatterns = [
    path("<int:pk>/", views.edit, name="edit"),
    path("<int:pk>/pages/<int:page>.png", views.page_image, name="page"),
    path("<int:pk>/act/<str:action>/", views.act, name="act"),
]
