import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from relacions.visits.models import Cost, Participant, Visit, local_today
from tests.factories import AxisFactory, EventFactory, NetworkFactory, ObjectiveFactory, PlanFactory
from tests.factories.agreements import AgreementFactory
from tests.factories.places import PlaceFactory
from tests.factories.visits import CostFactory, GiftFactory, ParticipantFactory, VisitFactory
from tests.helpers import structured_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_settings")]


def url_in(language: str, name: str, **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def _final(visit: Visit) -> Visit:
    visit.costs_final = True
    visit.save()
    return visit


@pytest.mark.parametrize(
    ("language", "path"),
    [("ca", "/ca/visites/"), ("es", "/es/visitas/"), ("en", "/en/visits/")],
)
def test_the_list_has_a_translated_address(client, language, path):
    assert url_in(language, "visits:list") == path
    assert client.get(path).status_code == 200


def test_the_list_filters_by_direction_year_country_and_purpose(client):
    VisitFactory(
        title_ca="Anada a Leeds", places=[PlaceFactory(country="GB")],
        starts_on=datetime.date(2024, 5, 1), ends_on=datetime.date(2024, 5, 2),
    )  # fmt: skip
    VisitFactory(
        title_ca="Delegació de Pamiers", direction=Visit.Direction.INCOMING,
        places=[PlaceFactory(country="FR")], purpose_category=Visit.Purpose.TWINNING,
        starts_on=datetime.date(2025, 5, 1), ends_on=datetime.date(2025, 5, 2),
    )  # fmt: skip
    for query, shown, not_shown in (
        ({"direction": "incoming"}, "Delegació de Pamiers", "Anada a Leeds"),
        ({"year": "2024"}, "Anada a Leeds", "Delegació de Pamiers"),
        ({"country": "FR"}, "Delegació de Pamiers", "Anada a Leeds"),
        ({"purpose": "twinning"}, "Delegació de Pamiers", "Anada a Leeds"),
    ):
        page = client.get("/ca/visites/", query).content.decode()
        assert shown in page and not_shown not in page, query


@pytest.mark.parametrize(
    "query",
    [
        {"direction": "sideways"},
        {"year": "1800"},
        {"year": "abc"},
        {"year": "2024'--"},
        {"country": "ZZ"},
        {"purpose": "holiday"},
        {"page": "999"},
    ],
)
def test_an_unknown_filter_answers_404_with_a_translated_message(client, query):
    VisitFactory(starts_on=datetime.date(2024, 5, 1), ends_on=datetime.date(2024, 5, 2))
    response = client.get("/es/visitas/", query)
    assert response.status_code == 404
    if "page" not in query:
        assert b'name="robots" content="noindex' in response.content
        assert "No hay" in response.content.decode()


def test_the_list_shows_each_years_totals(client):
    a = VisitFactory(starts_on=datetime.date(2024, 5, 1), ends_on=datetime.date(2024, 5, 2))
    CostFactory(visit=a, amount=Decimal("1000.00"), paid_by=Cost.Payer.CITY)
    CostFactory(visit=a, amount=Decimal("250.00"), paid_by=Cost.Payer.HOST)
    _final(a)
    b = VisitFactory(starts_on=datetime.date(2024, 7, 1), ends_on=datetime.date(2024, 7, 2))
    CostFactory(visit=b, amount=Decimal("9999.00"))  # not final: not counted
    page = client.get("/ca/visites/").content.decode()
    row = re.search(r"<tr><th scope=\"row\">2024</th>(.*?)</tr>", page, re.S)[1]
    cells = re.findall(r"<td>(.*?)</td>", row)
    # 2 visits; 1.250,00 € of final costs; 250,00 € (20,0 %) paid by others; 1 pending.
    assert cells[0] == "2"
    assert cells[1] == "1.250,00\u00a0€"
    assert cells[2] == "250,00\u00a0€ (20,0 %)"
    assert "1 visita" in cells[3]
    assert "9.999" not in page


def test_the_page_shows_who_where_why_what_came_of_it_and_the_final_costs(client):
    place = PlaceFactory(name_ca="Pamiers", country="FR")
    visit = VisitFactory(
        title_ca="Delegació de Pamiers", places=[place], direction=Visit.Direction.INCOMING,
        purpose_ca="Preparar l'aniversari", outcome_ca="<p>Un calendari d'intercanvis</p>",
    )  # fmt: skip
    ParticipantFactory(visit=visit, role=Participant.Role.ELECTED, name="Joana Exemple",
                       position_ca="Alcaldessa")  # fmt: skip
    ParticipantFactory(visit=visit, role=Participant.Role.STAFF, position_ca="Tècnic", count=2)
    GiftFactory(visit=visit, description_ca="Llibre", estimated_value=Decimal("35.00"))
    CostFactory(visit=visit, concept=Cost.Concept.LODGING, amount=Decimal("420.00"))
    path = url_in("ca", "visits:detail", slug=visit.slug_ca)
    page = client.get(path).content.decode()
    for text in (
        "Delegació de Pamiers",
        "Pamiers",
        "Preparar l'aniversari",
        "Un calendari d'intercanvis",
        "Joana Exemple",
        "Alcaldessa",
        "Tècnic",
        "2 persones",
        "Llibre",
        "35,00\u00a0€",
        "Els costos encara no són definitius",
    ):
        assert text in page, text
    assert "420,00" not in page
    _final(visit)
    page = client.get(path).content.decode()
    assert "Allotjament" in page and "420,00\u00a0€" in page
    data = structured_data(page)
    assert data["@type"] == "Event"
    assert data["startDate"] == visit.starts_on.isoformat()
    assert data["location"][0]["name"] == "Pamiers"


def test_a_missing_translation_shows_the_catalan_text_marked(client):
    visit = VisitFactory()
    ParticipantFactory(visit=visit, position_ca="Regidora", position_en="")
    page = client.get(url_in("en", "visits:detail", slug=visit.slug_en)).content.decode()
    assert '<span lang="ca">Regidora</span>' in page
    assert "only in Catalan" in page


def test_a_visit_that_has_not_ended_has_no_page_yet(client):
    visit = VisitFactory(starts_on=local_today(), ends_on=local_today())
    assert client.get(url_in("ca", "visits:detail", slug=visit.slug_ca)).status_code == 404


def test_a_place_page_lists_its_public_visits(client):
    place = PlaceFactory(slug_ca="pamiers")
    VisitFactory(places=[place], title_ca="Visita acabada")
    VisitFactory(places=[place], title_ca="Visita per fer", starts_on=local_today(),
                 ends_on=local_today())  # fmt: skip
    page = client.get("/ca/mon/pamiers/").content.decode()
    assert "Visita acabada" in page and "Visita per fer" not in page


def _content(n: int) -> dict:
    """n public visits of the same year and place; the first linked to n of everything."""
    places = [PlaceFactory() for _ in range(n)]
    objectives = [
        ObjectiveFactory(axis=AxisFactory(plan=PlanFactory(is_current=i == 0)))
        for i in range(min(n, 3))
    ]
    visits = [VisitFactory(places=places[:1]) for _ in range(n)]
    first = visits[0]
    first.places.add(*places)
    first.networks.add(*(NetworkFactory() for _ in range(min(n, 20))))
    first.agreements.add(*(AgreementFactory() for _ in range(min(n, 20))))
    first.events.add(*(EventFactory() for _ in range(min(n, 20))))
    first.objectives.add(*objectives)
    for visit in visits:
        ParticipantFactory(visit=visit)
        GiftFactory(visit=visit)
        CostFactory(visit=visit)
    for _ in range(n):
        ParticipantFactory(visit=first)
        GiftFactory(visit=first)
        CostFactory(visit=first, concept=Cost.Concept.OTHER)
    _final(first)
    return {"visit": first, "place": places[0]}


# chrome, years, countries, count, visits, their places, the totals
LIST_QUERIES = 7
# chrome, the visit (participants, gifts, final costs with it), places, networks, agreements,
# projects, events, objectives
DETAIL_QUERIES = 8


@pytest.mark.parametrize("count", [1, 200])
def test_the_list_and_the_page_make_as_many_queries_with_1_or_200_visits(
    client, count, django_assert_max_num_queries
):
    content = _content(count)
    with django_assert_max_num_queries(LIST_QUERIES):
        assert client.get("/ca/visites/").status_code == 200
    with django_assert_max_num_queries(LIST_QUERIES):
        assert client.get("/ca/visites/", {"country": "FR", "year": "2026"}).status_code in (
            200,
            404,
        )
    path = url_in("ca", "visits:detail", slug=content["visit"].slug_ca)
    with django_assert_max_num_queries(DETAIL_QUERIES):
        response = client.get(path)
    assert response.status_code == 200
    assert response.content.decode().count("<tr><td>") == count + 1  # its costs, all shown
