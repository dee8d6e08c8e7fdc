"""The staff back office (工作台): agencies, their disclosure-office facts, staff, and history."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.core.errors import DomainError
from gongkai.core.models import AuditEvent
from gongkai.core.paging import paginate
from gongkai.core.params import page_param
from gongkai.core.worklist import work_lines, work_table

from . import selectors, services
from .forms import AgencyOfficeForm, MembershipGrantForm
from .models import Membership
from .permissions import (
    agency_ids_with,
    can,
    is_staff_member,
    may_manage_memberships,
    membership_refusal,
    require,
)
from .roles import SUBTREE_ROLES, Capability, Role

HISTORY_PAGE = 30  # grants and revocations per page of the members page


def staff_required(view):
    """Logged in and holding at least one role somewhere; otherwise a clear refusal."""

    @login_required
    def wrapped(request, *args, **kwargs):
        if not is_staff_member(request.user):
            raise PermissionDenied(_("工作台仅对机关工作人员开放。"))
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


@staff_required
def home(request):
    """The 工作台: what waits for this person today, per the roles they hold; for a supervisor,
    the same counts per agency of the subtree. Lines that concern everyone (a holiday notice
    not loaded) are shown as a banner above the list."""
    today = timezone.localdate()
    memberships = selectors.memberships_of(user=request.user)
    agencies = selectors.agencies_visible_to(user=request.user)
    supervising = any(m.role in SUBTREE_ROLES for m in memberships)
    context = {
        "memberships": memberships,
        "agencies": agencies,
        "lines": work_lines(
            user=request.user,
            agency_ids_with=lambda capability: agency_ids_with(request.user, capability),
            today=today,
        ),
    }
    if supervising:
        counters, table = work_table(
            user=request.user, agency_ids=[a.pk for a in agencies], today=today
        )
        context["supervision"] = {
            "counters": counters,
            "rows": [(a, [table.get(a.pk, {}).get(c.key, 0) for c in counters]) for a in agencies],
        }
    return render(request, "office/home.html", context)


@staff_required
def agency_detail(request, pk: int):
    agency = selectors.agency_get_visible(user=request.user, pk=pk)
    return render(
        request,
        "office/agency_detail.html",
        {
            "agency": agency,
            "children": selectors.agencies_visible_to(user=request.user).filter(parent=agency),
            "members": selectors.agency_members(agency=agency),
            "can_administer": can(request.user, Capability.ADMINISTER, agency),
        },
    )


@staff_required
@require_http_methods(["GET", "POST"])
def agency_edit(request, pk: int):
    agency = selectors.agency_get_visible(user=request.user, pk=pk)
    require(request.user, Capability.ADMINISTER, agency)
    form = AgencyOfficeForm(request.POST or None, instance=agency)
    if request.method == "POST" and form.is_valid():
        try:
            services.agency_update(actor=request.user, agency=agency, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("机关信息已保存。"))
            return redirect("office:agency_detail", pk=agency.pk)
    return render(request, "office/agency_form.html", {"agency": agency, "form": form})


@staff_required
@require_http_methods(["GET", "POST"])
def agency_members(request, pk: int):
    """The agency's staff and roles, the grant form, and the history of every grant and
    revocation (who granted what to whom, when). Its administrators also see the subtree roles
    (督导) held below it, which they grant and revoke."""
    agency = selectors.agency_get_visible(user=request.user, pk=pk)
    can_administer = can(request.user, Capability.ADMINISTER, agency)
    form = MembershipGrantForm(request.POST or None, actor=request.user, agency=agency)
    if request.method == "POST":
        require(request.user, Capability.ADMINISTER, agency)
        if form.is_valid():
            granted_in, user = form.cleaned_data["agency"], form.cleaned_data["user"]
            try:
                services.membership_grant(
                    actor=request.user, agency=granted_in, user=user, role=form.cleaned_data["role"]
                )
            except (DomainError, PermissionDenied) as error:
                form.add_error(None, getattr(error, "message", None) or str(error))
            else:
                messages.success(request, _("已授予岗位。"))
                if can(user, Capability.HANDLE, granted_in) and can(
                    user, Capability.REVIEW, granted_in
                ):
                    messages.info(
                        request,
                        _(
                            "%(name)s 同时是信息公开工作人员和审核人：起草人不能审核自己起草的"
                            "条目或答复，须由其他审核人审核。"
                        )
                        % {"name": user.get_username()},
                    )
                return redirect("office:agency_members", pk=agency.pk)
    members = list(selectors.agency_members(agency=agency))
    below = list(selectors.subtree_memberships_below(agency=agency)) if can_administer else []
    for membership in members + below:
        membership.revocable = can_administer and (
            membership_refusal(
                request.user,
                agency=membership.agency,
                role=membership.role,
                user=membership.user,
                revoking=True,
            )
            is None
        )
    history = paginate(
        selectors.membership_history(agency=agency, with_subtree_roles_below=can_administer),
        page_param(request.GET),
        size=HISTORY_PAGE,
    )
    for event in history.items:
        granted = event.action == "membership.grant"
        side = 1 if granted else 0
        role = (event.changes.get("role") or [None, None])[side]
        event.grant_label = _("授予") if granted else _("撤销")
        event.grant_user = (event.changes.get("user") or [None, None])[side]
        event.grant_role = Role(role).label if role in Role.values else role
    return render(
        request,
        "office/agency_members.html",
        {
            "agency": agency,
            "members": members,
            "below": below,
            "form": form,
            "can_administer": can_administer,
            "history": history,
        },
    )


@staff_required
@require_POST
def membership_revoke(request, pk: int):
    """Revoke a role: by the agency's administrator, or for a subtree role (督导) by an
    administrator above it, who comes back to their own agency's page."""
    membership = get_object_or_404(Membership.objects.select_related("agency", "user"), pk=pk)
    agency = membership.agency
    visible = can(request.user, Capability.VIEW, agency)
    if not may_manage_memberships(request.user, agency):
        require(request.user, Capability.ADMINISTER, agency)  # 404 unseen, 403 seen
    try:
        services.membership_revoke(actor=request.user, membership=membership)
    except (DomainError, PermissionDenied) as error:
        messages.error(request, getattr(error, "message", None) or str(error))
    else:
        messages.success(request, _("已撤销岗位。"))
    if visible:
        return redirect("office:agency_members", pk=agency.pk)
    administered = agency_ids_with(request.user, Capability.ADMINISTER)
    above = next(a for a in reversed(agency.ancestor_ids()) if a in administered)
    return redirect("office:agency_members", pk=above)


@staff_required
def history(request, model: str, object_id: str):
    """An object's audit trail, limited to the rows of agencies the user may see."""
    try:
        app_label, model_name = model.split(".", 1)
        content_type = ContentType.objects.get_by_natural_key(app_label, model_name)
    except (ValueError, ContentType.DoesNotExist):
        raise Http404 from None
    rows = AuditEvent.objects.filter(content_type=content_type, object_id=object_id)
    if not request.user.is_superuser:
        rows = rows.filter(agency_id__in=agency_ids_with(request.user, Capability.VIEW))
    rows = rows.select_related("actor", "agency").order_by("-at", "-id")
    if not rows.exists():
        raise Http404
    return render(
        request,
        "office/history.html",
        {"rows": rows, "object_repr": rows[0].object_repr, "content_type": content_type},
    )
