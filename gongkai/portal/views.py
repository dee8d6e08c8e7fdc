"""Public pages."""

from django.shortcuts import get_object_or_404, render

from gongkai.agencies.models import Agency


def home(request):
    agencies = Agency.objects.filter(is_active=True).order_by("path", "sort_order")
    return render(request, "portal/home.html", {"agencies": agencies})


def agency(request, code: str):
    agency = get_object_or_404(Agency, code=code, is_active=True)
    return render(
        request,
        "portal/agency.html",
        {"agency": agency, "children": agency.children.filter(is_active=True)},
    )


def error_400(request, exception=None):
    """A request the site cannot answer (a query parameter that is not a number, …): the
    message of our own refusals (core.params.BadParameter), never that of Django's."""
    from django.http import JsonResponse

    from gongkai.core.errors import DomainError

    message = exception.message if isinstance(exception, DomainError) else ""
    if request.path.startswith("/api/"):  # refused before the API's own error handling
        body = exception.as_dict() if message else {"code": "bad_request", "message": "请求有误。"}
        return JsonResponse(body, status=400)
    return render(request, "errors/400.html", {"message": message}, status=400)


def error_403(request, exception=None):
    message = str(exception) if exception and str(exception) else ""
    return render(request, "errors/403.html", {"message": message}, status=403)


def error_404(request, exception=None):
    return render(request, "errors/404.html", status=404)


def error_500(request):
    return render(request, "errors/500.html", status=500)
