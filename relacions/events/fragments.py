"""The agenda's rendered fragments, kept in the cache under what they show
(relacions.operations.pagecache.fragments): an event's card, and its page's body."""

from django.db.models import Prefetch
from django.utils import timezone

from relacions.mandate.fragments import public_objectives
from relacions.networks.fragments import public_networks
from relacions.networks.models import ChallengeArea, Forum
from relacions.operations.pagecache.fragments import Fragment


def public_forum(now=None) -> Prefetch:
    # A hidden forum reads as no forum; its address names its network.
    return Prefetch("forum", queryset=Forum.objects.published(now).select_related("network"))


def public_challenge_areas(now=None) -> Prefetch:
    # The challenges of a public forum only.
    forums = Forum.objects.published(now)
    return Prefetch("challenge_areas", queryset=ChallengeArea.objects.filter(forum__in=forums))


def latest_events(now=None) -> Prefetch:
    """An object's events the public may see, latest first (agreements, projects, visits)."""
    from .models import Event  # this module is imported by the models' querysets

    return Prefetch("events", queryset=Event.objects.published(now).order_by("-start", "-pk"))


def phase(event, now=None) -> str:
    """What the page's text says of the clock: whether the event has ended (its outcomes, no
    online link nor registration shown), else whether its registration is still open."""
    now = now or timezone.now()
    if event.has_ended(now):
        return "ended"
    return "registration-open" if event.is_registration_open(now) else "to-come"


# A card in a list (the agenda, a month, the archive, the home page's next events). Its text does
# not depend on the clock: the dates, the place, the status (scheduled, postponed, cancelled).
CARD = Fragment("events/_card.html", related=("image", "location"), name="event")
# An event's page below its header: facts, image, description, outcomes, and the related content
# the page links to (only what the public may see, so the page never links to a 404).
DETAIL = Fragment(
    "events/_detail.html",
    prefetch=(public_forum, public_networks, public_challenge_areas, public_objectives),
    related=("image", "location", "working_group"),
    name="event",
    moment=phase,
)
