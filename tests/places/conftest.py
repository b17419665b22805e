"""The places' fixtures: a small world with one place per layer, and the page cache turned on
as the operations tests have it (tests/perf)."""

import datetime
from decimal import Decimal

import pytest

from tests.factories.agreements import AgreementFactory, PartnerFactory
from tests.factories.events import EventFactory
from tests.factories.networks import NetworkFactory
from tests.factories.news import NewsItemFactory
from tests.factories.places import PlaceFactory
from tests.factories.projects import ProjectFactory, ProjectPartnerFactory
from tests.perf.conftest import page_cache  # noqa: F401  (fixture)


@pytest.fixture
def world(site_settings):
    """One place per layer, and one tied by two layers (Pamiers: a twinning and a project)."""
    pamiers = PlaceFactory(
        name_ca="Pamiers", name_es="Pamiers", name_en="Pamiers", slug_ca="pamiers",
        slug_es="pamiers", slug_en="pamiers", country="FR",
        latitude=Decimal("43.1167"), longitude=Decimal("1.6108"),
    )  # fmt: skip
    brussels = PlaceFactory(
        name_ca="Brussel·les", name_es="Bruselas", name_en="Brussels", country="BE",
        latitude=Decimal("50.8503"), longitude=Decimal("4.3517"),
    )  # fmt: skip
    granada = PlaceFactory(
        name_ca="Granada", name_es="Granada", name_en="Granada", country="NI",
        latitude=Decimal("11.93"), longitude=Decimal("-85.95"),
    )  # fmt: skip
    leeds = PlaceFactory(
        name_ca="Leeds", name_es="Leeds", name_en="Leeds", country="GB",
        latitude=Decimal("53.8"), longitude=Decimal("-1.55"),
    )  # fmt: skip
    nowhere = PlaceFactory(name_ca="Sense coordenades", latitude=None, longitude=None)
    twinning = AgreementFactory(
        title_ca="Agermanament amb Pamiers", kind="twinning", signed_on=datetime.date(1990, 5, 1)
    )
    PartnerFactory(agreement=twinning, place=pamiers)
    PartnerFactory(agreement=AgreementFactory(title_ca="Agermanament amb Granada"), place=granada)
    PartnerFactory(
        agreement=AgreementFactory(title_ca="Acord esborrany", status="draft"), place=leeds
    )
    PartnerFactory(agreement=AgreementFactory(title_ca="Acord sense lloc"), place=nowhere)
    network = NetworkFactory(name_ca="EUROCITIES", seat=brussels)
    event = EventFactory(title_ca="Fòrum a Leeds", location=leeds)
    project = ProjectFactory(
        acronym="TWIN35", title_ca="Trobada", starts_on=datetime.date(2025, 4, 1)
    )
    ProjectPartnerFactory(project=project, place=pamiers)
    news = NewsItemFactory(title_ca="Notícia de Pamiers", published_on=datetime.date(2024, 2, 1))
    news.agreements.add(twinning)
    return {
        "pamiers": pamiers, "brussels": brussels, "granada": granada, "leeds": leeds,
        "nowhere": nowhere, "twinning": twinning, "network": network, "event": event,
        "project": project, "news": news,
    }  # fmt: skip
