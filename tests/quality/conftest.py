"""A small but complete site: one published item of every public type, and beside each one the
ways of not being public (draft, scheduled, expired), all marked HIDDEN in every language so any
output can be searched for them."""

import datetime
from dataclasses import dataclass, field

import pytest
from django.conf import settings
from django.utils import timezone, translation

from relacions.core.demo import load_apps
from relacions.core.models import Publishable
from relacions.pages.models import Page
from tests.factories import (
    AxisFactory,
    EventFactory,
    ForumFactory,
    NetworkFactory,
    NewsItemFactory,
    ObjectiveFactory,
    PageFactory,
    PastEventFactory,
    PlanFactory,
)
from tests.images.conftest import make_image  # noqa: F401  (a fixture)

LANGUAGES = [code for code, _name in settings.LANGUAGES]
DRAFT = Publishable.Status.DRAFT
HIDDEN = "HIDDEN"


def hidden_titles(field: str = "title") -> dict:
    return {f"{field}_{lang}": f"{HIDDEN} {lang}" for lang in LANGUAGES}


def ways_of_hiding() -> list[dict]:
    now = timezone.now()
    return [
        {"status": DRAFT},
        {"publish_at": now + datetime.timedelta(days=1)},
        {"unpublish_at": now - datetime.timedelta(minutes=1)},
    ]


@dataclass
class Site:
    published: list = field(default_factory=list)
    hidden: list = field(default_factory=list)

    def urls(self, language: str) -> list[str]:
        with translation.override(language):
            return [obj.get_absolute_url() for obj in self.published]


@pytest.fixture(autouse=True)
def _site_settings(site_settings):
    """Every public page reads the site settings."""


@pytest.fixture
def site(db) -> Site:
    load_apps("pages")
    current_plan = PlanFactory(is_current=True)
    other_plan = PlanFactory(is_current=False, start_year=2019, end_year=2023)
    network = NetworkFactory()
    site = Site(
        published=[
            *Page.objects.published(),
            NewsItemFactory(),
            EventFactory(),
            PastEventFactory(),
            network,
            ForumFactory(network=network),
            current_plan,
            other_plan,
            ObjectiveFactory(axis=AxisFactory(plan=current_plan)),
        ]
    )
    for hiding in ways_of_hiding():
        site.hidden += [
            PageFactory(**hiding, **hidden_titles()),
            NewsItemFactory(**hiding, **hidden_titles()),
            EventFactory(**hiding, **hidden_titles()),
            NetworkFactory(**hiding, **hidden_titles("name")),
        ]
    # Public in themselves, but under a network or a plan that is not.
    hidden_network = NetworkFactory(status=DRAFT, **hidden_titles("name"))
    hidden_plan = PlanFactory(status=DRAFT, is_current=False, **hidden_titles())
    site.hidden += [
        hidden_network,
        ForumFactory(network=hidden_network, **hidden_titles("name")),
        hidden_plan,
        ObjectiveFactory(axis=AxisFactory(plan=hidden_plan), **hidden_titles()),
    ]
    return site
