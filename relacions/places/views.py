from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView

from relacions.core.models import Publishable

from .models import Place

RELATED_LIMIT = 20


def public_links(place: Place) -> dict[str, list]:
    """The published items that point to `place`, read through the reverse relations the apps
    above declare (agreements' and projects' partners, events, networks' seats, visits), so
    this app imports none of them; a relation that does not exist is left out. One query each."""
    links = {}
    for accessor, parent, name in (
        ("agreement_partners", "agreement", "agreements"),
        ("project_partners", "project", "projects"),
    ):
        partners = getattr(place, accessor, None)
        if partners is not None:
            model = partners.model._meta.get_field(parent).related_model
            links[name] = list(
                model._default_manager.filter(Publishable.published_q(), partners__place=place)
                .distinct()
                .order_by("title", "pk")[:RELATED_LIMIT]
            )
    for accessor, order in (
        ("events", "-start"),
        ("network_seats", "name"),
        ("visits", "-starts_on"),
    ):
        related = getattr(place, accessor, None)
        if related is not None:
            # The model's own rule (a visit is public only once it has ended).
            public = related.model.published_q()
            links[accessor] = list(related.filter(public).order_by(order, "pk")[:RELATED_LIMIT])
    return links


class PlaceDetailView(DetailView):
    """A place and the published agreements, projects, events and networks tied to it. A place
    nothing public points to has no page (the register itself is not published)."""

    template_name = "places/place_detail.html"
    context_object_name = "place"

    def get_object(self, queryset=None):
        place = get_object_or_404(Place.objects.by_slug(self.kwargs["slug"])[:1])
        self.links = public_links(place)
        if not any(self.links.values()):
            raise Http404("Nothing public is tied to this place.")
        return place

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, **self.links)
