from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect

from .models import Redirect


class RedirectFallbackMiddleware:
    """Answers a GET or HEAD that would be a 404 with the redirect the table has for its path.

    Only a 404 is looked at, so a redirect never hides a working page and costs nothing on one.
    Placed after CommonMiddleware and LocaleMiddleware (its response is seen before theirs), so an
    old address without a language prefix is redirected before they try to add a slash or a
    prefix to it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        redirect = Redirect.objects.matching(request.path, request.META.get("QUERY_STRING", ""))
        if redirect is None or not redirect.target_is_allowed():
            return response
        redirect.record_use()
        if redirect.is_permanent():
            return HttpResponsePermanentRedirect(redirect.new_path)
        return HttpResponseRedirect(redirect.new_path)
