"""Networks, their forums, working groups and challenge areas, and the positions Terrassa holds.

Twin cities are not networks: a twinning is an agreement between two cities (relacions.agreements,
where migration 0002 moved the networks of the former kind "twinning").
"""

import datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from relacions.core.fields import RichTextField
from relacions.core.models import Publishable

from ..querysets import ForumQuerySet, NetworkQuerySet, PositionQuerySet, WorkingGroupQuerySet

if TYPE_CHECKING:
    from .memberships import Membership

OBJECTIVES_LABEL = _("contributes to")
OBJECTIVES_HELP = _("The objectives of the Pla de Mandat this work serves.")
TERRASSA_CITY_COUNCIL = "Ajuntament de Terrassa"


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

    def membership_timeline(self) -> list["Membership"]:
        return list(self.memberships.all())

    def current_membership(self, today: datetime.date | None = None) -> "Membership | None":
        current = [m for m in self.membership_timeline() if m.is_current(today)]
        return current[-1] if current else None

    def latest_membership(self) -> "Membership | None":
        timeline = self.membership_timeline()
        return timeline[-1] if timeline else None

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

    objects = WorkingGroupQuerySet.as_manager()

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

    class Meta:
        verbose_name = _("challenge area")
        verbose_name_plural = _("challenge areas")
        ordering = ("order", "pk")

    def __str__(self):
        return self.name


class Position(models.Model):
    """A role Terrassa holds in exactly one body: a network, a forum or a working group."""

    BODY_FIELDS = ("network", "forum", "working_group")

    network = models.ForeignKey(
        Network,
        verbose_name=_("network"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="positions",
    )
    forum = models.ForeignKey(
        Forum,
        verbose_name=_("forum"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="positions",
    )
    working_group = models.ForeignKey(
        WorkingGroup,
        verbose_name=_("working group"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="positions",
    )
    title = models.CharField(
        _("title"), max_length=200, help_text=_("e.g. Vice-chair, Board member.")
    )
    holder = models.CharField(
        _("holder"),
        max_length=200,
        default=TERRASSA_CITY_COUNCIL,
        help_text=_("Who holds it on Terrassa's behalf, as it may be published."),
    )
    start = models.DateField(_("start"), null=True, blank=True, help_text=_("Empty if not known."))
    end = models.DateField(_("end"), null=True, blank=True, help_text=_("Empty while it lasts."))

    objects = PositionQuerySet.as_manager()

    class Meta:
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        ordering = (F("start").desc(nulls_last=True), "pk")
        constraints = (
            models.CheckConstraint(
                condition=(
                    Q(network__isnull=False, forum__isnull=True, working_group__isnull=True)
                    | Q(network__isnull=True, forum__isnull=False, working_group__isnull=True)
                    | Q(network__isnull=True, forum__isnull=True, working_group__isnull=False)
                ),
                name="networks_position_exactly_one_body",
                violation_error_message=_("Choose exactly one of network, forum or working group."),
            ),
            models.CheckConstraint(
                condition=Q(start__isnull=True) | Q(end__isnull=True) | Q(end__gte=F("start")),
                name="networks_position_end_after_start",
                violation_error_message=_("A position cannot end before it starts."),
            ),
        )

    def __str__(self):
        return f"{self.title} — {self.body}"

    def clean(self):
        super().clean()
        if sum(getattr(self, f"{field}_id") is not None for field in self.BODY_FIELDS) != 1:
            raise ValidationError(
                _("Choose exactly one of network, forum or working group."), code="body"
            )
        if self.start and self.end and self.end < self.start:
            raise ValidationError(
                {"end": _("A position cannot end before it starts.")}, code="end_before_start"
            )

    @property
    def body(self) -> Network | Forum | WorkingGroup | None:
        return self.network or self.forum or self.working_group

    def is_in_force(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return (self.start is None or self.start <= today) and (
            self.end is None or self.end >= today
        )
