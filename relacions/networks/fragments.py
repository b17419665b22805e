"""The networks' rendered fragments, kept in the cache under what they show
(relacions.operations.pagecache.fragments): a network's card in the directory, a network's page
body (its description and Terrassa's membership; its forums), a working group and a forum's
challenge area.

What a fragment cannot show, and stays in the page: the positions (a network's are in the
network, its forums and its working groups: no one relation leads to them all). The related news
and upcoming events of a network or a forum are a fragment: its stamp holds the few the page
shows (the newest news, the next events), chosen at the request's moment.

A working group lists its forums, and a challenge area its events: each is a fragment of its own
(one per group, one per area) rather than part of its network's or forum's body, since a
fragment's relations are one deep (its stamp would not see a group's forums change).
"""

from django.db.models import Prefetch
from django.utils import timezone

from relacions.operations.pagecache.fragments import Fragment

from .models import ChallengeArea, Forum, Membership, Network
from .querysets import related_content

# How many events a challenge area lists (newest first).
TIED_EVENTS = 5


def local_date(obj) -> str:
    """Which membership is current (the summary, the timeline's highlight) changes with the day."""
    return timezone.localdate().isoformat()


def public_networks(now=None) -> Prefetch:
    """An object's networks the public may see (news, events, agreements, projects, visits)."""
    return Prefetch("networks", queryset=Network.objects.published(now))


def memberships(now=None) -> Prefetch:
    # Every membership of the network (a listed one: all public), oldest first.
    return Prefetch("memberships", queryset=Membership.objects.for_timeline())


def network_forums(now=None) -> Prefetch:
    # Their network is the fragment's object: the forums' addresses need nothing more.
    forums = Forum.objects.published(now).order_by("name", "pk")
    return Prefetch("forums", queryset=forums, to_attr="public_forums")


def group_forums(now=None) -> Prefetch:
    # A forum's address names its network.
    forums = Forum.objects.published(now).select_related("network").order_by("name", "pk")
    return Prefetch("forums", queryset=forums, to_attr="public_forums")


def area_events(now=None) -> Prefetch:
    """The published events tied to a challenge area, newest first (the template shows the first
    TIED_EVENTS). The events app stands on this one: its model is read from the relation."""
    events = ChallengeArea._meta.get_field("events").related_model
    queryset = events._default_manager.published(now).order_by("-start", "-pk")
    return Prefetch("events", queryset=queryset, to_attr="all_tied_events")


def related_news(now=None) -> Prefetch:
    """A network's or a forum's newest published news (RELATED_LIMIT)."""
    return related_content("news_items", None, now)


def related_events(now=None) -> Prefetch:
    """A network's or a forum's next events, those under way included (RELATED_LIMIT)."""
    return related_content("events", "upcoming", now)


# A network in the directory: with a year (and a kind of change), that year's memberships,
# filtered from all of them (`year` and `membership` are the card's parameters, so each filter
# has its own fragments).
CARD = Fragment(
    "networks/_network_card.html",
    prefetch=(memberships,),
    related=("logo",),
    name="network",
    moment=local_date,
)
# A network's page, below its header: its description and Terrassa's membership.
DETAIL = Fragment(
    "networks/_network_body.html", prefetch=(memberships,), name="network", moment=local_date
)
# A network's page, after the positions: its public forums.
FORUMS = Fragment("networks/_network_forums.html", prefetch=(network_forums,), name="network")
# A working group (a network's page, a forum's), with the public forums it works under.
WORKING_GROUP = Fragment("networks/_working_group.html", prefetch=(group_forums,), name="group")
# A forum's challenge area, with the events tied to it.
CHALLENGE_AREA = Fragment("networks/_challenge_area.html", prefetch=(area_events,), name="area")
# A network's or a forum's related content: its next events and newest news.
RELATED = Fragment(
    "networks/_related_content.html", prefetch=(related_events, related_news), name="item"
)
