"""Content for the performance tests: every public page with `n` objects of each kind, the
object a detail page shows linked to `n` of everything it lists."""

import datetime

import pytest
from django.utils import timezone, translation

from relacions.mandate.models import ProgressUpdate
from relacions.networks.models import Membership
from relacions.pages.models import Page
from tests.factories import (
    AxisFactory,
    ChallengeAreaFactory,
    EventFactory,
    ForumFactory,
    MembershipFactory,
    NetworkFactory,
    NewsItemFactory,
    ObjectiveFactory,
    PageFactory,
    PastEventFactory,
    PlanFactory,
    PositionFactory,
    ProgressUpdateFactory,
    WorkingGroupFactory,
)
from tests.factories.agreements import (
    AgreementFactory,
    AmendmentFactory,
    CooperationAreaFactory,
    DocumentFactory,
    PartnerFactory,
)
from tests.factories.places import PlaceFactory
from tests.factories.projects import (
    ProjectFactory,
    ProjectPartnerFactory,
    ResultFactory,
    ThemeFactory,
)
from tests.factories.visits import CostFactory, GiftFactory, ParticipantFactory, VisitFactory


@pytest.fixture
def page_cache(settings):
    """The page cache on, as in production (tests run with it off)."""
    settings.PAGE_CACHE = True
    settings.PAGE_CACHE_SECONDS = 600
    # Long enough for a test's second visit to find the first one's lease; every test that saves
    # content waits it once.
    settings.PAGE_CACHE_LEASE_SECONDS = 1
    return settings


@pytest.fixture
def chrome(site_settings):
    """The site settings, two menu pages and the pages with a role the footer links to."""
    PageFactory(show_in_menu=True, menu_order=1)
    PageFactory(show_in_menu=True, menu_order=2)
    for key in Page.Key.values:
        PageFactory(key=key)
    return site_settings


def build_content(n: int, image) -> dict:
    """`n` of every kind, published, with images; returns the objects whose pages are visited."""
    plan = PlanFactory()
    axes = AxisFactory.create_batch(min(n, 5), plan=plan)
    objectives = [ObjectiveFactory(axis=axes[i % len(axes)], plan=plan, order=i) for i in range(n)]
    for i, objective in enumerate(objectives):
        ProgressUpdateFactory(
            objective=objective, status=ProgressUpdate.Status.IN_PROGRESS, progress=10 + i % 90
        )
        ProgressUpdateFactory(objective=objective, date=datetime.date(2025, 6, 1), progress=60)

    networks = [NetworkFactory(logo=image) for _ in range(n)]
    network, forum = networks[0], ForumFactory(network=networks[0])
    forums = [forum, *(ForumFactory(network=network) for _ in range(n - 1))]
    for year in range(n):
        MembershipFactory(
            network=network,
            category=Membership.Category.OBSERVER,
            since=datetime.date(1950 + year, 1, 1),
            until=datetime.date(1950 + year, 12, 31),
            status=Membership.Status.ENDED,
        )
    MembershipFactory(network=network, since=datetime.date(2010, 1, 1))
    for other in networks[1:]:
        MembershipFactory(network=other)
    for i in range(n):
        ChallengeAreaFactory(forum=forum)
        group = WorkingGroupFactory(network=network, forums=[forum, forums[i]])
        PositionFactory(network=None, working_group=group)
        PositionFactory(network=None, forum=forum)
        PositionFactory(network=network)
    forum.objectives.add(*objectives)

    soon = timezone.now() + datetime.timedelta(days=1)
    events = [
        EventFactory(image=image, forum=forum, start=soon + datetime.timedelta(hours=i),
                     end=soon + datetime.timedelta(hours=i + 2))
        for i in range(n)
    ]  # fmt: skip
    past = [PastEventFactory(image=image, forum=forum) for _ in range(n)]
    event = events[0]
    event.networks.add(*networks)
    event.objectives.add(*objectives)
    event.challenge_areas.add(*forum.challenge_areas.all())
    for other in [*events[1:], *past]:
        other.networks.add(network)

    items = NewsItemFactory.create_batch(n, image=image)
    NewsItemFactory.create_batch(n, image=image, featured=True)
    item = items[len(items) // 2]
    item.networks.add(*networks)
    item.forums.add(*forums)
    item.events.add(*events)
    item.objectives.add(*objectives)
    for other in items:
        other.networks.add(network)
        other.forums.add(forum)

    places = [PlaceFactory() for _ in range(n)]
    agreements = AgreementFactory.create_batch(n)
    agreement, place = agreements[0], places[0]
    for i, other in enumerate(agreements):
        PartnerFactory(agreement=other, place=place)
        PartnerFactory(agreement=agreement, place=places[i])
        AmendmentFactory(
            agreement=agreement, date=datetime.date(2000, 1, 1) + datetime.timedelta(i)
        )
        DocumentFactory(agreement=agreement)
        other.areas.add(CooperationAreaFactory())
    agreement.news_items.add(*items)
    agreement.events.add(*events, *past)
    agreement.networks.add(*networks)
    agreement.areas.add(*(a for other in agreements for a in other.areas.all()))
    for other in [*events, *past]:
        other.location = place
        other.save()
    for other in networks:
        other.seat = place
        other.save()

    projects = ProjectFactory.create_batch(n)
    project = projects[0]
    for i, other in enumerate(projects):
        ProjectPartnerFactory(project=other, place=place)
        ProjectPartnerFactory(project=project, place=places[i])
        ResultFactory(project=project)
        other.themes.add(ThemeFactory())
        other.objectives.add(objectives[0])
    project.themes.add(*(t for other in projects for t in other.themes.all()))
    project.news_items.add(*items)
    project.events.add(*events, *past)
    project.networks.add(*networks)
    project.agreements.add(*agreements)
    project.objectives.add(*objectives)

    visits = [VisitFactory(places=[place]) for _ in range(n)]
    visit = visits[0]
    visit.places.add(*places)
    visit.networks.add(*networks)
    visit.agreements.add(*agreements)
    visit.events.add(*past)
    visit.objectives.add(*objectives)
    for other in visits:
        ParticipantFactory(visit=visit)
        GiftFactory(visit=visit)
        CostFactory(visit=other)
    visit.costs_final = True
    visit.save()

    pages = [PageFactory() for _ in range(n)]
    return {
        "project": project,
        "visit": visit,
        "agreement": agreement,
        "place": place,
        "item": item,
        "event": event,
        "past_event": past[0],
        "network": network,
        "forum": forum,
        "plan": plan,
        "objective": objectives[0],
        "page": pages[0],
    }


@pytest.fixture
def content(db, chrome, make_image):
    """build_content(n) with one image shared by everything."""
    image = make_image()

    def make(n: int) -> dict:
        with translation.override("ca"):
            return build_content(n, image)

    return make
