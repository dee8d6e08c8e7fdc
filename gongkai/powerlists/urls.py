from django.urls import path

from .views import office, public

app_name = "powerlists"

# Public pages (mounted under /powerlists/).
urlpatterns = [
    path("", public.index, name="index"),
    path("<str:code>/", public.power_list, name="list"),
    path("<str:code>/duties/", public.duty_list, name="duties"),
    path("<str:code>/adjustments/", public.adjustments, name="adjustments"),
    path("<str:code>/items/<str:item_code>/", public.item, name="item"),
]

# Staff pages (mounted under /office/powerlists/), namespace "powerlists_office".
office_patterns = (
    [
        path("", office.index, name="index"),
        path("new/", office.create, name="create"),
        path("import/", office.import_list, name="import"),
        path("<int:pk>/", office.detail, name="item"),
        path("<int:pk>/<str:action>/", office.adjust, name="adjust"),
    ],
    "powerlists_office",
)
