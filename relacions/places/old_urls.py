"""The places' pages lived at /ca/llocs/<slug>/ (/es/lugares/, /en/places/) before the world map
moved them to /ca/mon/<slug>/: those addresses send on for good, with the same slug (mounted by
relacions/urls.py)."""

from django.urls import path
from django.views.generic import RedirectView

app_name = "old_places"

urlpatterns = [
    path(
        "<slug:slug>/",
        RedirectView.as_view(pattern_name="places:detail", permanent=True, query_string=True),
        name="detail",
    )
]
