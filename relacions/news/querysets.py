import datetime
from types import SimpleNamespace

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, Subquery
from django.db.models.functions import JSONObject

from relacions.core.declaration import year_bounds
from relacions.core.models import Publishable, PublishableQuerySet
from relacions.core.translated import localized_names
from relacions.events.models import Event
from relacions.networks.fragments import public_networks
from relacions.networks.models import Forum, Network

# Newest first; the primary key breaks ties between items of the same day, so previous / next
# and pagination agree on one order.
NEWEST_FIRST = ("-published_on", "-pk")


class NewsQuerySet(PublishableQuerySet):
    def for_listing(self, now=None):
        """Items published at `now`, newest first, with their images; the networks a card shows
        are fetched by its fragment (`fragments.CARD`), for the cards the cache does not have."""
        return self.published(now).select_related("image").order_by(*NEWEST_FIRST)

    def for_feed(self):
        return self.published().prefetch_related(public_networks()).order_by(*NEWEST_FIRST)

    def for_detail(self):
        """An item with its image; the related objects the page links to are fetched by its
        article's fragment (`fragments.ARTICLE`) when the cache does not have it."""
        return self.select_related("image")

    def featured(self):
        return self.filter(featured=True)

    def in_year(self, year: int):
        return self.published_between(*year_bounds(year))

    def published_between(self, first: datetime.date, last: datetime.date):
        """Items dated from `first` to `last`, both included (as days: a prepared list's page
        takes them as values, where the ORM would turn a year into them)."""
        return self.filter(published_on__range=(first, last))

    def for_network(self, network: "int | str"):
        """Items linked to a network, given by id or by its slug in any language (so a filtered
        address still works after the visitor switches language)."""
        through = self.model.networks.through
        if isinstance(network, int):
            match = Q(network_id=network)
        else:
            match = Q()
            for language, _name in settings.LANGUAGES:
                match |= Q(**{f"network__slug_{language}": network})
        # EXISTS rather than a join: an item is listed once even if two networks matched.
        links = through.objects.filter(match, newsitem=OuterRef("pk"))
        return self.filter(Exists(links))

    def about_networks(self, now=None):
        """Items linked to a network or a forum that the public may see (an item linked only to
        a hidden one shows no network: it is not news of a network)."""
        networks = self.model.networks.through.objects.filter(
            Network.published_q(now, prefix="network__"), newsitem=OuterRef("pk")
        )
        forums = self.model.forums.through.objects.filter(
            Forum.published_q(now, prefix="forum__"),
            Network.published_q(now, prefix="forum__network__"),
            newsitem=OuterRef("pk"),
        )
        return self.filter(Exists(networks) | Exists(forums))

    def about_events(self, now=None):
        """Items linked to an event that the public may see."""
        events = self.model.events.through.objects.filter(
            Event.published_q(now, prefix="event__"), newsitem=OuterRef("pk")
        )
        return self.filter(Exists(events))

    def about_agreements(self, now=None):
        """Items linked to an agreement that the public may see (read through the agreements'
        own link, `Agreement.news_items`: this app does not import that one)."""
        agreements = self.model.agreements.through.objects.filter(
            Publishable.published_q(now, prefix="agreement__"), newsitem=OuterRef("pk")
        )
        return self.filter(Exists(agreements))

    def without_top_featured(self, count: int, now=None):
        """Everything but the `count` featured items a page shows first at `now` (home page: the
        latest news after the featured ones, with no item twice), in the same query."""
        top = self.model.objects.published(now).featured().order_by(*NEWEST_FIRST).values("pk")
        return self.exclude(pk__in=top[:count])

    def years(self):
        """The years that have published news, newest first, in one query."""
        return [day.year for day in self.published().dates("published_on", "year", order="DESC")]

    def linked_networks(self):
        """The networks (that the public may see) linked to these items, for the list's filter."""
        links = self.model.networks.through.objects.filter(
            network=OuterRef("pk"), newsitem__in=self.values("pk")
        )
        return Network.objects.published().filter(Exists(links))

    def newer_than(self, item):
        # The first condition repeats what the second implies: it lets PostgreSQL start its walk
        # of the date index at the item's date instead of reading every other item.
        return self.filter(
            Q(published_on__gte=item.published_on),
            Q(published_on__gt=item.published_on)
            | Q(published_on=item.published_on, pk__gt=item.pk),
        ).order_by("published_on", "pk")

    def older_than(self, item):
        return self.filter(
            Q(published_on__lte=item.published_on),
            Q(published_on__lt=item.published_on)
            | Q(published_on=item.published_on, pk__lt=item.pk),
        ).order_by(*NEWEST_FIRST)

    def with_adjacent(self, now):
        """Each item with `older` and `newer`: the item just older and the one just newer among
        those published at `now`, as what a link to it shows — {"id", "title_<language>"…,
        "slug_<language>"…} — or None; read in the items' own query."""
        outer = SimpleNamespace(published_on=OuterRef("published_on"), pk=OuterRef("pk"))
        fields = ["id", *localized_names("title", "slug")]
        public = self.model.objects.published(now)

        def link(neighbours):
            # annotate() then values(): modeltranslation's values() with an expression adds
            # every field.
            as_json = neighbours.annotate(link=JSONObject(**{name: name for name in fields}))
            return Subquery(as_json.values("link")[:1])

        return self.annotate(
            older=link(public.older_than(outer)), newer=link(public.newer_than(outer))
        )
