from django.urls import path  # noqa: F401

app_name = "powerlists"

# Public pages (mounted under /powerlists/).
urlpatterns: list = []

# Staff pages (mounted under /office/powerlists/), namespace "powerlists_office".
office_patterns = ([], "powerlists_office")
