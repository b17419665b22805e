"""The agreements' rendered fragments (agreements.fragments): a card and an agreement's page
below its title, served from the cache while nothing they show changed, never after."""

import datetime

import pytest
from django.utils import timezone

from relacions.agreements.models import Agreement, Review
from tests.factories import EventFactory, NetworkFactory, NewsItemFactory
from tests.factories.agreements import (
    AgreementFactory,
    AmendmentFactory,
    CooperationAreaFactory,
    DocumentFactory,
    PartnerFactory,
)
from tests.factories.places import PlaceFactory
from tests.helpers import (
    check_a_linked_network_leaves_at_its_unpublish_at,
    check_each_language_has_its_fragment,
    structured_data,
    url_of,
    visit,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragment_cache", "site_settings")]

DRAFT = Agreement.Status.DRAFT


def test_the_list_reads_its_cards_from_the_cache_until_one_changes(client):
    agreements = AgreementFactory.create_batch(3)
    for agreement in agreements:
        PartnerFactory(agreement=agreement, place=PlaceFactory(name_ca=f"Lloc {agreement.pk}"))
    first, first_queries = visit(client, url_of("agreements:list"))
    again, from_cache = visit(client, url_of("agreements:list"))
    assert again == first and from_cache < first_queries
    agreements[0].title_ca = "Acord reanomenat"
    agreements[0].save()
    assert "Acord reanomenat" in visit(client, url_of("agreements:list"))[0]


def test_a_card_follows_its_partners_and_their_places(client):
    agreement = AgreementFactory()
    partner = PartnerFactory(agreement=agreement, place=PlaceFactory(name_ca="Pàmies"))
    assert "Pàmies" in visit(client, url_of("agreements:list"))[0]
    partner.place.name_ca = "Pàmies d'Arieja"
    partner.place.save()
    assert "Pàmies d&#x27;Arieja" in visit(client, url_of("agreements:list"))[0]
    PartnerFactory(agreement=agreement, place=PlaceFactory(name_ca="Wels"))
    assert "Wels" in visit(client, url_of("agreements:list"))[0]
    partner.delete()
    assert "Pàmies" not in visit(client, url_of("agreements:list"))[0]


def test_the_page_reads_its_body_from_the_cache(client):
    agreement = AgreementFactory()
    AmendmentFactory(agreement=agreement)
    DocumentFactory(agreement=agreement)
    first, first_queries = visit(client, url_of(agreement))
    again, again_queries = visit(client, url_of(agreement))
    assert again == first and "Object of agreement" in again
    # The page's own lookup only: its body and its schema.org data (with the partners both read)
    # and the chrome come from the cache.
    assert first_queries > 1 and again_queries == 1


def test_the_page_follows_everything_its_body_shows(client):
    agreement = AgreementFactory(signatories="Alcaldessa")
    partner = PartnerFactory(agreement=agreement, organisation_ca="Ajuntament de Pàmies")
    document = DocumentFactory(agreement=agreement, title_ca="Text signat")
    area = CooperationAreaFactory(name_ca="Cultura")
    agreement.areas.add(area)
    network = NetworkFactory(name_ca="Xarxa d'abans")
    agreement.networks.add(network)
    news = NewsItemFactory(title_ca="Visita a Pàmies", published_on=datetime.date(2020, 3, 1))
    agreement.news_items.add(news)
    page = url_of(agreement)
    assert "Ajuntament de Pàmies" in visit(client, page)[0]
    agreement.signatories = "Alcalde"
    agreement.save()
    assert "Alcalde<" in visit(client, page)[0]
    partner.organisation_ca = "Ajuntament de Pàmies (Arieja)"
    partner.save()
    assert "Ajuntament de Pàmies (Arieja)" in visit(client, page)[0]
    partner.place.name_ca = "Nom del lloc nou"
    partner.place.save()
    assert "Nom del lloc nou" in visit(client, page)[0]
    AmendmentFactory(agreement=agreement, description_ca="Pròrroga de quatre anys")
    assert "Pròrroga de quatre anys" in visit(client, page)[0]
    document.title_ca = "Text signat i publicat"
    document.save()
    assert "Text signat i publicat" in visit(client, page)[0]
    document.delete()
    assert "Text signat" not in visit(client, page)[0]
    # The areas have no version: their names come with the page's row, and in the key.
    area.name_ca = "Cultura i educació"
    area.save()
    assert "Cultura i educació" in visit(client, page)[0]
    network.name_ca = "Xarxa d'ara"
    network.save()
    body = visit(client, page)[0]
    assert "Xarxa d&#x27;ara" in body and "abans" not in body
    network.status = DRAFT
    network.save()
    assert "Xarxa d&#x27;ara" not in visit(client, page)[0]
    news.title_ca = "Visita oficial a Pàmies"
    news.save()
    assert "Visita oficial a Pàmies" in visit(client, page)[0]
    news.status = DRAFT
    news.save()
    assert "Visita oficial" not in visit(client, page)[0]
    agreement.events.add(EventFactory(title_ca="Trobada d'agermanament"))
    assert "Trobada d&#x27;agermanament" in visit(client, page)[0]


def test_a_related_object_leaves_when_its_unpublish_at_passes(client):
    check_a_linked_network_leaves_at_its_unpublish_at(client, AgreementFactory())


def test_the_last_activity_follows_the_clock(client):
    """An event counts as activity once it has started: no save, the page changes."""
    agreement = AgreementFactory(signed_on=datetime.date(1990, 5, 1))
    starts = timezone.now() + datetime.timedelta(seconds=2)
    agreement.events.add(EventFactory(start=starts, end=starts + datetime.timedelta(hours=1)))
    today = timezone.localdate(starts).strftime("%Y")
    before = visit(client, url_of(agreement))[0]
    while timezone.now() < starts + datetime.timedelta(milliseconds=50):
        pass
    after = visit(client, url_of(agreement))[0]
    assert after != before
    assert today in after.split("Darrera activitat")[1][:80]
    assert today not in before.split("Darrera activitat")[1][:80]


def test_each_language_and_its_fallback_has_its_own_fragment(client):
    obj = AgreementFactory(object_ca="<p>Objecte en català</p>", object_es="")
    check_each_language_has_its_fragment(
        client,
        obj,
        "object",
        "Objecte en català",
        "<p>Objeto en castellano</p>",
        "Objeto en castellano",
    )


def test_the_yearly_review_never_reaches_a_page_served_from_fragments(client):
    agreement = AgreementFactory()
    Review.objects.create(agreement=agreement, year=2025, difficulties="Confidencial: pressupost")
    for _ in range(2):  # rendered, then from the cache
        for page in (url_of(agreement), url_of("agreements:list")):
            assert "Confidencial" not in visit(client, page)[0]


def test_the_filter_s_choices_follow_the_agreements_at_once(client):
    """Kept with the content generation (pagecache.remember): an agreement saved or unpublished
    changes the countries and years the list's filter offers at once."""
    AgreementFactory(signed_on=datetime.date(2015, 2, 1))
    assert '<option value="2001"' not in visit(client, url_of("agreements:list"))[0]
    signed = AgreementFactory(signed_on=datetime.date(2001, 4, 1))
    PartnerFactory(agreement=signed, place=PlaceFactory(country="JP"))
    body = visit(client, url_of("agreements:list"))[0]
    assert '<option value="2001"' in body and '<option value="JP"' in body
    signed.status = Agreement.Status.DRAFT
    signed.save()
    body = visit(client, url_of("agreements:list"))[0]
    assert '<option value="2001"' not in body and '<option value="JP"' not in body


def test_the_schema_org_data_follows_the_partners_and_their_places(client):
    """The page's schema.org data is kept as its body is (fragments.STRUCTURED_DATA)."""
    agreement = AgreementFactory(title_ca="Agermanament amb Pàmies")
    partner = PartnerFactory(
        agreement=agreement,
        organisation_ca="Ajuntament de Pàmies",
        place=PlaceFactory(name_ca="Pàmies"),
    )

    def data(language="ca") -> dict:
        return structured_data(visit(client, url_of(agreement, language))[0])

    assert data()["about"][0]["name"] == "Pàmies"
    partner.place.name_ca = "Pàmies d'Arieja"
    partner.place.save()
    assert data()["about"][0]["name"] == "Pàmies d'Arieja"
    PartnerFactory(agreement=agreement, organisation_ca="Ajuntament de Wels")
    assert "Ajuntament de Wels" in [party["name"] for party in data()["contributor"]]
    agreement.title_ca = "Agermanament renovat amb Pàmies"
    agreement.save()
    assert data()["name"] == "Agermanament renovat amb Pàmies"
    assert data("es")["inLanguage"] == "es" and data()["inLanguage"] == "ca"
    partner.delete()
    assert "Ajuntament de Pàmies" not in [party["name"] for party in data()["contributor"]]
