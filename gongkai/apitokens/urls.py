from django.urls import path

from . import views

app_name = "apitokens"

urlpatterns = [
    path("agencies/<int:pk>/api-tokens/", views.agency_tokens, name="agency_tokens"),
    path("api-tokens/<int:pk>/revoke/", views.token_revoke, name="revoke"),
]
