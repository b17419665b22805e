"""A report's body is a fragment (reports.fragments.BODY), kept in the cache while nothing it
shows changed: the office's texts, the press review and the editions; never after. Its figures
are an edition's, frozen when it is published, so other content never changes it."""

import pytest

from relacions.reports.publishing import publish
from tests.factories.reports import AreaTextFactory, ClippingFactory
from tests.helpers import visit

from .conftest import YEAR, news_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragment_cache", "site_settings")]


def page(client, report, language="ca") -> str:
    segment = "annual-report" if language == "en" else "memoria"
    return visit(client, f"/{language}/{segment}/{YEAR}/")[0]


def test_the_body_is_read_from_the_cache(client, published_report, monkeypatch):
    first = page(client, published_report)
    from relacions.reports import fragments

    def never(*args, **kwargs):
        raise AssertionError("rendered again")

    monkeypatch.setattr(fragments, "render_to_string", never)
    assert page(client, published_report) == first
    # More news of the year: the published figures are frozen, the body with them.
    news_of(YEAR, 3)
    assert page(client, published_report) == first


def test_the_body_follows_what_it_shows(client, published_report):
    before = page(client, published_report)
    text = AreaTextFactory(
        report=published_report, area="news", text_ca="<p>Un any de notícies</p>"
    )
    assert "Un any de notícies" in page(client, published_report)
    text.text_ca = "<p>Un any ple de notícies</p>"
    text.save()
    assert "Un any ple de notícies" in page(client, published_report)
    clipping = ClippingFactory(report=published_report, title="Terrassa a Leeds")
    assert "Terrassa a Leeds" in page(client, published_report)
    clipping.title = "Terrassa, a Leeds"
    clipping.save()
    assert "Terrassa, a Leeds" in page(client, published_report)
    clipping.delete()
    assert "Terrassa, a Leeds" not in page(client, published_report)
    published_report.highlights_ca = "<p>Tres agermanaments nous</p>"
    published_report.save()
    assert "Tres agermanaments nous" in page(client, published_report)
    assert page(client, published_report) != before


def test_a_new_edition_gives_new_figures_and_lists_the_earlier_one(client, published_report):
    first = page(client, published_report)
    assert "Edició 2" not in first
    news_of(YEAR, 4)
    publish(published_report, reason={"ca": "S'hi han afegit quatre notícies"})
    again = page(client, published_report)
    assert "Edició 2" in again and "S&#x27;hi han afegit quatre notícies" in again
    # The first edition, at its own address, says it is an earlier one.
    earlier = visit(client, f"/ca/memoria/{YEAR}/1/")[0]
    assert "un estat anterior de la memòria" in earlier
    assert "un estat anterior de la memòria" not in page(client, published_report)


def test_each_language_has_its_own_body(client, published_report):
    AreaTextFactory(report=published_report, area="news", text_ca="<p>En català</p>",
                    text_es="<p>En castellano</p>", text_en="")  # fmt: skip
    assert "En català" in page(client, published_report, "ca")
    assert "En castellano" in page(client, published_report, "es")
    english = page(client, published_report, "en")
    assert '<div class="prose" lang="ca"><p>En català</p>' in english
