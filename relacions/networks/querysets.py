"""The networks app's query vocabulary.

Dates: a membership (or position) is "in force" on a day when the day falls between `since` and
`until`, both included; an empty `since` means "from a date not recorded", an empty `until`
"still running".

Related content: news and events stand on this app (they declare relations to Network, Forum,
WorkingGroup and ChallengeArea), so this app never imports them. `related_content_prefetches()`
reads the reverse relations that exist on a model when the query is built and skips the others,
so a page works (and keeps its query count) with or without those apps.
"""

import datetime

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.db import models
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, Subquery, Sum
from django.db.models.functions import JSONObject
from django.utils import timezone
from modeltranslation.utils import build_localized_fieldname

from relacions.core.models import Publishable, PublishableQuerySet

RELATED_LIMIT = 5
# Reverse accessor (the related_name news and events declare) → the extra queryset method that
# selects what a visitor should see besides `published()`.
RELATED_CONTENT = (("news_items", None), ("events", "upcoming"))


def _today(today: datetime.date | None = None) -> datetime.date:
    return today or timezone.localdate()


def in_force_q(today: datetime.date, prefix: str = "") -> Q:
    return (Q(**{f"{prefix}since__isnull": True}) | Q(**{f"{prefix}since__lte": today})) & (
        Q(**{f"{prefix}until__isnull": True}) | Q(**{f"{prefix}until__gte": today})
    )


def related_content_prefetches(model, limit: int = RELATED_LIMIT) -> list[Prefetch]:
    """One prefetch per related content type that exists (`related_news_items`, `related_events`
    on each object): published items only, upcoming ones for events, at most `limit` each."""
    relations = {rel.get_accessor_name(): rel for rel in model._meta.related_objects}
    prefetches = []
    for accessor, method in RELATED_CONTENT:
        rel = relations.get(accessor)
        if rel is None:
            continue
        queryset = rel.related_model._default_manager.all()
        if not callable(getattr(queryset, "published", None)):
            continue
        queryset = queryset.published()
        if method and callable(getattr(queryset, method, None)):
            queryset = getattr(queryset, method)()
        prefetches.append(
            Prefetch(accessor, queryset=queryset[:limit], to_attr=f"related_{accessor}")
        )
    return prefetches


def _related_model(model, accessor: str):
    return model._meta.get_field(accessor).related_model


class NetworkQuerySet(PublishableQuerySet):
    def with_active_first(self, today: datetime.date | None = None):
        """Annotate `is_active_member` and order the networks Terrassa is an active member of
        first, then by name."""
        memberships = _related_model(self.model, "memberships").objects.active(today)
        return self.annotate(
            is_active_member=Exists(memberships.filter(network=OuterRef("pk")))
        ).order_by("-is_active_member", "name", "pk")

    def with_memberships(self):
        timeline = _related_model(self.model, "memberships").objects.for_timeline()
        return self.prefetch_related(Prefetch("memberships", queryset=timeline))

    def with_logo(self):
        return self.select_related("logo").prefetch_related("logo__renditions")

    def for_listing(self):
        # Twin cities are agreements (relacions.agreements): a row of the former kind left by
        # the move (one with forums of its own) is not listed among the networks.
        return (
            self.published()
            .exclude(kind="twinning")
            .with_logo()
            .with_memberships()
            .with_active_first()
        )

    def for_detail(self):
        return self.published().for_page()

    def for_page(self):
        """What the network's page shows, published or not (for_detail() and the preview).

        Two reads the page needs are folded into others, so it keeps to eight queries: the
        logo's renditions come as a JSON array in the network's own row (`logo_renditions`),
        and each working group carries the ids of its forums (`forum_ids`), which are the
        network's own. `prepare_network_page()` puts both in place; without it the page still
        renders (the renditions are read by one more query) except for the groups' forums.
        """
        forums = _related_model(self.model, "forums").objects.published().order_by("name", "pk")
        groups = _related_model(self.model, "working_groups").objects.with_forum_ids()
        return (
            self.select_related("logo")
            .annotate(logo_renditions=logo_renditions(self.model))
            .with_memberships()
            .prefetch_related(
                Prefetch("forums", queryset=forums, to_attr="public_forums"),
                Prefetch("working_groups", queryset=groups, to_attr="all_working_groups"),
                *related_content_prefetches(self.model),
            )
        )


# What a challenge area lists of each event tied to it (what templates/networks/forum_detail.html
# shows); the translated ones in every language.
TIED_EVENT_FIELDS = ("id", "start")
TIED_EVENT_TRANSLATED_FIELDS = ("title", "slug")


def tied_events(area_model, limit: int = RELATED_LIMIT) -> ArraySubquery | None:
    """The published events tied to each challenge area, past ones included (the work done on
    the challenge), newest first, at most `limit`: JSON objects in the area's own row, so the
    forum's page reads them with no query of their own (`prepare_forum_page()` makes them
    events again). None while the events app is not installed."""
    relation = next(
        (rel for rel in area_model._meta.related_objects if rel.get_accessor_name() == "events"),
        None,
    )
    if relation is None:
        return None
    names = [
        *TIED_EVENT_FIELDS,
        *(
            build_localized_fieldname(field, language)
            for field in TIED_EVENT_TRANSLATED_FIELDS
            for language, _name in settings.LANGUAGES
        ),
    ]
    events = relation.related_model._default_manager.published().filter(
        **{relation.field.name: OuterRef("pk")}
    )
    as_json = events.annotate(data=JSONObject(**{name: name for name in names}))
    return ArraySubquery(as_json.values("data")[:limit])


def prepare_forum_page(forum) -> None:
    """Finish a forum loaded by `for_page()`: each challenge area's `related_events`, from the
    JSON its row carries."""
    for area in forum.challenge_areas.all():
        rows = getattr(area, "tied_events", None) or []
        model = area._meta.get_field("events").related_model if rows else None
        area.related_events = [
            model(
                **{
                    name: model._meta.get_field(name).to_python(value)
                    for name, value in row.items()
                }
            )
            for row in rows
        ]


RENDITION_FIELDS = ("id", "image_id", "width", "height", "format", "file")


def logo_renditions(network_model) -> ArraySubquery:
    """The renditions of a network's logo, each a JSON object, for `prepare_network_page()`."""
    image = _related_model(network_model, "logo")
    renditions = image._meta.get_field("renditions").related_model.objects.filter(
        image=OuterRef("logo_id")
    )
    as_json = renditions.annotate(data=JSONObject(**{name: name for name in RENDITION_FIELDS}))
    return ArraySubquery(as_json.values("data"))


def prepare_network_page(network) -> None:
    """Finish a network loaded by `for_page()`: the logo's renditions and each working group's
    forums, from what that query already read."""
    rows = getattr(network, "logo_renditions", None)
    if network.logo is not None and rows is not None:
        rendition = network.logo._meta.get_field("renditions").related_model
        renditions = network.logo.renditions.all()
        # What prefetch_related("logo__renditions") leaves in the image: its renditions read.
        renditions._result_cache = [rendition(**row) for row in rows]
        renditions._prefetch_done = True
        network.logo._prefetched_objects_cache = {"renditions": renditions}
    forums = network.public_forums
    for group in network.all_working_groups:
        ids = set(group.forum_ids)
        group.public_forums = [forum for forum in forums if forum.pk in ids]


class ForumQuerySet(PublishableQuerySet):
    def published(self, now=None):
        """A forum is public only while its network is too."""
        return super().published(now).filter(Publishable.published_q(now, prefix="network__"))

    def by_network_slug(self, slug: str):
        network_model = _related_model(self.model, "network")
        return self.filter(network__in=network_model.objects.by_slug(slug))

    def for_detail(self):
        return self.published().for_page()

    def for_page(self):
        """What the forum's page shows, published or not (for_detail() and the preview)."""
        groups = _related_model(self.model, "working_groups").objects.for_listing()
        area_model = _related_model(self.model, "challenge_areas")
        areas = area_model.objects.all()
        if (events := tied_events(area_model)) is not None:
            areas = areas.annotate(tied_events=events)
        return self.select_related("network").prefetch_related(
            Prefetch("challenge_areas", queryset=areas),
            Prefetch("working_groups", queryset=groups, to_attr="all_working_groups"),
            *related_content_prefetches(self.model),
        )

    def for_objective_timeline(self):
        # Read by the mandate app for an objective's page: get_absolute_url needs the network.
        return self.published().select_related("network")


class WorkingGroupQuerySet(models.QuerySet):
    def with_forum_ids(self):
        """Annotate `forum_ids`: the ids of the group's forums (no query per group)."""
        links = self.model.forums.through.objects.filter(workinggroup=OuterRef("pk"))
        return self.annotate(forum_ids=ArraySubquery(links.order_by().values("forum_id")))

    def for_listing(self):
        forums = (
            _related_model(self.model, "forums")
            .objects.published()
            .select_related("network")
            .order_by("name", "pk")
        )
        return self.prefetch_related(Prefetch("forums", queryset=forums, to_attr="public_forums"))


class MembershipQuerySet(models.QuerySet):
    def in_force(self, today: datetime.date | None = None):
        return self.filter(in_force_q(_today(today)))

    def active(self, today: datetime.date | None = None):
        return self.in_force(today).filter(status=self.model.Status.ACTIVE)

    def overlapping(self, *, since: datetime.date | None, until: datetime.date | None):
        """Memberships whose dates share at least one day with since–until."""
        query = Q()
        if since is not None:
            query &= Q(until__isnull=True) | Q(until__gte=since)
        if until is not None:
            query &= Q(since__isnull=True) | Q(since__lte=until)
        return self.filter(query)

    def renewal_due(self, *, within_days: int, today: datetime.date | None = None):
        """Memberships still running whose renewal date falls in the next `within_days` days
        (today included)."""
        today = _today(today)
        return self.exclude(status=self.model.Status.ENDED).filter(
            renewal_date__gte=today, renewal_date__lte=today + datetime.timedelta(days=within_days)
        )

    def with_fee_for(self, year: int):
        """Annotate `year_fee`: the fee of `year`, or None."""
        fees = _related_model(self.model, "fees").objects.filter(
            membership=OuterRef("pk"), year=year
        )
        return self.annotate(year_fee=Subquery(fees.values("amount")[:1]))

    def for_timeline(self):
        return self.order_by(F("since").asc(nulls_first=True), "pk")

    def for_admin(self):
        return self.select_related("network")

    def for_objective_timeline(self):
        # Read by the mandate app: what the public may know of a membership is its network's
        # page, so only memberships of published networks are listed.
        return self.filter(Publishable.published_q(prefix="network__")).select_related("network")


class MembershipFeeQuerySet(models.QuerySet):
    def totals_per_year(self):
        """[{"year", "total", "count"}], newest year first."""
        return (
            self.order_by()
            .values("year")
            .annotate(total=Sum("amount"), count=Count("pk"))
            .order_by("-year")
        )


class PositionQuerySet(models.QuerySet):
    def for_display(self):
        return self.select_related("network", "forum__network", "working_group").order_by(
            F("start").desc(nulls_last=True), "pk"
        )

    def _public_bodies(self):
        # A position in a draft forum would reveal the forum: leave it out.
        return self.filter(Q(forum__isnull=True) | Publishable.published_q(prefix="forum__"))

    def held_in_network(self, network):
        """Positions in the network itself, its forums and its working groups."""
        return (
            self.filter(
                Q(network=network) | Q(forum__network=network) | Q(working_group__network=network)
            )
            ._public_bodies()
            .for_display()
        )

    def held_in_forum(self, forum):
        """Positions in the forum and in the working groups under it."""
        groups = _related_model(self.model, "working_group").objects.filter(forums=forum)
        return self.filter(Q(forum=forum) | Q(working_group__in=groups)).for_display()
