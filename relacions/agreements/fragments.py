"""The agreements' rendered fragments, kept in the cache under what they show
(relacions.operations.pagecache.fragments): a card, and an agreement's page below its title."""

from django.db.models import Prefetch

from relacions.core.structured_data import script_of
from relacions.events.fragments import latest_events
from relacions.networks.fragments import public_networks
from relacions.news.fragments import newest_news
from relacions.operations.pagecache.fragments import Fragment

from . import structured_data
from .models import Amendment, Document, Partner


def partners(now=None) -> Prefetch:
    # A partner's place: its name, country and address.
    return Prefetch("partners", queryset=Partner.objects.select_related("place"))


def amendments(now=None) -> Prefetch:
    return Prefetch("amendments", queryset=Amendment.objects.all())


def documents(now=None) -> Prefetch:
    return Prefetch("documents", queryset=Document.objects.all())


def computed(agreement) -> str:
    """What the page's row computes besides the agreement's own fields (for_page()): its last
    activity (the latest public news or event held by now: it changes with the clock too) and
    its areas' names in the active language. Part of the detail's key, as a moment is: the
    areas (no version of their own) and the activity are read with the row, so a change to them
    gives the fragment a new key without a stamp of its own."""
    return repr((agreement.last_activity, agreement.areas_shown))


# A card in the list: kind, status, year and the partners' places.
CARD = Fragment("agreements/_card.html", prefetch=(partners,), name="agreement")
# An agreement's page below its title: parties, object, dates, obligations, timeline, documents
# and networks. Only the news, events and networks the public may see are shown.
DETAIL = Fragment(
    "agreements/_detail.html",
    prefetch=(partners, amendments, documents, public_networks, newest_news, latest_events),
    name="agreement",
    moment=computed,
)


# The page's schema.org data (structured_data.py), for its <head>: its partners and their places
# besides its own fields, fetched only when the cache does not have it.
STRUCTURED_DATA = Fragment(
    text=script_of(structured_data.agreement_data), prefetch=(partners,), name="agreement"
)
