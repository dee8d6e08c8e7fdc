from django.urls import path  # noqa: F401

app_name = "appeals"

# Public pages (mounted under /appeals/).
urlpatterns: list = []

# Staff pages (mounted under /office/appeals/), namespace "appeals_office".
office_patterns = ([], "appeals_office")
