"""The agreements' figures of the yearly report (content.report): published agreements of a
calendar year in Madrid time, each figure linked to the list filtered to exactly its agreements."""

import datetime
import html
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.utils import timezone

from relacions.agreements.content import content
from relacions.agreements.models import Agreement
from relacions.core.demo import load_demo_content
from tests.factories.agreements import AgreementFactory, AmendmentFactory
from tests.factories.events import EventFactory
from tests.factories.news import NewsItemFactory
from tests.helpers import ReportSection, addresses, listed

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_settings")]

MADRID = ZoneInfo("Europe/Madrid")
SECTION = ReportSection(content)
INDICATORS = SECTION.indicators
figures, link = SECTION.figures, SECTION.link


def moment(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=MADRID)


# The demo's figures of 2025 (the demo loaded on 15 June 2026), counted by hand from the demo
# files; tests/reports checks the demo's published report against them too.
DEMO_2025 = {
    # «Conveni de cooperació cultural amb Leeds (exemple)», signed year-start-1y+2m
    "agreements.signed": 1,
    # «Memoràndum d'entesa sobre mobilitat juvenil (exemple)»: its amendment of
    # year-start-1y+6m
    "agreements.amended": 1,
    # «Protocol de col·laboració per a la Setmana Europea (exemple)», ended year-start-1y+5m
    "agreements.ended": 1,
    # Pamiers, Granada, Tetuan, Tecoluca (signed 1990), the Eurocities urban system (2009),
    # and the three examples above: Leeds (2025), the memorandum (2024), the protocol
    # (2023 to mid 2025)
    "agreements.in_force": 8,
    # Pamiers, Granada, Tetuan, Tecoluca
    "agreements.twinnings_in_force": 4,
    # the Leeds example, with its news item and its event
    "agreements.with_activity": 1,
    # the news file's «Terrassa, al Fòrum de Cultura de Gant (exemple)», linked to Leeds
    "agreements.news": 1,
    # the agenda file's «Jornada de ciutats educadores a Terrassa (exemple)», linked to Leeds
    "agreements.events": 1,
}


def test_the_demo_report_equals_a_hand_count():
    load_demo_content(today=datetime.date(2026, 6, 15))
    assert figures(2025) == DEMO_2025


def test_hidden_agreements_count_nothing():
    year = 2025
    for hidden in (
        {"status": Agreement.Status.DRAFT},
        {"publish_at": timezone.now() + datetime.timedelta(days=1)},
        {"unpublish_at": timezone.now() - datetime.timedelta(days=1)},
    ):
        agreement = AgreementFactory(
            **hidden, signed_on=datetime.date(year, 3, 1), ends_on=datetime.date(year, 6, 1)
        )
        AmendmentFactory(agreement=agreement, date=datetime.date(year, 4, 1))
        agreement.news_items.add(NewsItemFactory(published_on=datetime.date(year, 4, 1)))
        agreement.events.add(EventFactory(start=moment(year, 4, 1, 10), end=moment(year, 4, 1, 12)))
    assert set(figures(year).values()) == {0}


def test_hidden_news_and_events_count_nothing():
    agreement = AgreementFactory()
    agreement.news_items.add(
        NewsItemFactory(status="draft", published_on=datetime.date(2025, 4, 1)),
        NewsItemFactory(
            published_on=datetime.date(2025, 4, 1),
            unpublish_at=timezone.now() - datetime.timedelta(days=1),
        ),
    )
    agreement.events.add(
        EventFactory(status="draft", start=moment(2025, 4, 1, 10), end=moment(2025, 4, 1, 12))
    )
    assert figures(2025)["agreements.news"] == figures(2025)["agreements.events"] == 0
    assert figures(2025)["agreements.with_activity"] == 0


def test_the_years_edges_are_read_in_madrid_time(client):
    first = AgreementFactory(signed_on=datetime.date(2025, 1, 1), in_force_on=None)
    last = AgreementFactory(signed_on=datetime.date(2025, 12, 31))
    new_year = moment(2025, 1, 1, 0, 30)  # still 31 December 2024 in UTC
    new_years_eve = moment(2025, 12, 31, 23, 30)  # already 2026 in UTC
    first.events.add(EventFactory(start=new_year, end=new_year + datetime.timedelta(hours=1)))
    last.events.add(
        EventFactory(start=new_years_eve, end=new_years_eve + datetime.timedelta(minutes=20))
    )
    assert figures(2025)["agreements.signed"] == 2
    assert figures(2025)["agreements.events"] == 2
    assert figures(2024)["agreements.events"] == figures(2026)["agreements.events"] == 0
    assert listed(client, link("agreements.with_activity", 2025)) == addresses([first, last])


def test_each_link_lists_exactly_the_counted_agreements(client):
    today = timezone.localdate()
    old_twinning = AgreementFactory(signed_on=datetime.date(1990, 1, 1))
    signed = AgreementFactory(kind=Agreement.Kind.PROTOCOL, signed_on=datetime.date(2025, 5, 1))
    amended = AgreementFactory(kind=Agreement.Kind.MEMORANDUM, signed_on=datetime.date(2020, 1, 1))
    AmendmentFactory(agreement=amended, date=datetime.date(2025, 7, 1))
    AmendmentFactory(agreement=amended, date=datetime.date(2025, 8, 1))
    ended = AgreementFactory(
        kind=Agreement.Kind.PROTOCOL,
        signed_on=datetime.date(2019, 1, 1),
        ends_on=datetime.date(2025, 2, 1),
        agreement_status=Agreement.AgreementStatus.ENDED,
    )
    AgreementFactory(signed_on=datetime.date(2010, 1, 1), ends_on=datetime.date(2024, 12, 31))
    AgreementFactory(signed_on=datetime.date(2026, 1, 2))  # in force only from 2026
    AgreementFactory(signed_on=None, in_force_on=None)  # no dates: never counted
    AgreementFactory(signed_on=today - datetime.timedelta(days=10), ends_on=today)
    active = AgreementFactory(kind=Agreement.Kind.FRIENDSHIP, signed_on=datetime.date(2015, 1, 1))
    active.news_items.add(NewsItemFactory(published_on=datetime.date(2025, 3, 3)))
    active.news_items.add(NewsItemFactory(published_on=datetime.date(2024, 3, 3)))
    expected = {
        "agreements.signed": [signed],
        "agreements.amended": [amended],
        "agreements.ended": [ended],
        "agreements.in_force": [old_twinning, signed, amended, ended, active],
        "agreements.twinnings_in_force": [old_twinning],
        "agreements.with_activity": [active],
    }
    for key, agreements in expected.items():
        assert INDICATORS[key].value(2025) == len(agreements), key
        assert listed(client, link(key, 2025)) == addresses(agreements), key
    assert figures(2025)["agreements.news"] == 1
    # An end date still to come is not an end yet.
    assert INDICATORS["agreements.ended"].value(today.year) == 0


def test_the_year_filters_are_in_the_form_and_refuse_a_year_without_agreements(client):
    AgreementFactory(signed_on=datetime.date(2025, 5, 1))
    page = html.unescape(client.get("/ca/acords/").content.decode())
    for name, label in (
        ("signed", "Signats l'any"),
        ("amended", "Modificats l'any"),
        ("ended", "Acabats l'any"),
        ("in_force", "Vigents l'any"),
        ("activity", "Amb notícies o activitats l'any"),
    ):
        assert f'<label for="id_{name}">{label}</label>' in page
    assert '<option value="2025">2025</option>' in page
    response = client.get("/ca/acords/", {"signed": "2024"})
    assert response.status_code == 404
    error = "Cap acord publicat no es va signar l'any «2024»."
    assert error in html.unescape(response.content.decode())


def test_the_declaration_passes_the_checks():
    call_command("check")


def test_the_news_figure_links_to_exactly_its_news(client):
    """The news list's `about=agreements` lists the year's news tied to a public agreement: what
    `agreements.news` counts (an item tied to a hidden agreement, or of another year, is not)."""
    public, hidden = AgreementFactory(), AgreementFactory(status="draft")
    counted = NewsItemFactory(published_on=datetime.date(2025, 5, 5))
    public.news_items.add(counted)
    public.news_items.add(NewsItemFactory(published_on=datetime.date(2024, 5, 5)))
    hidden.news_items.add(NewsItemFactory(published_on=datetime.date(2025, 6, 6)))
    NewsItemFactory(published_on=datetime.date(2025, 7, 7))

    assert figures(2025)["agreements.news"] == 1
    shown = listed(client, link("agreements.news", 2025), card="news-card__title")
    assert shown == addresses([counted])
