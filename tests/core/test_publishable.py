from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from relacions.core.models import Publishable
from relacions.pages.models import Page
from tests.factories import PageFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now()


@pytest.mark.parametrize(
    ("status", "publish_at", "unpublish_at", "state"),
    [
        (Publishable.Status.DRAFT, None, None, Publishable.State.DRAFT),
        (Publishable.Status.DRAFT, NOW - timedelta(days=1), None, Publishable.State.DRAFT),
        (Publishable.Status.PUBLISHED, NOW + timedelta(hours=1), None, Publishable.State.SCHEDULED),
        (Publishable.Status.PUBLISHED, None, None, Publishable.State.LIVE),
        (
            Publishable.Status.PUBLISHED,
            NOW - timedelta(hours=1),
            NOW + timedelta(hours=1),
            Publishable.State.LIVE,
        ),
        (
            Publishable.Status.PUBLISHED,
            NOW - timedelta(days=2),
            NOW - timedelta(days=1),
            Publishable.State.EXPIRED,
        ),
    ],
)
def test_published_matches_the_state_of_each_item(status, publish_at, unpublish_at, state):
    page = PageFactory(status=status, publish_at=publish_at, unpublish_at=unpublish_at)

    assert page.publication_state() == state
    assert Page.objects.published().filter(pk=page.pk).exists() == (state == Publishable.State.LIVE)
    assert page.is_published() == (state == Publishable.State.LIVE)


def test_a_scheduled_item_appears_on_time_with_no_job_running(client):
    page = PageFactory(publish_at=timezone.now() + timedelta(seconds=1))
    url = page.get_absolute_url()
    assert client.get(url).status_code == 404

    Page.objects.filter(pk=page.pk).update(publish_at=timezone.now() - timedelta(seconds=1))

    assert client.get(url).status_code == 200


def test_unpublish_must_come_after_publish():
    page = PageFactory.build(publish_at=NOW, unpublish_at=NOW - timedelta(minutes=1))
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "unpublish_at" in error.value.message_dict


def test_each_save_raises_the_version():
    page = PageFactory()
    assert page.version == 1
    page.title_ca = "Nou títol"
    page.save()
    page.refresh_from_db()
    assert page.version == 2


def test_a_slug_is_unique_within_each_language():
    PageFactory(slug_es="mision")
    page = PageFactory.build(slug_es="mision")
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "slug_es" in error.value.message_dict
