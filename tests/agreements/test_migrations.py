"""The twin cities move from the networks to the agreements (agreements 0002), on the demo
content as the networks' demo stored it before the move, and move back."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

# In the test's transaction (PostgreSQL's DDL is transactional): rolled back with it.
pytestmark = pytest.mark.django_db

BEFORE = [("agreements", "0001_initial")]
AFTER = [("agreements", "0002_twin_cities_from_networks")]

# As relacions/networks/demo.py stored them before the move: name, slug, headquarters.
TWIN_CITIES = [
    (
        {"ca": "Pamiers", "es": "Pamiers", "en": "Pamiers"},
        {"ca": "pamiers", "es": "pamiers", "en": "pamiers"},
        {"ca": "França", "es": "Francia", "en": "France"},
    ),
    (
        {"ca": "Granada (Nicaragua)", "es": "Granada (Nicaragua)", "en": "Granada (Nicaragua)"},
        {"ca": "granada-nicaragua", "es": "granada-nicaragua", "en": "granada-nicaragua"},
        {"ca": "Nicaragua", "es": "Nicaragua", "en": "Nicaragua"},
    ),
    (
        {"ca": "Tetuan", "es": "Tetuán", "en": "Tetouan"},
        {"ca": "tetuan", "es": "tetuan", "en": "tetouan"},
        {"ca": "Marroc", "es": "Marruecos", "en": "Morocco"},
    ),
    (
        {"ca": "Tecoluca", "es": "Tecoluca", "en": "Tecoluca"},
        {"ca": "tecoluca", "es": "tecoluca", "en": "tecoluca"},
        {"ca": "El Salvador", "es": "El Salvador", "en": "El Salvador"},
    ),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _translated(field, values):
    return {f"{field}_{language}": value for language, value in values.items()} | {
        field: values["ca"]
    }


def _old_demo(apps):
    Network = apps.get_model("networks", "Network")
    NewsItem = apps.get_model("news", "NewsItem")
    eurocities = Network.objects.create(
        kind="city-network",
        status="published",
        **_translated("name", {"ca": "EUROCITIES", "es": "EUROCITIES", "en": "EUROCITIES"}),
        **_translated("slug", {"ca": "eurocities", "es": "eurocities", "en": "eurocities"}),
    )
    for names, slugs, country in TWIN_CITIES:
        network = Network.objects.create(
            kind="twinning",
            status="published",
            **_translated("name", names),
            **_translated("slug", slugs),
            **_translated("headquarters", country),
            **_translated(
                "description", {k: f"<p>{v} és agermanada.</p>" for k, v in names.items()}
            ),
        )
        network.memberships.create(
            category="partner", status="active", since=datetime.date(1990, 1, 1)
        )
    item = NewsItem.objects.create(
        status="published",
        published_on=datetime.date(2024, 5, 1),
        **_translated("title", {"ca": "Visita de Pamiers", "es": "Visita", "en": "Visit"}),
        **_translated("slug", {"ca": "visita-pamiers", "es": "visita", "en": "visit"}),
    )
    item.networks.set([Network.objects.get(slug_ca="pamiers"), eurocities])
    return item


def test_twin_cities_become_places_and_agreements_with_redirects_and_move_back():
    apps = migrate(BEFORE)
    item = _old_demo(apps)

    apps = migrate(AFTER)
    Network = apps.get_model("networks", "Network")
    Agreement = apps.get_model("agreements", "Agreement")
    Redirect = apps.get_model("redirects", "Redirect")
    assert list(Network.objects.values_list("slug_ca", flat=True)) == ["eurocities"]
    agreements = Agreement.objects.order_by("slug_ca")
    assert [a.slug_ca for a in agreements] == ["granada-nicaragua", "pamiers", "tecoluca", "tetuan"]
    assert {a.kind for a in agreements} == {"twinning"}
    pamiers = Agreement.objects.get(slug_ca="pamiers")
    assert (pamiers.title_ca, pamiers.title_es, pamiers.title_en) == (
        "Agermanament amb Pamiers",
        "Hermanamiento con Pamiers",
        "Twinning with Pamiers",
    )
    assert pamiers.signed_on == datetime.date(1990, 1, 1)
    assert pamiers.agreement_status == "active" and pamiers.status == "published"
    assert list(pamiers.news_items.values_list("pk", flat=True)) == [item.pk]
    partner = pamiers.partners.get()
    assert partner.organisation_ca == "Ajuntament de Pamiers"
    assert (partner.place.name_en, partner.place.country) == ("Pamiers", "FR")
    granada = Agreement.objects.get(slug_ca="granada-nicaragua").partners.get().place
    assert (granada.name_ca, granada.country) == ("Granada", "NI")
    tetouan = Agreement.objects.get(slug_ca="tetuan").partners.get().place
    assert (tetouan.name_ca, tetouan.name_es, tetouan.name_en, tetouan.country) == (
        "Tetuan",
        "Tetuán",
        "Tetouan",
        "MA",
    )
    redirects = dict(Redirect.objects.values_list("old_path", "new_path"))
    assert redirects["/ca/xarxes/pamiers/"] == "/ca/acords/pamiers/"
    assert redirects["/es/redes/pamiers/"] == "/es/acuerdos/pamiers/"
    assert redirects["/en/networks/tetouan/"] == "/en/agreements/tetouan/"
    assert all(r.kind == 301 for r in Redirect.objects.all())

    apps = migrate(BEFORE)
    Network = apps.get_model("networks", "Network")
    assert not apps.get_model("agreements", "Agreement").objects.exists()
    # Models outside the state of agreements 0001 (their tables are as they are now).
    from relacions.places.models import Place
    from relacions.redirects.models import Redirect

    assert not Redirect.objects.exists()
    assert not Place.objects.exists()
    twins = Network.objects.filter(kind="twinning").order_by("slug_ca")
    assert [(n.name_ca, n.name_es, n.headquarters_en) for n in twins] == [
        ("Granada (Nicaragua)", "Granada (Nicaragua)", "Nicaragua"),
        ("Pamiers", "Pamiers", "France"),
        ("Tecoluca", "Tecoluca", "El Salvador"),
        ("Tetuan", "Tetuán", "Morocco"),
    ]
    pamiers = Network.objects.get(slug_ca="pamiers")
    membership = pamiers.memberships.get()
    assert (membership.category, membership.status, membership.since) == (
        "partner",
        "active",
        datetime.date(1990, 1, 1),
    )
    assert list(pamiers.news_items.values_list("pk", flat=True)) == [item.pk]
    migrate(AFTER)
