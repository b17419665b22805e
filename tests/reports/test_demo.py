"""The demo's report: loading the demo publishes last year's report, whose every figure equals
the hand count of the demo records each register's tests keep; the page, PDF and files show
those figures; editing the records afterwards changes none of them."""

import datetime

import pytest
from django.urls import reverse

from relacions.core.declaration import report_areas
from relacions.core.demo import load_demo_content
from relacions.news.models import NewsItem
from relacions.reports import figures
from relacions.reports.models import YearReport
from tests.agreements.test_report import DEMO_2025 as AGREEMENTS
from tests.events.test_report import DEMO_2025 as EVENTS
from tests.helpers import seed_programmes
from tests.mandate.test_report import DEMO_2025 as MANDATE
from tests.networks.test_report import DEMO_2025 as NETWORKS
from tests.news.test_report import DEMO_2025 as NEWS
from tests.projects.test_report import DEMO_2025 as PROJECTS
from tests.visits.test_report import DEMO_2025 as VISITS

from .conftest import values

pytestmark = pytest.mark.django_db

HAND_COUNT = {**NETWORKS, **AGREEMENTS, **PROJECTS, **EVENTS, **VISITS, **NEWS, **MANDATE}


@pytest.fixture
def demo_report(db):
    seed_programmes()
    load_demo_content(today=datetime.date(2026, 6, 15))
    return YearReport.objects.get(year=2025)


def test_every_figure_of_the_report_is_counted_by_hand():
    declared = {i.key for area in report_areas() for i in area.indicators}
    assert set(HAND_COUNT) == declared


def test_the_demo_report_is_published_with_the_hand_counted_figures(demo_report):
    edition = demo_report.editions.get()
    assert values(edition.figures) == {
        key: figures._stored(value) for key, value in HAND_COUNT.items()
    }
    # Loading the demo again changes nothing: no second edition.
    load_demo_content(today=datetime.date(2026, 6, 15))
    assert demo_report.editions.count() == 1


def test_the_page_shows_the_hand_counted_figures_and_keeps_them(client, demo_report):
    page = client.get(demo_report.get_absolute_url())
    shown = {
        figure.key: figure.value
        for area, _text in page.context["sections"]
        for figure in area.figures
    }
    assert shown == HAND_COUNT
    data = client.get(reverse("reports:json", kwargs={"year": 2025})).json()["items"]

    NewsItem.objects.filter(published_on__year=2025).delete()
    assert client.get(demo_report.get_absolute_url()).content == page.content
    assert client.get(reverse("reports:json", kwargs={"year": 2025})).json()["items"] == data
