"""The public pages of the yearly reports: only published ones, the same few queries whatever
the amount of content, the figures as JSON and CSV, hostile addresses answered 404."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from relacions.reports.models import Edition
from relacions.reports.publishing import publish
from tests.factories.reports import AreaTextFactory, ClippingFactory, YearReportFactory

from .conftest import YEAR, values

pytestmark = pytest.mark.django_db


def test_an_unpublished_report_is_nowhere(client):
    report = YearReportFactory(year=YEAR, introduction_ca="<p>HIDDEN</p>")
    for name in ("detail", "pdf", "json", "csv"):
        assert client.get(reverse(f"reports:{name}", kwargs={"year": YEAR})).status_code == 404
    listing = client.get(reverse("reports:list"))
    assert str(YEAR) not in listing.content.decode()
    assert list(listing.context["reports"]) == []
    assert report.get_absolute_url() not in client.get("/sitemap.xml").content.decode()
    # The open data has no row of it.
    data = client.get(reverse("opendata:json", kwargs={"dataset": "annual-report"})).json()
    assert data["items"] == []


def test_the_report_page_in_each_language(client, published_report):
    AreaTextFactory(report=published_report, area="news", text_es="", text_en="")
    for language, path, heading in (
        ("ca", f"/ca/memoria/{YEAR}/", f"Memòria {YEAR}"),
        ("es", f"/es/memoria/{YEAR}/", f"Memoria {YEAR}"),
        ("en", f"/en/annual-report/{YEAR}/", f"Yearly report {YEAR}"),
    ):
        with translation.override(language):
            assert published_report.get_absolute_url() == path
        response = client.get(path)
        page = response.content.decode()
        assert response.status_code == 200
        assert f"<h1>{heading}</h1>" in page
        # Every figure, with the link to the records it counts.
        for area, _text in response.context["sections"]:
            for figure in area.figures:
                assert escape(figure.label) in page
                if figure.url:
                    assert f'href="{figure.url}"' in page
        # The area's text only in Catalan is shown, marked as Catalan.
        if language != "ca":
            assert '<div class="prose" lang="ca"><p>On the area' in page
        assert "Terrassa a Brussel·les" in page


def test_the_figures_as_json_and_csv(client, published_report):
    edition = published_report.editions.get()
    data = client.get(f"/en/annual-report/{YEAR}/figures.json").json()
    assert data["year"] == YEAR
    assert data["licence"]["name"] == "CC BY 4.0"
    frozen = values(edition.figures)
    # Amounts as exact decimal strings ("30000.00"), counts as numbers.
    assert {item["indicator"]: item["value"] for item in data["items"]} == frozen
    csv = client.get(f"/ca/memoria/{YEAR}/figures.csv")
    assert csv["Content-Type"].startswith("text/csv")
    lines = csv.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Any,Àmbit,Indicador")
    assert len(lines) == 1 + len(frozen)


@pytest.mark.parametrize(
    "path",
    [
        f"/ca/memoria/{YEAR + 50}/",
        "/ca/memoria/99999999999999999999/",
        f"/ca/memoria/{YEAR}/0/",
        f"/ca/memoria/{YEAR}/7/",
        f"/ca/memoria/{YEAR}/99999999999/",
        "/ca/memoria/99999999999999999999/pdf/",
        "/ca/memoria/99999999999999999999/figures.csv",
    ],
)
def test_hostile_addresses_answer_404(client, published_report, path):
    assert client.get(path).status_code == 404


def _publish_many(n: int):
    """n published reports (their editions copy one computed snapshot: computing each would only
    slow the test), the last one with n clippings, up to three area texts and n + 1 editions."""
    report = YearReportFactory(year=YEAR)
    snapshot = publish(report).figures
    for i in range(1, n + 1):
        if i < n:
            Edition.objects.create(
                report=YearReportFactory(year=YEAR - i),
                number=1,
                computed_at=datetime.datetime.now(datetime.UTC),
                figures={**snapshot, "year": YEAR - i},
            )
        Edition.objects.create(
            report=report,
            number=i + 1,
            computed_at=datetime.datetime.now(datetime.UTC),
            figures=snapshot,
            reason_ca=f"Raó {i}",
        )
        ClippingFactory(report=report)
    for area in ("networks", "projects", "news")[: min(n, 3)]:
        AreaTextFactory(report=report, area=area)
    return report


# The chrome (site settings, the menu's pages: 2), then: the list's reports with their editions'
# count and date (1); the report (1), its editions (1), its texts on the areas (1), its press
# review (1). The files: the report (1), its latest edition (1).
QUERIES = {"list": 3, "detail": 6, "edition": 6, "json": 2, "csv": 2}


@pytest.mark.parametrize("count", [1, 50])
@pytest.mark.parametrize("name", QUERIES)
def test_queries_do_not_grow_with_content(client, django_assert_max_num_queries, count, name):
    report = _publish_many(count)
    urls = {
        "list": reverse("reports:list"),
        "detail": report.get_absolute_url(),
        "edition": reverse("reports:edition", kwargs={"year": YEAR, "edition": 1}),
        "json": reverse("reports:json", kwargs={"year": YEAR}),
        "csv": reverse("reports:csv", kwargs={"year": YEAR}),
    }
    with django_assert_max_num_queries(QUERIES[name]):
        response = client.get(urls[name])
    assert response.status_code == 200
