"""Publishing freezes a report's figures: later edits of the records change nothing in it; an
Administrator may publish again (a new edition, the earlier one kept); only an Administrator
publishes, only a year that has ended."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from relacions.core.declaration import report_areas
from relacions.news.models import NewsItem
from relacions.reports import figures
from relacions.reports.models import Edition, YearReport
from relacions.reports.publishing import CannotPublish, publish
from tests.factories.reports import YearReportFactory
from tests.helpers import signed_in_client

from .conftest import YEAR, news_of, values

pytestmark = pytest.mark.django_db


def live_values(year: int = YEAR) -> dict:
    return {i.key: i.value(year) for area in report_areas() for i in area.indicators}


def test_publishing_freezes_the_figures_the_records_give(published_report):
    edition = published_report.editions.get()
    frozen = values(edition.figures)
    assert frozen == {key: figures._stored(value) for key, value in live_values().items()}
    # Every declared figure is there, with its label in each language.
    assert set(frozen) == {i.key for area in report_areas() for i in area.indicators}
    labels = [item["label"] for area in edition.figures["areas"] for item in area["indicators"]]
    assert all(set(label) == {"ca", "es", "en"} and all(label.values()) for label in labels)


def test_edits_after_publishing_change_nothing_in_the_report(client, published_report):
    before_page = client.get(published_report.get_absolute_url()).content
    before_json = client.get(reverse("reports:json", kwargs={"year": YEAR})).json()["items"]
    live_before = live_values()

    news_of(YEAR, 3)  # three more news items of the year
    NewsItem.objects.filter(published_on__year=YEAR).first().delete()
    assert live_values() != live_before  # the records now give other figures...

    # ... but the published report shows what it published.
    assert client.get(published_report.get_absolute_url()).content == before_page
    assert client.get(reverse("reports:json", kwargs={"year": YEAR})).json()["items"] == before_json


def test_publishing_again_makes_a_new_edition_and_keeps_the_earlier_one(client, published_report):
    first = values(published_report.editions.get().figures)
    news_of(YEAR, 3)
    with pytest.raises(CannotPublish):  # a second edition says why
        publish(published_report)
    second = publish(published_report, reason={"ca": "Notícies afegides", "en": "News added"})

    assert second.number == 2
    assert values(second.figures) != first
    assert list(published_report.editions.values_list("number", flat=True)) == [2, 1]
    # The page shows the new figures and lists the earlier edition, which keeps its own address
    # with its own figures.
    page = client.get(published_report.get_absolute_url()).content.decode()
    assert "News added" not in page  # the page is in Catalan
    assert "Notícies afegides" in page
    earlier = reverse("reports:edition", kwargs={"year": YEAR, "edition": 1})
    assert f'href="{earlier}"' in page
    response = client.get(earlier)
    assert response.status_code == 200
    assert response.context["edition"].number == 1
    assert values(response.context["edition"].figures) == first
    # The current edition has one address.
    current = reverse("reports:edition", kwargs={"year": YEAR, "edition": 2})
    assert client.get(current)["Location"] == published_report.get_absolute_url()


def test_a_year_that_has_not_ended_cannot_be_published(db):
    report = YearReportFactory(year=timezone.localdate().year)
    with pytest.raises(CannotPublish, match=str(report.year)):
        publish(report)
    assert not Edition.objects.exists()


def test_a_report_for_a_year_to_come_is_refused(db):
    report = YearReport(year=timezone.localdate().year + 1)
    with translation.override("ca"):
        with pytest.raises(ValidationError) as error:
            report.full_clean()
        assert "Una memòria no pot ser d'un any que encara no ha arribat." in str(error.value)


def test_earlier_years_come_from_their_published_reports(db):
    news_of(YEAR - 1, 2)
    earlier = publish(YearReportFactory(year=YEAR - 1))
    news_of(YEAR - 1, 5)  # after the 2024 report was published
    edition = publish(YearReportFactory(year=YEAR))

    # The 2025 report compares with 2024 as the 2024 report published it, not as it is now.
    assert values(edition.figures, YEAR - 1) == values(earlier.figures, YEAR - 1)
    assert values(edition.figures, YEAR - 1) != {
        key: figures._stored(value) for key, value in live_values(YEAR - 1).items()
    }
    assert edition.figures["from_reports"] == [YEAR - 1]
    assert edition.figures["years"] == [YEAR - 4, YEAR - 3, YEAR - 2, YEAR - 1, YEAR]


def test_only_an_administrator_publishes_even_with_a_forged_post(editor_client, administrator):
    report = YearReportFactory(year=YEAR)
    url = reverse("admin:reports_yearreport_figures", args=[report.pk])
    # An Editor sees the figures and the check, not the form...
    page = editor_client.get(url, HTTP_ACCEPT_LANGUAGE="ca")
    assert page.status_code == 200
    assert "Només un administrador pot publicar la memòria." in page.content.decode()
    # ... and a forged POST publishes nothing.
    assert editor_client.post(url, {"reason_ca": "x"}).status_code == 403
    assert not Edition.objects.exists()

    admin_client = signed_in_client(administrator)
    response = admin_client.post(url, {})
    assert response.status_code == 302
    assert report.editions.get().published_by == administrator
    # A second edition needs a reason: the form says so and publishes nothing.
    response = admin_client.post(url, {}, HTTP_ACCEPT_LANGUAGE="ca")
    assert response.status_code == 200
    assert "Aquest camp és obligatori." in response.content.decode()
    assert report.editions.count() == 1


def test_the_admin_page_shows_what_changed_since_publishing(published_report, administrator):
    news_of(YEAR, 1)
    url = reverse("admin:reports_yearreport_figures", args=[published_report.pk])
    page = signed_in_client(administrator).get(url, HTTP_ACCEPT_LANGUAGE="ca").content.decode()
    assert "Canviat des de la publicació" in page


def test_a_clipping_is_dated_in_its_report_s_year(db):
    from relacions.reports.models import Clipping

    report = YearReportFactory(year=YEAR)
    clipping = Clipping(
        report=report, outlet="Diari", published_on=datetime.date(YEAR + 1, 1, 2), title="T"
    )
    with translation.override("es"):
        with pytest.raises(ValidationError) as error:
            clipping.full_clean()
        assert "El recorte debe tener fecha del año de la memoria." in str(error.value)


def test_a_published_report_keeps_its_year_and_cannot_be_deleted(published_report, administrator):
    client = signed_in_client(administrator)
    change = reverse("admin:reports_yearreport_change", args=[published_report.pk])
    form = client.get(change).context["adminform"].form
    assert "year" not in form.fields
    delete = reverse("admin:reports_yearreport_delete", args=[published_report.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert YearReport.objects.filter(pk=published_report.pk).exists()
