import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from relacions.agreements.models import Agreement
from relacions.redirects.models import Redirect
from tests.factories.agreements import (
    AgreementFactory,
    AmendmentFactory,
    CooperationAreaFactory,
    DocumentFactory,
    PartnerFactory,
)
from tests.factories.news import NewsItemFactory
from tests.factories.places import PlaceFactory
from tests.helpers import structured_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_settings")]


def url_in(language: str, name: str, **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


@pytest.mark.parametrize(
    ("language", "path"),
    [("ca", "/ca/acords/"), ("es", "/es/acuerdos/"), ("en", "/en/agreements/")],
)
def test_the_list_has_a_translated_address(client, language, path):
    assert url_in(language, "agreements:list") == path
    assert client.get(path).status_code == 200


def test_the_list_shows_twin_cities_first_and_filters(client):
    protocol = AgreementFactory(kind=Agreement.Kind.PROTOCOL, title_ca="A protocol")
    twinning = AgreementFactory(title_ca="Z agermanament")
    PartnerFactory(agreement=twinning, place=PlaceFactory(country="NI"))
    AgreementFactory(status="draft", title_ca="Esborrany secret")
    page = client.get("/ca/acords/").content.decode()
    assert page.index("Z agermanament") < page.index("A protocol")
    assert "Esborrany secret" not in page
    only = client.get("/ca/acords/", {"kind": "protocol"}).content.decode()
    assert "A protocol" in only and "Z agermanament" not in only
    by_country = client.get("/ca/acords/", {"country": "NI"}).content.decode()
    assert "Z agermanament" in by_country and "A protocol" not in by_country
    assert protocol.pk != twinning.pk


@pytest.mark.parametrize("query", [{"kind": "treaty"}, {"status": "asleep"}, {"country": "ZZ"}])
def test_an_unknown_filter_answers_404_with_the_form(client, query):
    response = client.get("/ca/acords/", query)
    assert response.status_code == 404
    assert b'name="robots" content="noindex' in response.content


def test_the_page_shows_what_the_transparency_law_asks(client):
    agreement = AgreementFactory(
        title_ca="Agermanament amb Pamiers",
        signed_on=datetime.date(1990, 5, 1),
        approved_on=datetime.date(1990, 3, 1),
        term_ca="Indefinida",
        signatories="Alcalde de Terrassa\nAlcalde de Pamiers",
        rights_and_obligations_ca="<p>Intercanvis escolars</p>",
        economic_obligations_ca="Cap",
        gazette_url="https://dogc.example.org/1990/1",
    )
    agreement.areas.add(CooperationAreaFactory(name_ca="Educació"))
    PartnerFactory(agreement=agreement, organisation_ca="Ajuntament de Pamiers")
    AmendmentFactory(agreement=agreement, date=datetime.date(2005, 1, 1), description_ca="Canvi X")
    DocumentFactory(agreement=agreement, title_ca="Text signat")
    agreement.news_items.add(NewsItemFactory(title_ca="Visita a Pamiers"))
    response = client.get(url_in("ca", "agreements:detail", slug=agreement.slug_ca))
    page = response.content.decode()
    for text in (
        "Agermanament amb Pamiers",
        "Ajuntament de Pamiers",
        "Indefinida",
        "Alcalde de Pamiers",
        "Intercanvis escolars",
        "Educació",
        "Canvi X",
        "Text signat",
        "https://dogc.example.org/1990/1",
        "Visita a Pamiers",
    ):
        assert text in page, text
    data = structured_data(page)
    assert data["@type"] == "CreativeWork"
    assert data["dateCreated"] == "1990-05-01"


def test_a_draft_agreement_is_never_shown(client):
    draft = AgreementFactory(status="draft")
    assert client.get(url_in("ca", "agreements:detail", slug=draft.slug_ca)).status_code == 404


def test_an_old_twin_city_address_redirects_permanently(client):
    agreement = AgreementFactory(slug_ca="pamiers")
    Redirect.objects.create(old_path="/ca/xarxes/pamiers/", new_path="/ca/acords/pamiers/")
    response = client.get("/ca/xarxes/pamiers/")
    assert response.status_code == 301
    assert response["Location"] == agreement.get_absolute_url().replace(
        agreement.get_absolute_url(), "/ca/acords/pamiers/"
    )


def test_a_place_page_lists_what_is_public_there(client):
    place = PlaceFactory(name_ca="Pamiers", slug_ca="pamiers")
    agreement = AgreementFactory(title_ca="Agermanament amb Pamiers")
    PartnerFactory(agreement=agreement, place=place)
    draft = AgreementFactory(status="draft", title_ca="Esborrany")
    PartnerFactory(agreement=draft, place=place)
    page = client.get("/ca/llocs/pamiers/", follow=True).content.decode()
    assert "Agermanament amb Pamiers" in page and "Esborrany" not in page
    lonely = PlaceFactory(slug_ca="enlloc")
    assert client.get(url_in("ca", "places:detail", slug=lonely.slug_ca)).status_code == 404


def test_an_event_shows_its_place_in_the_page_language(client):
    from tests.factories.events import EventFactory

    place = PlaceFactory(name_ca="Tetuan", name_es="Tetuán", name_en="Tetouan", country="MA")
    event = EventFactory(location=place, format="in-person")
    assert (event.city, event.country.code) == ("Tetuan", "MA")
    with translation.override("es"):
        page = client.get(event.get_absolute_url()).content.decode()
    assert "Tetuán" in page
