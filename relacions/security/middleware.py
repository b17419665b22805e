from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from . import twofactor

# Namespaces of the views only staff use; public pages are left alone (and make no query here).
GUARDED_NAMESPACES = {"admin", "images", "security"}
# What a user who still has to set up or confirm two-factor authentication may reach.
OPEN_VIEWS = {"security:two-factor", "admin:logout", "admin:login", "admin:jsi18n"}


class TwoFactorRequiredMiddleware:
    """Staff who must use two-factor authentication reach the admin only once this session is
    verified by their TOTP device; until then every admin page leads to the enrolment page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.view_name in OPEN_VIEWS:
            return None
        if not GUARDED_NAMESPACES.intersection(match.namespaces):
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified() or not twofactor.is_required(user):
            return None
        target = reverse("security:two-factor")
        return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
