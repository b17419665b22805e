"""The admin's check before publishing lists the records of the year that the figures count and
that lack a translation (or a field a figure needs), and the report's own text missing a
language; records of other years are not listed."""

import pytest
from django.urls import reverse

from tests.factories.reports import AreaTextFactory, YearReportFactory
from tests.helpers import signed_in_client

from .conftest import YEAR, news_of

pytestmark = pytest.mark.django_db


def test_the_check_lists_what_the_records_and_the_narrative_lack(editor):
    untranslated = news_of(YEAR, title_en="", title_ca="Notícia sense anglès")[0]
    news_of(YEAR - 1, title_en="", title_ca="Notícia d'un altre any")
    news_of(YEAR, title_ca="Notícia completa")
    report = YearReportFactory(year=YEAR, highlights_es="")
    AreaTextFactory(report=report, area="news", text_en="")

    url = reverse("admin:reports_yearreport_figures", args=[report.pk])
    page = signed_in_client(editor).get(url, HTTP_ACCEPT_LANGUAGE="ca").content.decode()

    check = page[page.index("Què necessita la memòria dels registres") :]
    assert "Notícia sense anglès" in check
    assert reverse("admin:news_newsitem_change", args=[untranslated.pk]) in check
    assert "Traducció absent o desfasada: Anglès" in check
    assert "Notícia d'un altre any" not in check
    assert "Notícia completa" not in check
    assert "fets destacats (Castellà)" in check
    assert "El text sobre Notícies (Anglès)" in check


def test_the_admin_home_reminds_of_last_year_s_report(editor):
    from django.utils import timezone

    year = timezone.localdate().year - 1
    client = signed_in_client(editor)
    home = client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="ca").content.decode()
    assert f"La memòria de {year}" in home
    assert f"{reverse('admin:reports_yearreport_add')}?year={year}" in home

    report = YearReportFactory(year=year)
    home = client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="ca").content.decode()
    assert reverse("admin:reports_yearreport_figures", args=[report.pk]) in home
    assert "Encara no s&#x27;ha publicat." in home
