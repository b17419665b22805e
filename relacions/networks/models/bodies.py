"""Networks, their forums, working groups and challenge areas, with their querysets.

Twin cities are not networks: a twinning is an agreement between two cities (relacions.agreements,
where migration 0002 moved the networks of the former kind "twinning").
"""

import datetime

import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, F, OuterRef, Prefetch, Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from relacions.core.addresses import reverse
from relacions.core.declaration import year_bounds
from relacions.core.fields import RichTextField
from relacions.core.models import Publishable, PublishableQuerySet

from .common import FORMER_TWINNING_KIND, OBJECTIVES_HELP, OBJECTIVES_LABEL
from .memberships import Membership

# The querysets first (each model's manager is made from its own), then the models; a queryset
# names the other models of this module, which exist by the time one of its methods runs.


class NetworkQuerySet(PublishableQuerySet):
    def with_active_first(self, today: datetime.date | None = None):
        """Annotate `is_active_member` and order the networks Terrassa is an active member of
        first, then by name."""
        memberships = Membership.objects.active(today)
        return self.annotate(
            is_active_member=Exists(memberships.filter(network=OuterRef("pk")))
        ).order_by("-is_active_member", "name", "pk")

    def with_memberships(self):
        timeline = Membership.objects.for_timeline()
        return self.prefetch_related(Prefetch("memberships", queryset=timeline))

    def with_logo(self):
        return self.select_related("logo")

    def listed(self):
        # Twin cities are agreements (relacions.agreements): a row of the former kind left by
        # the move (one with forums of its own) is not listed among the networks.
        return self.published().exclude(kind=FORMER_TWINNING_KIND)

    def for_listing(self):
        return self.listed().with_logo().with_memberships().with_active_first()

    def with_year_memberships(self, memberships):
        """Only the networks with one of `memberships` (a year's, `Membership.objects.of_year()`).
        The card shows them (`Network.year_memberships()`), from all the network's memberships."""
        return self.filter(Exists(memberships.filter(network=OuterRef("pk"))))

    def for_page(self):
        """What the network's page reads, published or not (the preview; the page's prepared
        queries, views.py, read the same row and working groups): its fragments (networks.fragments)
        fetch its memberships, forums, groups' forums and related news and events when they are
        rendered; its working groups are listed here (each a fragment)."""
        return self.page_row().prefetch_related(*self.page_prefetches())

    def page_row(self):
        """The network's own row on its page, with its logo."""
        return self.select_related("logo")

    def page_prefetches(self) -> list[Prefetch]:
        groups = WorkingGroup.objects.order_by("name", "pk")
        return [Prefetch("working_groups", queryset=groups, to_attr="all_working_groups")]

    def for_dataset(self):
        """The open data's rows: each network with its memberships and public forums."""
        forums = Forum.objects.published().order_by("name", "pk")
        return (
            self.published()
            .with_memberships()
            .prefetch_related(Prefetch("forums", queryset=forums, to_attr="public_forums"))
        )


class ForumQuerySet(PublishableQuerySet):
    def published(self, now=None):
        """A forum is public only while its network is too."""
        return super().published(now).filter(Publishable.published_q(now, prefix="network__"))

    def by_network_slug(self, slug: str):
        return self.filter(network__in=Network.objects.by_slug(slug))

    def for_page(self):
        """What the forum's page reads, published or not (the preview; the page's prepared
        queries, views.py, read the same row, challenge areas and working groups): its challenge
        areas and working groups are listed here (each a fragment, networks.fragments, which
        fetches their events and forums when rendered); its related news and events are
        fetched by their fragment."""
        return self.page_row().prefetch_related(*self.page_prefetches())

    def page_row(self):
        """The forum's own row on its page, with its network."""
        return self.select_related("network")

    def page_prefetches(self) -> list[Prefetch]:
        groups = WorkingGroup.objects.order_by("name", "pk")
        areas = ChallengeArea.objects.all()
        return [
            Prefetch("challenge_areas", queryset=areas, to_attr="all_challenge_areas"),
            Prefetch("working_groups", queryset=groups, to_attr="all_working_groups"),
        ]

    def for_objective_timeline(self, now=None):
        # Read by the mandate app for an objective's page: get_absolute_url needs the network.
        return self.published(now).select_related("network")

    def participating_by(self, year: int):
        """Public forums Terrassa takes part in by the end of `year`; with no start recorded, a
        forum counts (as its page shows it), and the report's check lists it."""
        since = Q(participating_since__isnull=True) | Q(
            participating_since__lte=year_bounds(year)[1]
        )
        return self.published().filter(since)

    def for_year(self, year: int):
        """What the directory lists for `year` (its network joined for the forum's address)."""
        return (
            self.participating_by(year)
            .select_related("network")
            .order_by("network__name", "name", "pk")
        )


class Network(Publishable):
    class Kind(models.TextChoices):
        CITY_NETWORK = "city-network", _("City network")
        EU_BODY = "eu-body", _("EU body")
        GLOBAL = "global", _("Global organisation")

    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(
        _("acronym"),
        max_length=30,
        blank=True,
        help_text=_("As the network writes it in each language, e.g. UCLG / CGLU."),
    )
    description = RichTextField(_("description"), blank=True)
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.CITY_NETWORK
    )
    headquarters = models.CharField(
        _("headquarters"),
        max_length=200,
        blank=True,
        help_text=_(
            "City (and country) of the secretariat. Filled in from the seat when one is chosen."
        ),
    )
    seat = models.ForeignKey(
        "places.Place",
        verbose_name=_("seat"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="network_seats",
        help_text=_("The city of the secretariat, from the register of places."),
    )
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "images.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = NetworkQuerySet.as_manager()

    class Meta:
        verbose_name = _("network")
        verbose_name_plural = _("networks")
        ordering = ("name", "pk")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if self.seat_id is not None:
            self._derive_headquarters()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("networks:detail", kwargs={"slug": self.slug})

    def _derive_headquarters(self) -> None:
        # The seat's name and country in each language, for the pages, search and open data
        # that read `headquarters` (typed by hand before the register of places).
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                setattr(self, f"headquarters_{language}", self.seat.label())

    # The methods below read `memberships` as prefetched by `with_memberships()` (sorted by date).

    def membership_timeline(self) -> list[Membership]:
        return list(self.memberships.all())

    def current_membership(self, today: datetime.date | None = None) -> Membership | None:
        current = [m for m in self.membership_timeline() if m.is_current(today)]
        return current[-1] if current else None

    def latest_membership(self) -> Membership | None:
        timeline = self.membership_timeline()
        return timeline[-1] if timeline else None

    def year_memberships(self, year: int | None, change: str | None = None) -> list[Membership]:
        """The memberships the directory filtered by `year` (and `change`) shows on the card,
        as `Membership.objects.of_year()` selects them; none without a year (a template's empty
        value)."""
        if not year:
            return []
        return [m for m in self.membership_timeline() if m.in_year(year, change or None)]

    def member_since(self, today: datetime.date | None = None) -> datetime.date | None:
        """The start of the unbroken run of memberships that leads to the current one: a change
        of category (a new row from the day after the previous one ended) does not restart it.
        None when Terrassa is not a member now or the start is not recorded."""
        current = self.current_membership(today)
        if current is None:
            return None
        timeline = self.membership_timeline()
        earlier = [
            m
            for m in timeline[: timeline.index(current)]
            if m.member_entity == current.member_entity
        ]
        start = current.since
        for membership in reversed(earlier):
            if start is None or membership.until is None:
                break
            if membership.until < start - datetime.timedelta(days=1):
                break
            start = membership.since
        return start


# Registered here, not left to its admin: the network's admin, which shows forums inline, may
# register the model first, following nothing (django-reversion keeps the first registration).
@reversion.register(follow=("challenge_areas",))
class Forum(Publishable):
    """A thematic forum of a network, e.g. the EUROCITIES Culture Forum."""

    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.PROTECT, related_name="forums"
    )
    name = models.CharField(_("name"), max_length=200)
    description = RichTextField(_("description"), blank=True)
    chair_city = models.CharField(_("chair city"), max_length=100, blank=True)
    participating_since = models.DateField(_("Terrassa participating since"), null=True, blank=True)
    objectives = models.ManyToManyField(
        "mandate.Objective",
        verbose_name=OBJECTIVES_LABEL,
        blank=True,
        related_name="forums",
        help_text=OBJECTIVES_HELP,
    )

    objects = ForumQuerySet.as_manager()

    class Meta:
        verbose_name = _("forum")
        verbose_name_plural = _("forums")
        ordering = ("name", "pk")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse(
            "networks:forum", kwargs={"network_slug": self.network.slug, "slug": self.slug}
        )

    def is_published(self, now=None) -> bool:
        """As `ForumQuerySet.published()`: public only while its network is too."""
        return super().is_published(now) and self.network.is_published(now)


class WorkingGroup(models.Model):
    """A working group of a network, under one or more of its forums (or none, when the network
    does not say)."""

    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.PROTECT, related_name="working_groups"
    )
    forums = models.ManyToManyField(
        Forum, verbose_name=_("forums"), blank=True, related_name="working_groups"
    )
    name = models.CharField(_("name"), max_length=200)
    mandate = models.TextField(_("mandate"), blank=True, help_text=_("What the group is for."))
    chair_city = models.CharField(_("chair city"), max_length=100, blank=True)
    vice_chair_city = models.CharField(_("vice-chair city"), max_length=100, blank=True)
    start = models.DateField(_("start"), null=True, blank=True)
    end = models.DateField(_("end"), null=True, blank=True)
    # Its fragments' version (networks.fragments; an event's page shows its name too).
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")
        ordering = ("name", "pk")
        constraints = (
            models.CheckConstraint(
                condition=Q(start__isnull=True) | Q(end__isnull=True) | Q(end__gte=F("start")),
                name="networks_workinggroup_end_after_start",
                violation_error_message=_("The end date cannot be earlier than the start date."),
            ),
        )

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end date cannot be earlier than the start date.")})


class ChallengeArea(models.Model):
    """One of a forum's key challenges (the five of the EUROCITIES culture strategy…)."""

    forum = models.ForeignKey(
        Forum, verbose_name=_("forum"), on_delete=models.CASCADE, related_name="challenge_areas"
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    # Its fragments' version (networks.fragments; an event's page shows its name too).
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("challenge area")
        verbose_name_plural = _("challenge areas")
        ordering = ("order", "pk")

    def __str__(self):
        return self.name
