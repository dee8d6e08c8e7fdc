from django.urls import path  # noqa: F401

app_name = "facts"

# Public pages (mounted under /facts/).
urlpatterns: list = []

# Staff pages (mounted under /office/facts/), namespace "facts_office".
office_patterns = ([], "facts_office")
