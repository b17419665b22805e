"""The projects' open data: the projects, their partners and the yearly totals, published
projects only, with figures that equal a hand count of the records."""

import csv
import datetime
import io
import json
from decimal import Decimal

import pytest

from relacions.core.demo import load_apps
from tests.factories.projects import ProjectFactory, ProjectPartnerFactory
from tests.fixtures.site import HIDDEN, hidden_titles, ways_of_hiding
from tests.helpers import LANGUAGES, address, seed_programmes

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_settings")]

DATASETS = ("projects", "project-partners", "project-totals")


def download(client, dataset: str, language: str = "ca") -> list[dict]:
    response = client.get(address("opendata:json", language, dataset=dataset))
    assert response.status_code == 200
    return json.loads(response.content)["items"]


def download_csv(client, dataset: str, language: str = "ca") -> list[list[str]]:
    response = client.get(address("opendata:csv", language, dataset=dataset))
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode()[1:])))


def test_the_yearly_totals_equal_a_hand_count_of_the_demo_projects(client):
    seed_programmes()
    load_apps("places", "mandate", "networks", "events", "news", "agreements", "projects")

    totals = {row["year"]: row for row in download(client, "project-totals")}

    # relacions/projects/demo.yaml, counted by hand: one project starts in each of these years.
    assert sorted(totals) == [2018, 2019, 2022, 2023, 2024, 2025, 2027]
    assert {year: row["projects"] for year, row in totals.items()} == dict.fromkeys(totals, 1)
    assert totals[2018]["city_eu_contribution"] == "120000.00"  # IA4END
    assert totals[2019]["city_eu_contribution"] == "48000.00"  # LOOK WIDE
    assert totals[2024]["eu_contribution"] == "250000.00"  # the Erasmus+ example
    assert totals[2027]["city_budget"] is None  # the Horizon proposal has no city figures
    all_city_eu = sum(Decimal(row["city_eu_contribution"] or 0) for row in totals.values())
    assert all_city_eu == Decimal("120000") + 48000 + 68000 + 110000 + 152000 + 30000


def test_a_hidden_project_changes_no_file(client):
    shown = ProjectFactory(city_eu_contribution=Decimal("1000.00"), city_budget=Decimal("2000"))
    ProjectPartnerFactory(project=shown, organisation="Shown partner")
    for hiding in ways_of_hiding():
        hidden = ProjectFactory(
            **hiding,
            **hidden_titles(),
            acronym=HIDDEN,
            starts_on=shown.starts_on,
            total_cost=Decimal("999999.00"),
            eu_contribution=Decimal("999999.00"),
            city_eu_contribution=Decimal("999999.00"),
            city_budget=Decimal("999999.00"),
        )
        ProjectPartnerFactory(project=hidden, organisation=HIDDEN)

    for language in LANGUAGES:
        for dataset in DATASETS:
            text = json.dumps(download(client, dataset, language), ensure_ascii=False)
            assert HIDDEN not in text and "999999" not in text, dataset
            assert HIDDEN not in str(download_csv(client, dataset, language))
    (year,) = download(client, "project-totals")
    assert (year["projects"], year["city_eu_contribution"]) == (1, "1000.00")
    assert [row["organisation"] for row in download(client, "project-partners")] == [
        "Shown partner"
    ]


def test_the_projects_file_carries_the_money_and_the_computed_rates(client):
    project = ProjectFactory(
        total_cost=Decimal("200000"),
        eu_contribution=Decimal("150000"),
        city_budget=Decimal("40000"),
        city_eu_contribution=Decimal("30000"),
        starts_on=datetime.date(2023, 2, 1),
    )
    ProjectPartnerFactory(project=project, place__country="FR")

    (item,) = download(client, "projects", "en")

    assert item["acronym"] == project.acronym
    assert item["co_financing_rate"] == "75.00"
    assert item["city_co_financing_rate"] == "75.00"
    assert item["countries"] == ["FR"]
    assert item["starts_on"] == "2023-02-01"
    assert item["url"] == "http://testserver" + address(
        "projects:detail", "en", slug=project.slug_en
    )
    header, row = download_csv(client, "projects", "es")
    assert "Coste total (EUR)" in header and row[header.index("Siglas")] == project.acronym


@pytest.mark.parametrize("count", [1, 50])
def test_the_files_keep_their_queries_whatever_the_number_of_projects(
    client, count, django_assert_max_num_queries
):
    for _n in range(count):
        ProjectPartnerFactory(project=ProjectFactory())
    for dataset in DATASETS:
        for name in ("opendata:json", "opendata:csv"):
            with django_assert_max_num_queries(8):
                assert client.get(address(name, dataset=dataset)).status_code == 200
