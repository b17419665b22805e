"""A paginated list's number of objects kept with the content generation
(relacions.operations.pagecache.counts): its other pages send no COUNT, and the number still
follows every change — a publish, a scheduled one, a filter."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import NewsItemFactory
from tests.helpers import sleep_past, url_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragment_cache", "site_settings")]


def shown_count(client, query: str = "") -> tuple[str, list[str]]:
    """The list's "N news items" and the SQL the request sent."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url_of("news:list", "en") + query)
    assert response.status_code == 200
    found = re.search(r"(\d+) news items?", response.content.decode())
    return found.group(1), [query["sql"] for query in queries.captured_queries]


def counts(sql: list[str]) -> list[str]:
    return [text for text in sql if "COUNT(*)" in text]


def test_the_other_pages_of_a_list_send_no_count_and_a_publish_shows(client):
    NewsItemFactory.create_batch(12, published_on=datetime.date(2020, 5, 5))
    assert shown_count(client)[0] == "12"
    number, sql = shown_count(client, "?page=2")
    assert number == "12" and not counts(sql)
    NewsItemFactory(published_on=datetime.date(2021, 5, 5))
    number, sql = shown_count(client, "?page=2")
    assert number == "13" and counts(sql)  # counted again, once per change


def test_each_filter_keeps_its_own_number_and_a_refused_one_none(client):
    NewsItemFactory.create_batch(3, published_on=datetime.date(2020, 5, 5))
    NewsItemFactory.create_batch(2, published_on=datetime.date(2021, 5, 5))
    # A year no item has, first: 404 with the form, which counts no item; that count is not
    # kept (it would be read as the unfiltered list's, which the refused filters leave).
    assert client.get(url_of("news:list", "en") + "?year=1800").status_code == 404
    assert shown_count(client)[0] == "5"
    assert shown_count(client, "?year=2021")[0] == "2"
    assert shown_count(client, "?year=2020")[0] == "3"
    assert shown_count(client)[0] == "5"


def test_an_item_reaching_its_publish_at_is_counted(client):
    NewsItemFactory.create_batch(2)
    moment = timezone.now() + datetime.timedelta(seconds=3)
    NewsItemFactory(publish_at=moment)
    assert shown_count(client)[0] == "2"
    assert not counts(shown_count(client)[1])  # kept
    sleep_past(moment)
    assert shown_count(client)[0] == "3"
