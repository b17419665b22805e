"""Drafts, visits that have not ended and costs that are not final never appear on any public
page, feed, search result, place page, objective page, the world map or an open-data file, in
any language; the public visit and its final costs do (so the checks below are not passing on
empty pages)."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from relacions.visits.models import Cost, Visit, local_today
from tests.factories import AxisFactory, ObjectiveFactory, PlanFactory
from tests.factories.places import PlaceFactory
from tests.factories.visits import CostFactory, GiftFactory, VisitFactory, days_ago
from tests.helpers import LANGUAGES

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_settings")]

HIDDEN = "HIDDEN"
# Amounts that appear nowhere else: costs that are not public.
UNPUBLISHED_COST = Decimal("4242.42")
PUBLIC_COST = Decimal("1313.13")
WORD = "zanzibarian"  # in every visit's purpose, so one search finds them all


def _text(field: str, label: str) -> dict:
    return {f"{field}_{lang}": f"{label} {lang} {WORD}" for lang in LANGUAGES}


def _ways_of_hiding() -> list[dict]:
    now = timezone.now()
    return [
        {"status": "draft"},
        {"starts_on": days_ago(1), "ends_on": local_today()},  # ends today
        {"starts_on": local_today(), "ends_on": days_ago(-2)},  # going on
        {"starts_on": days_ago(-30), "ends_on": days_ago(-32)},  # to come
        {"publish_at": now + datetime.timedelta(days=1)},
        {"unpublish_at": now - datetime.timedelta(minutes=1)},
    ]


@pytest.fixture
def visits():
    place = PlaceFactory()
    objective = ObjectiveFactory(axis=AxisFactory(plan=PlanFactory(is_current=True)))
    public = VisitFactory(places=[place], **_text("title", "PUBLICVISIT"), **_text("purpose", "p"))
    public.objectives.add(objective)
    CostFactory(visit=public, amount=PUBLIC_COST, paid_by=Cost.Payer.EU_PROJECT)
    Visit.objects.filter(pk=public.pk).update(costs_final=True, costs_final_on=local_today())
    # Public, but its costs are not final: the visit shows, its costs never do.
    pending = VisitFactory(places=[place], **_text("title", "PENDINGVISIT"))
    pending.objectives.add(objective)
    CostFactory(visit=pending, amount=UNPUBLISHED_COST)
    GiftFactory(visit=pending)
    hidden = []
    for hiding in _ways_of_hiding():
        visit = VisitFactory(
            places=[place], **hiding, **_text("title", HIDDEN), **_text("purpose", HIDDEN),
            **{f"slug_{lang}": f"hidden-{len(hidden)}-{lang}" for lang in LANGUAGES},
        )  # fmt: skip
        visit.objectives.add(objective)
        CostFactory(visit=visit, amount=UNPUBLISHED_COST)
        hidden.append(visit)
    # Costs marked final on a visit that is not public: still hidden.
    Visit.objects.filter(pk=hidden[0].pk).update(costs_final=True, costs_final_on=local_today())
    return {"public": public, "pending": pending, "hidden": hidden, "place": place,
            "objective": objective}  # fmt: skip


def _pages(language: str, visits: dict) -> list[str]:
    with translation.override(language):
        return [
            reverse("visits:list"),
            reverse("visits:list") + f"?year={local_today().year}",
            reverse("visits:list") + f"?country={visits['place'].country.code}",
            visits["public"].get_absolute_url(),
            visits["pending"].get_absolute_url(),
            visits["place"].get_absolute_url(),
            visits["objective"].get_absolute_url(),
            reverse("search:results") + f"?q={WORD}",
            reverse("opendata:json", kwargs={"dataset": "visits"}),
            reverse("opendata:csv", kwargs={"dataset": "visits"}),
            reverse("opendata:json", kwargs={"dataset": "visit-costs"}),
            reverse("opendata:csv", kwargs={"dataset": "visit-costs"}),
            reverse("news:rss"),
            reverse("news:atom"),
            reverse("events:ical"),
            # The world map, its GeoJSON and its table as open data.
            reverse("places:world"),
            reverse("places:geojson"),
            reverse("opendata:csv", kwargs={"dataset": "world"}),
        ]


def _amounts(value: Decimal) -> list[str]:
    """The ways an amount can be written: 4242.42, 4.242,42, 4,242.42."""
    plain = f"{value:.2f}"
    whole, cents = plain.split(".")
    grouped = f"{int(whole):,}"
    return [plain, f"{grouped.replace(',', '.')},{cents}", f"{grouped},{cents}"]


def test_nothing_hidden_and_no_unpublished_cost_appears_anywhere(client, visits):
    for language in LANGUAGES:
        for path in _pages(language, visits):
            response = client.get(path)
            assert response.status_code == 200, path
            body = response.content.decode()
            assert HIDDEN not in body, path
            for written in _amounts(UNPUBLISHED_COST):
                assert written not in body, (path, written)


def test_the_public_visit_and_its_final_costs_are_there(client, visits):
    for language in LANGUAGES:
        pages = _pages(language, visits)
        # The lists, its page, the place, the objective and the search.
        for path in (*pages[:4], *pages[5:8]):
            assert "PUBLICVISIT" in client.get(path).content.decode(), path
        for path in pages[8:12]:  # the four open-data files
            body = client.get(path).content.decode()
            assert "PUBLICVISIT" in body or str(visits["public"].pk) in body, path
            assert any(written in body for written in _amounts(PUBLIC_COST)), path
        # The visit whose costs are pending is public (its costs are not).
        assert "PENDINGVISIT" in client.get(pages[4]).content.decode()
        # The map, its GeoJSON and its table show the public visits too.
        for path in pages[-3:]:
            body = client.get(path).content.decode()
            assert "PUBLICVISIT" in body and "PENDINGVISIT" in body, path


def test_hidden_visits_have_no_page(client, visits):
    for visit in visits["hidden"]:
        for language in LANGUAGES:
            with translation.override(language):
                path = visit.get_absolute_url()
            assert client.get(path).status_code == 404, path


def test_the_sitemap_holds_only_public_visits(client, visits):
    body = client.get("/sitemap.xml").content.decode()
    assert visits["public"].slug_ca in body and visits["pending"].slug_ca in body
    assert not any(visit.slug_ca in body for visit in visits["hidden"])


def test_the_search_index_holds_only_public_visits(client, visits):
    from relacions.search.models import SearchEntry

    public = SearchEntry.objects.visible()
    titles = set(public.filter(title__contains="VISIT").values_list("title", flat=True))
    assert {"PUBLICVISIT ca zanzibarian", "PENDINGVISIT ca zanzibarian"} <= titles
    assert not public.filter(title__contains=HIDDEN).exists()
