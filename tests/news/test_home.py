import datetime
import re

import pytest
from django.utils import timezone, translation

from tests.factories.news import NewsItemFactory
from tests.helpers import LANGUAGES, sleep_past

from .conftest import make_event

pytestmark = pytest.mark.django_db


def home(client, language: str = "en") -> str:
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    return response.content.decode()


def section(body: str, heading_id: str) -> str:
    match = re.search(rf'<section [^>]*aria-labelledby="{heading_id}">(.*?)</section>', body, re.S)
    return match.group(1) if match else ""


def titles(fragment: str) -> list[str]:
    return re.findall(r'class="news-card__title"[^>]*><a href="[^"]+">([^<]+)</a>', fragment)


def day(n: int) -> datetime.date:
    return datetime.date(2022, 1, 1) + datetime.timedelta(days=n)


def test_featured_news_first_then_the_latest_without_repeats(client):
    plain = [NewsItemFactory(published_on=day(n)) for n in range(8)]
    featured = [NewsItemFactory(published_on=day(n), featured=True) for n in range(4)]

    body = home(client)
    shown_featured = titles(section(body, "home-featured-news"))
    latest = titles(section(body, "home-latest-news"))

    assert shown_featured == [item.title_en for item in reversed(featured[1:])]
    # The oldest featured item is not among the three shown first, so it is still news.
    newest_first = sorted([*plain, featured[0]], key=lambda item: (item.published_on, item.pk))
    assert latest == [item.title_en for item in reversed(newest_first)][:6]
    assert not set(shown_featured) & set(latest)


def test_without_featured_news_only_the_latest_section_is_shown(client):
    NewsItemFactory()
    body = home(client)
    assert 'aria-labelledby="home-featured-news"' not in body
    assert len(titles(section(body, "home-latest-news"))) == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_unpublished_news_never_reach_the_home_page(client, hidden_items, language):
    for item in hidden_items.values():
        item.featured = True
        item.save()
    live = NewsItemFactory()
    body = home(client, language)
    assert titles(body) == [getattr(live, f"title_{language}")]
    for item in hidden_items.values():
        assert getattr(item, f"title_{language}") not in body


def test_the_next_upcoming_events_are_shown(client):
    soon = timezone.now() + datetime.timedelta(days=3)
    upcoming = [
        make_event(
            n,
            start=soon + datetime.timedelta(days=n),
            end=soon + datetime.timedelta(days=n, hours=2),
        )
        for n in range(4)
    ]
    past = make_event(10)  # 2019
    with translation.override("en"):
        events = section(home(client), "home-upcoming-events")
    assert [event.title_en in events for event in upcoming] == [True, True, True, False]
    assert past.title_en not in events
    assert 'href="/en/' in events


@pytest.mark.parametrize("count", [1, 50])
def test_home_queries_do_not_grow_with_content(
    client, django_assert_max_num_queries, make_image, count
):
    image = make_image()
    NewsItemFactory.create_batch(count, image=image)
    NewsItemFactory.create_batch(count, image=image, featured=True)
    soon = timezone.now() + datetime.timedelta(days=1)
    for n in range(count):
        make_event(n, start=soon, end=soon + datetime.timedelta(hours=1), image=image)
    # The site's chrome, featured news, latest news, upcoming events (each with its image), and
    # the places on the small world map (relacions.places).
    with django_assert_max_num_queries(5):
        body = home(client)
    assert len(titles(body)) == min(count, 3) + min(count, 6)


def test_an_item_reaches_the_home_page_at_its_publish_at(client):
    """The home page's lists are compiled once: each request reads its own moment."""
    NewsItemFactory(title_en="Published at once", published_on=day(1))
    later = NewsItemFactory(
        title_en="Published a little later",
        featured=True,
        publish_at=timezone.now() + datetime.timedelta(seconds=3),
    )
    assert later.title_en not in home(client)
    sleep_past(later.publish_at)
    assert later.title_en in section(home(client), "home-featured-news")
