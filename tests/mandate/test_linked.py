"""The objective page's timeline of linked news, events, memberships and forums.

Those apps declare the relations (mandate never imports them); these tests build their objects
directly so they follow only what the page shows: published items, newest first."""

import datetime

import pytest
from django.utils import timezone, translation

from relacions.events.models import Event
from relacions.mandate.linked import available_relations
from relacions.mandate.models import Objective
from relacions.networks.models import Forum, Membership, Network
from relacions.news.models import NewsItem
from tests.factories.mandate import ObjectiveFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_settings")]

PUBLISHED, DRAFT = "published", "draft"


def news(title, day, status=PUBLISHED, **extra):
    return NewsItem.objects.create(
        title_ca=title,
        title_en=title,
        slug_ca=title.lower().replace(" ", "-"),
        published_on=day,
        status=status,
        **extra,
    )


def event(title, day, status=PUBLISHED):
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
    return Event.objects.create(
        title_ca=title,
        title_en=title,
        slug_ca=title.lower().replace(" ", "-"),
        start=start,
        end=start + datetime.timedelta(hours=2),
        status=status,
    )


def network(name, status=PUBLISHED):
    return Network.objects.create(
        name_ca=name, name_en=name, slug_ca=name.lower().replace(" ", "-"), status=status
    )


def membership(network, since):
    return Membership.objects.create(
        network=network,
        category=Membership.Category.FULL,
        since=since,
        status=Membership.Status.ACTIVE,
    )


def forum(name, network, since, status=PUBLISHED):
    return Forum.objects.create(
        network=network,
        name_ca=name,
        name_en=name,
        slug_ca=name.lower().replace(" ", "-"),
        participating_since=since,
        status=status,
    )


def page(client, objective, language="en") -> str:
    with translation.override(language):
        url = objective.get_absolute_url()
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def timeline(body: str) -> str:
    return body.split('class="mandate-timeline"')[1].split("</ol>")[0]


def test_every_relation_of_the_design_is_read():
    names = {name for name, _timeline in available_relations(Objective)}
    assert names == {
        "news_items", "events", "memberships", "forums", "agreements", "projects", "visits"
    }  # fmt: skip


def test_published_linked_items_appear_newest_first_with_their_dates(client, plan):
    objective = ObjectiveFactory(axis__plan=plan)
    eurocities = network("EUROCITIES")
    news("Leeds forum news", datetime.date(2019, 9, 20)).objectives.add(objective)
    event("Leeds culture forum", datetime.date(2019, 10, 9)).objectives.add(objective)
    membership(eurocities, datetime.date(2009, 1, 1)).objectives.add(objective)
    forum("Culture Forum", eurocities, datetime.date(2012, 5, 1)).objectives.add(objective)

    items = timeline(page(client, objective))

    order = [
        items.index(text)
        for text in ("Leeds culture forum", "Leeds forum news", "Culture Forum", "EUROCITIES")
    ]
    assert order == sorted(order)
    assert '<time datetime="2019-10-09">' in items
    assert '<time datetime="2019-09-20">' in items
    assert '<time datetime="2012-05-01">' in items
    assert '<time datetime="2009-01-01">' in items
    with translation.override("en"):
        assert f'href="{NewsItem.objects.get().get_absolute_url()}"' in items
        assert f'href="{eurocities.get_absolute_url()}"' in items


def test_unpublished_linked_items_never_appear(client, plan):
    objective = ObjectiveFactory(axis__plan=plan)
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    hidden_network = network("Hidden network", status=DRAFT)
    news("Draft news", datetime.date(2024, 1, 1), status=DRAFT).objectives.add(objective)
    news("Scheduled news", datetime.date(2024, 1, 1), publish_at=tomorrow).objectives.add(objective)
    event("Draft event", datetime.date(2024, 1, 1), status=DRAFT).objectives.add(objective)
    membership(hidden_network, datetime.date(2020, 1, 1)).objectives.add(objective)
    forum("Draft forum", network("Open network"), None, status=DRAFT).objectives.add(objective)
    forum("Forum of a hidden network", hidden_network, None).objectives.add(objective)

    body = page(client, objective)

    for title in (
        "Draft news",
        "Scheduled news",
        "Draft event",
        "Hidden network",
        "Draft forum",
        "Forum of a hidden network",
    ):
        assert title not in body
    assert "No news, events, memberships or forums are linked to this objective yet." in body


def test_items_linked_to_another_objective_do_not_appear(client, plan):
    objective = ObjectiveFactory(axis__plan=plan)
    news("Other news", datetime.date(2024, 1, 1)).objectives.add(ObjectiveFactory())
    assert "Other news" not in page(client, objective)


@pytest.mark.parametrize("count", [1, 20])
def test_the_query_count_is_constant_with_linked_items(
    client, plan, django_assert_max_num_queries, count
):
    from .test_views import DETAIL_QUERIES

    objective = ObjectiveFactory(axis__plan=plan)
    for index in range(count):
        day = datetime.date(2020, 1, 1) + datetime.timedelta(days=index)
        home = network(f"Network {index}")
        news(f"News {index}", day).objectives.add(objective)
        event(f"Event {index}", day).objectives.add(objective)
        membership(home, day).objectives.add(objective)
        forum(f"Forum {index}", home, day).objectives.add(objective)
    with translation.override("en"):
        url = objective.get_absolute_url()

    with django_assert_max_num_queries(DETAIL_QUERIES):
        response = client.get(url)
    assert response.content.decode().count('class="mandate-timeline__item ') == 4 * count
