"""The publication rule is written once, on Publishable: its Q objects (what every query uses) and
`publication_state()` (what templates and the admin use) must put each item in the same state."""

from datetime import timedelta

import pytest
from django.apps import apps
from django.utils import timezone

from relacions.core.models import Publishable
from relacions.networks.models import Forum
from tests.factories import (
    EventFactory,
    ForumFactory,
    NetworkFactory,
    NewsItemFactory,
    PageFactory,
    PlanFactory,
)
from tests.factories.agreements import AgreementFactory
from tests.factories.projects import ProjectFactory
from tests.factories.visits import VisitFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now()
HOUR = timedelta(hours=1)
DRAFT, PUBLISHED = Publishable.Status.DRAFT, Publishable.Status.PUBLISHED
State = Publishable.State

# Every Publishable model, with a factory whose other links are public (a forum's network).
FACTORIES = {
    "agreements.Agreement": AgreementFactory,
    "events.Event": EventFactory,
    "mandate.Plan": lambda **kwargs: PlanFactory(is_current=False, **kwargs),
    "networks.Forum": ForumFactory,
    "networks.Network": NetworkFactory,
    "news.NewsItem": NewsItemFactory,
    "pages.Page": PageFactory,
    "projects.Project": ProjectFactory,
    # A visit that ended a week ago: its own rule (public once ended) is tests/visits'.
    "visits.Visit": VisitFactory,
}

# (status, publish_at, unpublish_at) → the state the item is in at NOW.
CASES = [
    ((DRAFT, None, None), State.DRAFT),
    ((DRAFT, NOW - HOUR, NOW + HOUR), State.DRAFT),
    ((PUBLISHED, NOW + HOUR, None), State.SCHEDULED),
    ((PUBLISHED, NOW + HOUR, NOW + 2 * HOUR), State.SCHEDULED),
    # Refused by clean(), but a bulk update can store it: still scheduled, not expired.
    ((PUBLISHED, NOW + HOUR, NOW - HOUR), State.SCHEDULED),
    ((PUBLISHED, None, None), State.LIVE),
    ((PUBLISHED, NOW, NOW + HOUR), State.LIVE),
    ((PUBLISHED, NOW - 2 * HOUR, NOW), State.EXPIRED),
    ((PUBLISHED, None, NOW - HOUR), State.EXPIRED),
]


def state_filters(model, prefix: str = ""):
    return {
        State.DRAFT: model.draft_q(prefix=prefix),
        State.SCHEDULED: model.scheduled_q(NOW, prefix=prefix),
        State.LIVE: model.published_q(NOW, prefix=prefix),
        State.EXPIRED: model.expired_q(NOW, prefix=prefix),
    }


def test_every_publishable_model_is_covered():
    publishable = {
        model._meta.label for model in apps.get_models() if issubclass(model, Publishable)
    }
    assert publishable == set(FACTORIES)


@pytest.mark.parametrize("label", sorted(FACTORIES))
@pytest.mark.parametrize(("dates", "state"), CASES)
def test_the_queryset_and_the_instance_agree(label, dates, state):
    status, publish_at, unpublish_at = dates
    obj = FACTORIES[label](status=status, publish_at=publish_at, unpublish_at=unpublish_at)
    model = type(obj)
    objects = model.objects.filter(pk=obj.pk)

    assert obj.publication_state(NOW) == state
    for each, query in state_filters(model).items():
        assert objects.filter(query).exists() == (each == state), each
    assert objects.published(NOW).exists() == obj.is_published(NOW) == (state == State.LIVE)
    assert objects.drafts().exists() == (state == State.DRAFT)
    assert objects.scheduled(NOW).exists() == (state == State.SCHEDULED)
    assert objects.expired(NOW).exists() == (state == State.EXPIRED)
    in_window = (publish_at is None or publish_at <= NOW) and (
        unpublish_at is None or unpublish_at > NOW
    )
    assert objects.filter(model.window_q(NOW)).exists() == in_window


def test_a_rule_under_a_relation_prefix_follows_the_related_object():
    forums = {}
    for (status, publish_at, unpublish_at), state in CASES:
        network = NetworkFactory(status=status, publish_at=publish_at, unpublish_at=unpublish_at)
        forums[ForumFactory(network=network)] = state

    for state, query in state_filters(Publishable, prefix="network__").items():
        expected = {forum.pk for forum, each in forums.items() if each == state}
        assert set(Forum.objects.filter(query).values_list("pk", flat=True)) == expected, state
    live = {forum.pk for forum, state in forums.items() if state == State.LIVE}
    assert set(Forum.objects.published(NOW).values_list("pk", flat=True)) == live
