"""The positions Terrassa holds: a role in a network, a forum or a working group."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from relacions.core.declaration import year_bounds
from relacions.core.models import Publishable

from .bodies import Forum, Network, WorkingGroup
from .common import TERRASSA_CITY_COUNCIL


class PositionQuerySet(models.QuerySet):
    def for_display(self):
        return self.select_related("network", "forum__network", "working_group").order_by(
            F("start").desc(nulls_last=True), "pk"
        )

    def public(self):
        """Positions the public pages show: in a published network, in a published forum of a
        published network, or in a working group of a published network."""
        return self.filter(
            Publishable.published_q(prefix="network__")
            | (
                Publishable.published_q(prefix="forum__")
                & Publishable.published_q(prefix="forum__network__")
            )
            | Publishable.published_q(prefix="working_group__network__")
        )

    def during(self, year: int):
        """Held at some time of `year`: not started after 31 December and not ended before 1
        January; a start not recorded counts, as for memberships (and the report's check lists
        it)."""
        first, last = year_bounds(year)
        started = Q(start__isnull=True) | Q(start__lte=last)
        return self.filter(started & (Q(end__isnull=True) | Q(end__gte=first)))

    def for_year(self, year: int):
        """What the directory lists for `year`, with the networks their bodies belong to."""
        return (
            self.public()
            .during(year)
            .select_related("network", "forum__network", "working_group__network")
            .order_by(F("start").asc(), "pk")
        )

    def _public_bodies(self, now: datetime.datetime | None = None):
        # A position in a draft forum would reveal the forum: leave it out.
        return self.filter(Q(forum__isnull=True) | Publishable.published_q(now, prefix="forum__"))

    def held_in_network(self, network, now: datetime.datetime | None = None):
        """Positions in the network (an instance or its id) itself, its forums and its working
        groups, those of forums public at `now`."""
        return (
            self.filter(
                Q(network=network) | Q(forum__network=network) | Q(working_group__network=network)
            )
            ._public_bodies(now)
            .for_display()
        )

    def held_in_forum(self, forum):
        """Positions in the forum (an instance or its id) and in the working groups under it."""
        groups = WorkingGroup.objects.filter(forums=forum)
        return self.filter(Q(forum=forum) | Q(working_group__in=groups)).for_display()


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
