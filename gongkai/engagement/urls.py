from django.urls import path  # noqa: F401

app_name = "engagement"

# Public pages (mounted under /engagement/).
urlpatterns: list = []

# Staff pages (mounted under /office/engagement/), namespace "engagement_office".
office_patterns = ([], "engagement_office")
