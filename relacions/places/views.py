from django import forms
from django.http import Http404, JsonResponse
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, TemplateView

from relacions.core.prepared import Prepared

from .models import Place
from .world import drawing, kept_timeline, map_layers, map_ties, shapes


class LayersForm(forms.Form):
    """The map's layers, chosen with plain checkboxes (GET): no layer asked for shows them all."""

    layer = forms.MultipleChoiceField(
        label=_("Show"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("There is no layer called “%(value)s”.")},
    )

    def __init__(self, *args, layers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["layer"].choices = [(layer.key, layer.label) for layer in layers]

    def chosen(self) -> set[str]:
        every = {key for key, _label in self.fields["layer"].choices}
        if not self.is_bound or not self.is_valid():
            return every
        return set(self.cleaned_data["layer"])


class WorldMapView(TemplateView):
    """Terrassa in the world: every public tie to a place, as a map drawn on the server (links,
    no script needed) and as a table that says the same."""

    template_name = "places/world_map.html"

    def render_to_response(self, context, **response_kwargs):
        # An unknown layer: the map of every layer with the form's message, found nowhere (as a
        # public list answers a filter it does not have, relacions.core.filtering).
        if context["form"].errors:
            response_kwargs["status"] = 404
        return super().render_to_response(context, **response_kwargs)

    def get_context_data(self, **kwargs):
        layers = map_layers()
        # A form was sent when it carries its marker field, even with every box unticked.
        bound = "chosen" in self.request.GET or "layer" in self.request.GET
        form = LayersForm(self.request.GET if bound else None, layers=layers)
        chosen = form.chosen()
        ties = map_ties([layer for layer in layers if layer.key in chosen])
        layer_shapes = shapes()
        return super().get_context_data(
            **kwargs,
            form=form,
            layers=[
                {
                    "key": layer.key,
                    "label": layer.label,
                    "shape": layer_shapes[layer.key],
                    "checked": layer.key in chosen,
                }
                for layer in layers
            ],
            ties=ties,
            map=drawing(ties),
        )


def world_geojson(request):
    """Every tied place as a GeoJSON Feature (RFC 7946: longitude first), its ties listed in its
    properties, in the language of the address."""
    build_uri = request.build_absolute_uri
    ties = map_ties(map_layers())
    features = {}
    for tie in ties:
        place = tie.place
        feature = features.setdefault(
            place.pk,
            {
                "type": "Feature",
                "id": place.pk,
                "geometry": {
                    "type": "Point",
                    "coordinates": [float(place.longitude), float(place.latitude)],
                },
                "properties": {
                    "name": place.name,
                    "country": place.country.code,
                    "country_name": str(place.country.name),
                    "wikidata": place.wikidata_id,
                    "url": build_uri(place.get_absolute_url()),
                    "ties": [],
                },
            },
        )
        feature["properties"]["ties"].append(
            {
                "layer": tie.layer.key,
                "layer_name": str(tie.layer.label),
                "title": tie.title,
                "description": tie.description,
                "date": tie.date.isoformat() if tie.date else None,
                "url": build_uri(tie.url) if tie.url else None,
            }
        )
    response = JsonResponse(
        {"type": "FeatureCollection", "features": list(features.values())},
        json_dumps_params={"ensure_ascii": False},
        content_type="application/geo+json",
    )
    response["Content-Disposition"] = 'inline; filename="terrassa-world.geojson"'
    return response


# A place's page's lookup, compiled once (relacions.core.prepared).
BY_SLUG = Prepared(lambda slug: Place.objects.by_slug(slug)[:1], slug=str)


class PlaceDetailView(DetailView):
    """A place and everything public tied to it (agreements, networks, projects, events, news),
    newest first. A place nothing public points to has no page (the register is not published)."""

    template_name = "places/place_detail.html"
    context_object_name = "place"

    def get_object(self, queryset=None):
        place = BY_SLUG.first_or_404(slug=self.kwargs["slug"])
        self.timeline = kept_timeline(place)
        if not self.timeline:
            raise Http404("Nothing public is tied to this place.")
        return place

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, timeline=self.timeline)
