"""The news's rendered fragments, kept in the cache under what they show
(relacions.operations.pagecache.fragments): a card, and an item's article."""

from django.db.models import Prefetch

from relacions.events.models import Event
from relacions.mandate.fragments import public_objectives
from relacions.networks.fragments import public_networks
from relacions.networks.models import Forum
from relacions.operations.pagecache.fragments import Fragment

from .models import NewsItem


def public_forums(now=None) -> Prefetch:
    # A forum's address names its network.
    return Prefetch("forums", queryset=Forum.objects.published(now).select_related("network"))


def public_events(now=None) -> Prefetch:
    return Prefetch("events", queryset=Event.objects.published(now).order_by("start", "pk"))


def newest_news(now=None) -> Prefetch:
    """An object's news items the public may see, newest first (agreements, projects)."""
    news = NewsItem.objects.published(now).order_by("-published_on", "-pk")
    return Prefetch("news_items", queryset=news)


# A card in a list, with the item's networks (the news list); without them (the home page).
CARD = Fragment("news/_card.html", prefetch=(public_networks,), related=("image",), name="item")
PLAIN_CARD = Fragment("news/_card.html", related=("image",), name="item")
# An item's page below its title: image, text and every related object the page links to. Only
# the related objects the public may see are shown, so the page never links to a 404.
ARTICLE = Fragment(
    "news/_article.html",
    prefetch=(public_networks, public_forums, public_events, public_objectives),
    related=("image",),
    name="item",
)
