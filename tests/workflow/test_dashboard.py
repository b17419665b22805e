"""The admin home: drafts, scheduled items, translations to do, renewals due, latest changes."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from relacions.news.models import NewsItem
from tests.factories import EventFactory, MembershipFactory, NewsItemFactory
from tests.helpers import signed_in_client

from .conftest import form_data

pytestmark = pytest.mark.django_db

INDEX = "admin:index"


def test_the_dashboard_shows_what_needs_attention(administrator):
    # Named in the admin's language (English for these tests).
    NewsItemFactory(status=NewsItem.Status.DRAFT, title_en="Draft on the dashboard")
    EventFactory(publish_at=timezone.now() + datetime.timedelta(days=2), title_en="Scheduled event")
    NewsItemFactory(title_ca="Sense castellà", title_es="")
    MembershipFactory(
        network__name_en="Network to renew",
        renewal_date=timezone.localdate() + datetime.timedelta(days=10),
    )
    client = signed_in_client(administrator)
    item = NewsItemFactory(title_en="Changed today")
    change = reverse("admin:news_newsitem_change", args=(item.pk,))
    client.post(change, form_data(client.get(change), summary_ca="Nou resum"))

    page = client.get(reverse(INDEX)).content.decode()
    assert "Draft on the dashboard" in page
    assert "Scheduled event" in page
    assert "Needing translation" in page and reverse("workflow:translation-status") in page
    assert "Memberships due for renewal" in page and "Network to renew" in page
    assert "Latest changes" in page and "Changed today" in page


def test_editors_see_only_what_they_may_see(editor):
    NewsItemFactory(status=NewsItem.Status.DRAFT, title_en="Visible draft")
    page = signed_in_client(editor).get(reverse(INDEX)).content.decode()
    assert "Visible draft" in page
    assert "Full audit log" not in page


@pytest.mark.parametrize("count", [1, 50])
def test_the_dashboard_has_a_constant_number_of_queries(
    administrator, django_assert_max_num_queries, count
):
    NewsItemFactory.create_batch(count, status=NewsItem.Status.DRAFT, title_en="")
    EventFactory.create_batch(count, publish_at=timezone.now() + datetime.timedelta(days=1))
    MembershipFactory.create_batch(
        count, renewal_date=timezone.localdate() + datetime.timedelta(days=5)
    )
    client = signed_in_client(administrator)
    # Two queries per translated model with an admin (its missing translations into es and
    # en), one per panel: the same whatever the number of items.
    with django_assert_max_num_queries(80):
        assert client.get(reverse(INDEX)).status_code == 200


def test_the_scheduled_link_lists_only_what_is_scheduled(administrator):
    soon = timezone.now() + datetime.timedelta(days=2)
    EventFactory(publish_at=soon, title_en="Scheduled event")
    EventFactory(title_en="Live event")
    EventFactory(status=NewsItem.Status.DRAFT, title_en="Draft event")
    EventFactory(unpublish_at=timezone.now() - datetime.timedelta(days=1), title_en="Gone event")
    client = signed_in_client(administrator)

    changelist = reverse("admin:events_event_changelist")
    link = f"{changelist}?state=scheduled"
    assert f'href="{link}"' in client.get(reverse(INDEX)).content.decode()
    listed = client.get(link).content.decode()
    assert "Scheduled event" in listed
    assert not [title for title in ("Live event", "Draft event", "Gone event") if title in listed]
    for state, title in (
        ("live", "Live event"),
        ("draft", "Draft event"),
        ("expired", "Gone event"),
    ):
        page = client.get(f"{changelist}?state={state}").content.decode()
        assert title in page and "Scheduled event" not in page, state


def test_a_state_the_filter_does_not_know_lists_everything(administrator):
    EventFactory(title_en="Live event")
    client = signed_in_client(administrator)
    response = client.get(reverse("admin:events_event_changelist") + "?state=nonsense")
    assert response.status_code == 200
    assert "Live event" in response.content.decode()
