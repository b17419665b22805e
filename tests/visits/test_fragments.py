"""The visits' rendered fragments (visits.fragments): a card and a visit's page below its title,
served from the cache while nothing they show changed, never after."""

import datetime
from decimal import Decimal

import pytest

from relacions.visits.models import Visit
from tests.factories import EventFactory, NetworkFactory, ObjectiveFactory
from tests.factories.agreements import AgreementFactory
from tests.factories.places import PlaceFactory
from tests.factories.projects import ProjectFactory
from tests.factories.visits import CostFactory, GiftFactory, ParticipantFactory, VisitFactory
from tests.helpers import (
    check_a_linked_network_leaves_at_its_unpublish_at,
    check_each_language_has_its_fragment,
    structured_data,
    url_of,
    visit,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragment_cache", "site_settings")]

DRAFT = Visit.Status.DRAFT
NOT_FINAL_COST = Decimal("4242.42")


def test_the_list_reads_its_cards_from_the_cache_until_one_changes(client):
    visits = VisitFactory.create_batch(3)
    first, first_queries = visit(client, url_of("visits:list"))
    again, from_cache = visit(client, url_of("visits:list"))
    assert again == first and from_cache < first_queries
    visits[0].title_ca = "Visita reanomenada"
    visits[0].save()
    assert "Visita reanomenada" in visit(client, url_of("visits:list"))[0]


def test_a_card_follows_its_places(client):
    place = PlaceFactory(name_ca="Pàmies")
    trip = VisitFactory(places=[place])
    assert "Pàmies" in visit(client, url_of("visits:list"))[0]
    place.name_ca = "Pàmies d'Arieja"
    place.save()
    assert "Pàmies d&#x27;Arieja" in visit(client, url_of("visits:list"))[0]
    trip.places.add(PlaceFactory(name_ca="Wels"))
    assert "Wels" in visit(client, url_of("visits:list"))[0]
    trip.places.remove(place)
    assert "Pàmies" not in visit(client, url_of("visits:list"))[0]


def test_the_page_reads_its_body_from_the_cache(client):
    trip = VisitFactory()
    first, first_queries = visit(client, url_of(trip))
    again, again_queries = visit(client, url_of(trip))
    assert again == first and "Outcome of visit" in again
    # The page's own lookup only: its body and its schema.org data (with the places both read)
    # and the chrome come from the cache.
    assert first_queries > 1 and again_queries == 1


def test_the_page_follows_everything_its_body_shows(client):
    trip = VisitFactory()
    participant = ParticipantFactory(visit=trip, position_ca="Tècnica de relacions")
    gift = GiftFactory(visit=trip, description_ca="Un llibre")
    network = NetworkFactory(name_ca="Eurocities")
    agreement = AgreementFactory(title_ca="Agermanament amb Pàmies")
    project = ProjectFactory(title_ca="Projecte europeu")
    objective = ObjectiveFactory(title_ca="Ciutat oberta")
    trip.networks.add(network)
    trip.agreements.add(agreement)
    trip.projects.add(project)
    trip.objectives.add(objective)
    page = url_of(trip)
    assert "Tècnica de relacions" in visit(client, page)[0]
    trip.outcome_ca = "<p>Un acord nou</p>"
    trip.save()
    assert "Un acord nou" in visit(client, page)[0]
    # Participants and gifts have no version: their rows come with the page's row, in the key.
    participant.position_ca = "Cap de servei"
    participant.save()
    assert "Cap de servei" in visit(client, page)[0]
    ParticipantFactory(visit=trip, position_ca="Regidora")
    assert "Regidora" in visit(client, page)[0]
    gift.description_ca = "Un llibre de fotografies"
    gift.save()
    assert "Un llibre de fotografies" in visit(client, page)[0]
    gift.delete()
    assert "Un llibre" not in visit(client, page)[0]
    place = trip.places.first()
    place.name_ca = "Lloc reanomenat"
    place.save()
    assert "Lloc reanomenat" in visit(client, page)[0]
    for shown, title in ((network, "name_ca"), (agreement, "title_ca"), (objective, "title_ca")):
        setattr(shown, title, f"{getattr(shown, title)} (nou nom)")
        shown.save()
        assert getattr(shown, title) in visit(client, page)[0]
    project.status = DRAFT
    project.save()
    assert "Projecte europeu" not in visit(client, page)[0]
    trip.events.add(EventFactory(title_ca="Trobada de ciutats"))
    assert "Trobada de ciutats" in visit(client, page)[0]


def test_costs_not_final_never_reach_the_page_and_final_ones_show_at_once(client):
    trip = VisitFactory(costs_final=False)
    CostFactory(visit=trip, amount=NOT_FINAL_COST)
    for _ in range(2):  # rendered, then from the cache
        assert "4.242,42" not in visit(client, url_of(trip))[0]
    trip.costs_final = True
    trip.costs_final_on = trip.ends_on + datetime.timedelta(days=1)
    trip.save()
    assert "4.242,42" in visit(client, url_of(trip))[0]


def test_a_related_object_leaves_when_its_unpublish_at_passes(client):
    check_a_linked_network_leaves_at_its_unpublish_at(client, VisitFactory())


def test_each_language_and_its_fallback_has_its_own_fragment(client):
    obj = VisitFactory(purpose_ca="Propòsit en català", purpose_es="")
    check_each_language_has_its_fragment(
        client, obj, "purpose", "Propòsit en català", "Propósito en castellano"
    )


def test_the_filter_s_choices_and_the_year_totals_follow_the_visits_at_once(client):
    """Kept with the content generation (pagecache.remember): a visit saved, its cost made final
    or the visit unpublished show in the filter's years and countries and in the totals of the
    list and of a filtered list at once."""
    VisitFactory(starts_on=datetime.date(2023, 3, 1), ends_on=datetime.date(2023, 3, 3))
    first = visit(client, url_of("visits:list"))[0]
    assert '<option value="2023"' in first and '<option value="2021"' not in first
    late = VisitFactory(
        starts_on=datetime.date(2021, 5, 1),
        ends_on=datetime.date(2021, 5, 2),
        places=[PlaceFactory(country="JP")],
    )
    CostFactory(visit=late, amount=Decimal("1234.00"))
    body = visit(client, url_of("visits:list"))[0]
    assert '<option value="2021"' in body and '<option value="JP"' in body
    assert '<th scope="row">2021</th><td>1</td>' in body
    filtered = visit(client, url_of("visits:list") + "?year=2021")[0]
    assert '<th scope="row">2021</th><td>1</td>' in filtered and "1,234" not in filtered
    late.costs_final = True
    late.save()
    assert "1.234" in visit(client, url_of("visits:list") + "?year=2021")[0]
    late.status = DRAFT
    late.save()
    body = visit(client, url_of("visits:list"))[0]
    assert '<option value="2021"' not in body and '<option value="JP"' not in body
    assert '<th scope="row">2021</th>' not in body


def test_the_schema_org_data_follows_the_places(client):
    """The page's schema.org data is kept as its body is (fragments.STRUCTURED_DATA)."""
    place = PlaceFactory(name_ca="Pàmies")
    trip = VisitFactory(places=[place])

    def data(language="ca") -> dict:
        return structured_data(visit(client, url_of(trip, language))[0])

    assert [where["name"] for where in data()["location"]] == ["Pàmies"]
    place.name_ca = "Pàmies d'Arieja"
    place.save()
    assert [where["name"] for where in data()["location"]] == ["Pàmies d'Arieja"]
    trip.places.add(PlaceFactory(name_ca="Wels"))
    assert [where["name"] for where in data()["location"]] == ["Pàmies d'Arieja", "Wels"]
    trip.purpose_ca = "Conèixer el seu pla de mobilitat"
    trip.save()
    assert data()["description"] == "Conèixer el seu pla de mobilitat"
    assert data("es")["inLanguage"] == "es"
