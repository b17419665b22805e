import segno
from axes.helpers import get_cool_off
from django.contrib import admin, messages
from django.http import HttpResponseForbidden
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.utils.html import escape
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django_otp import login as otp_login

from . import twofactor
from .forms import CodeForm


def locked_out(request, original_response=None, credentials=None):
    """What django-axes answers once an account or an address is locked (AXES_LOCKOUT_CALLABLE).

    The same page whether or not the account exists; 429 with `Retry-After` set to the cool-off.
    """
    cool_off = get_cool_off(request)
    minutes = max(1, round(cool_off.total_seconds() / 60)) if cool_off else None
    context = {
        **admin.site.each_context(request),
        "title": _("Too many failed log-in attempts"),
        "minutes": minutes,
    }
    # Rendered now: axes calls this from its middleware, after the view's response was rendered.
    response = render(request, "security/locked_out.html", context, status=429)
    if cool_off:
        response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response


def _qr_code(uri: str) -> str:
    """The otpauth URI as an inline SVG QR code (rendered here: no image request, no script)."""
    svg = segno.make(uri, error="m").svg_inline(
        scale=4, light="#fff", svgclass="qr-code", title=escape(_("QR code for your app"))
    )
    return mark_safe(svg)  # segno's own markup; the URI is drawn as modules, never as text


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""


def two_factor(request):
    """Turn two-factor authentication on (enrol an app), verify this session, or turn it off."""
    user = request.user
    device = twofactor.confirmed_device(user)
    required = twofactor.is_required(user)
    action = request.POST.get("action") if request.method == "POST" else None

    if device is None:
        pending = twofactor.pending_device(user)
        form = CodeForm(request.POST if action == "enrol" else None, device=pending)
        if action == "enrol" and form.is_valid():
            pending.confirmed = True
            pending.save(update_fields=["confirmed"])
            otp_login(request, pending)
            messages.success(request, _("Two-factor authentication is on."))
            return redirect(_next_url(request) or "admin:index")
        state = "enrol"
        extra = {
            "qr_code": _qr_code(pending.config_url),
            "secret": twofactor.secret(pending),
            "otpauth_uri": pending.config_url,
        }
    else:
        form = CodeForm(request.POST if action in {"verify", "disable"} else None, device=device)
        if action == "disable" and required:
            return HttpResponseForbidden()
        if action and form.is_valid():
            if action == "disable":
                device.delete()
                messages.success(request, _("Two-factor authentication is off."))
                return redirect("security:two-factor")
            otp_login(request, device)
            return redirect(_next_url(request) or "admin:index")
        state = "verified" if user.is_verified() else "verify"
        extra = {}

    context = {
        **admin.site.each_context(request),
        "title": _("Two-factor authentication"),
        "state": state,
        "required": required,
        "form": form,
        "next": _next_url(request),
        **extra,
    }
    return TemplateResponse(request, "security/two_factor.html", context)
