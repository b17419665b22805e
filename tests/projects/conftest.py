import datetime
from decimal import Decimal

import pytest
from django.utils import translation

from relacions.projects.models import Programme
from tests.factories.places import PlaceFactory
from tests.factories.projects import (
    ProgrammeFactory,
    ProjectFactory,
    ProjectPartnerFactory,
    ResultFactory,
    ThemeFactory,
)
from tests.helpers import seed_programmes


def programme(name: str) -> Programme:
    """A programme of the seeded code list, by its English name."""
    seed_programmes()
    return Programme.objects.get(name_en=name)


def path_in(language: str, obj) -> str:
    with translation.override(language):
        return obj.get_absolute_url()


@pytest.fixture
def ia4end(db):
    """An EU-funded project with everything its page shows (figures invented for the tests)."""
    project = ProjectFactory(
        acronym="IA4END",
        title_ca="Intel·ligència artificial per a la inclusió",
        title_es="Inteligencia artificial para la inclusión",
        title_en="Artificial intelligence for inclusion",
        slug_ca="ia4end",
        slug_es="ia4end",
        slug_en="ia4end",
        programme=programme("Daphne"),
        call_identifier="CERV-2024-DAPHNE",
        grant_agreement_number="101234567",
        city_role="coordinator",
        project_status="2",
        starts_on=datetime.date(2024, 1, 1),
        ends_on=datetime.date(2025, 12, 31),
        total_cost=Decimal("1234567.89"),
        eu_contribution=Decimal("987654.31"),
        city_budget=Decimal("200000.00"),
        city_eu_contribution=Decimal("160000.00"),
        website="https://ia4end.example.org/",
    )
    place = PlaceFactory(name_ca="Lió", name_es="Lyon", name_en="Lyon", country="FR")
    ProjectPartnerFactory(project=project, organisation="Métropole de Lyon", place=place)
    ResultFactory(project=project, title_ca="Guia de bones pràctiques", date=None)
    project.themes.add(ThemeFactory(name_ca="Inclusió social"))
    return project


@pytest.fixture
def non_eu_programme(db):
    return ProgrammeFactory(name_ca="Cooperació municipal", eu_funded=False)
