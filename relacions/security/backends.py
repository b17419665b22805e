from axes.backends import AxesStandaloneBackend
from django.conf import settings


class LoginThrottleBackend(AxesStandaloneBackend):
    """django-axes' lock-out check, for log-ins that come with a request.

    Every log-in over the web passes a request. `authenticate()` without one (the test client's
    `login()`, a shell) cannot be driven from outside, and axes would refuse it outright.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def client_ip(request) -> str:
    """The visitor's address, for counting failed log-ins per address.

    Behind settings.TRUSTED_PROXY_COUNT reverse proxies that each append to X-Forwarded-For, the
    visitor is that many entries from the right; whatever the client itself put further left is
    not trusted. Without proxies, the connection's own address.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote
    forwarded = request.headers.get("x-forwarded-for", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    return hops[-proxies] if len(hops) >= proxies else remote
