"""The site's URLs and the page benchmark's two baselines (tests/benchmarks/baselines.py).

Only tests/benchmarks/settings.py, which `make bench` gives its own server, points
ROOT_URLCONF here: no other server ever has these addresses.
"""

from django.urls import path

from relacions.urls import handler404, handler500
from relacions.urls import urlpatterns as site_urlpatterns

from . import baselines

urlpatterns = [
    path("__bench__/bytes/", baselines.bytes_view, name="bench-bytes"),
    path("__bench__/template/", baselines.template_view, name="bench-template"),
    *site_urlpatterns,
]

__all__ = ["handler404", "handler500", "urlpatterns"]
