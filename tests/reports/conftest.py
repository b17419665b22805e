import datetime

import pytest

from relacions.reports.publishing import publish
from tests.factories.news import NewsItemFactory
from tests.factories.reports import ClippingFactory, YearReportFactory

YEAR = 2025


def values(snapshot: dict, year: int = YEAR) -> dict:
    """{indicator key: value of `year`} of a snapshot (an edition's figures)."""
    return {
        item["key"]: item["values"][str(year)]
        for area in snapshot["areas"]
        for item in area["indicators"]
    }


def news_of(year: int, n: int = 1, **kwargs):
    """Published news items of `year`: records that every report counts (the news figures)."""
    return NewsItemFactory.create_batch(n, published_on=datetime.date(year, 6, 1), **kwargs)


@pytest.fixture
def published_report(db):
    """The report of 2025, published with two news items of the year and a clipping."""
    news_of(YEAR, 2)
    report = YearReportFactory(year=YEAR)
    ClippingFactory(report=report, title="Terrassa a Brussel·les", language="ca")
    publish(report)
    return report
