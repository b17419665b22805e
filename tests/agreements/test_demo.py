"""The demo content (relacions.core.demo) gives the four twin cities as twinning agreements with
their places, and the Eurocities membership of Terrassa's urban system; no twin city is a
network; loading twice changes nothing."""

import pytest

from relacions.agreements.models import Agreement
from relacions.core.demo import load_demo_content
from relacions.networks.models import Network
from relacions.places.models import Place

pytestmark = pytest.mark.django_db


def test_the_demo_content_has_the_twin_cities_as_agreements():
    load_demo_content()
    twinnings = Agreement.objects.twinnings().order_by("slug_ca")
    assert [a.slug_ca for a in twinnings] == ["granada-nicaragua", "pamiers", "tecoluca", "tetuan"]
    assert all(a.is_published() and "exemple" in a.object_ca for a in twinnings)
    pamiers = Agreement.objects.get(slug_ca="pamiers").partners.get()
    assert (pamiers.organisation_en, pamiers.place.country) == ("City Council of Pamiers", "FR")
    urban = Agreement.objects.get(kind=Agreement.Kind.COLLABORATION)
    assert urban.partners.count() == 10
    assert list(urban.networks.values_list("slug_ca", flat=True)) == ["eurocities"]
    assert not Network.objects.filter(kind="twinning").exists()
    counts = {label: count.created for label, count in load_demo_content().items()}
    assert counts["agreements"] == counts["places"] == 0
    assert Place.objects.filter(slug_ca="tetuan", name_es="Tetuán", country="MA").exists()
