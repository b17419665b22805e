"""Visits and delegations: the trips abroad of the city's elected officials and staff (outgoing)
and the delegations the city receives (incoming), with who took part, what they served, what
came of them, what they cost and the gifts received.

The publication rule is stricter than other content's: a visit is public only when it is
published *and* it has ended (its end date has passed in the site's time zone), so no one learns
from this site where the mayor will be. Its costs are public only once an Administrator marks them
final (`costs_final`, permission `visits.publish_costs`); `VISITS_COSTS_PUBLIC_WITHIN_DAYS` says
how long after the end that may take at the latest (Barcelona publishes within three months).
The rule is written once, in `published_q()` / `publication_state()` below, so the pages, search,
the sitemap, the place pages and open data all apply the same one.
"""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from relacions.core.addresses import reverse
from relacions.core.fields import RichTextField
from relacions.core.models import Publishable
from relacions.core.money import NEGATIVE_AMOUNT, amount_field
from relacions.networks.files import validate_document_size, validate_pdf

from .querysets import VisitQuerySet

# The related objects of each kind a visit's page shows, at most.
RELATED_LIMIT = 20

END_BEFORE_START = _("The end date cannot be earlier than the start date.")
FINAL_BEFORE_END = _("The costs cannot be marked final before the visit has ended.")
PUBLISH_COSTS_PERMISSION = "visits.publish_costs"


def local_today(now: datetime.datetime | None = None) -> datetime.date:
    """Today in the site's time zone (Europe/Madrid), whatever time zone is active."""
    return timezone.localdate(now or timezone.now(), timezone.get_default_timezone())


def end_moment(ends_on: datetime.date) -> datetime.datetime:
    """The moment a visit that ends on `ends_on` has ended: the next local midnight."""
    following = ends_on + datetime.timedelta(days=1)
    return datetime.datetime.combine(
        following, datetime.time.min, tzinfo=timezone.get_default_timezone()
    )


class Visit(Publishable):
    class Direction(models.TextChoices):
        OUTGOING = "outgoing", pgettext_lazy("visit direction", "Outgoing")
        INCOMING = "incoming", pgettext_lazy("visit direction", "Incoming")

    class Purpose(models.TextChoices):
        INSTITUTIONAL = "institutional", _("Institutional relations")
        NETWORK = "network", _("Network meeting or forum")
        PROJECT = "project", _("European or international project")
        TWINNING = "twinning", _("Twinning or cooperation")
        PROMOTION = "promotion", _("Promotion of the city")
        LEARNING = "learning", _("Study visit or exchange of practice")
        OTHER = "other", _("Other purpose")

    direction = models.CharField(
        _("direction"),
        max_length=8,
        choices=Direction.choices,
        db_index=True,
        help_text=_(
            "Outgoing: the city's people travel. Incoming: a delegation comes to the city."
        ),
    )
    title = models.CharField(
        _("title"), max_length=200, help_text=_("E.g. “Delegation from Pamiers”.")
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(
        _("ends on"),
        help_text=_("The visit becomes public (if published) the day after this date."),
    )
    places = models.ManyToManyField(
        "places.Place",
        verbose_name=_("places"),
        related_name="visits",
        help_text=_("Where the city's people went, or where the delegation came from."),
    )
    counterpart = models.CharField(
        _("host or visiting organisation"),
        max_length=200,
        blank=True,
        help_text=_("Who received the city's people, or whom the delegation represented."),
    )
    purpose_category = models.CharField(
        _("purpose category"), max_length=15, choices=Purpose.choices, db_index=True
    )
    purpose = models.TextField(_("purpose"), help_text=_("Why the visit took place."))
    outcome = RichTextField(
        _("outcome"), blank=True, help_text=_("What came of the visit: the report's summary.")
    )
    report = models.FileField(
        _("report"),
        upload_to="visits/%Y/",
        validators=[validate_pdf, validate_document_size],
        blank=True,
        help_text=_("A public PDF."),
    )
    costs_final = models.BooleanField(
        _("costs are final"),
        default=False,
        help_text=_("Only Administrators may mark them: the costs are then published."),
    )
    costs_final_on = models.DateField(_("costs final since"), null=True, blank=True)
    # What the visit served; declared here so the apps below need not know this one.
    networks = models.ManyToManyField(
        "networks.Network", verbose_name=_("networks"), blank=True, related_name="visits"
    )
    agreements = models.ManyToManyField(
        "agreements.Agreement", verbose_name=_("agreements"), blank=True, related_name="visits"
    )
    projects = models.ManyToManyField(
        "projects.Project", verbose_name=_("projects"), blank=True, related_name="visits"
    )
    events = models.ManyToManyField(
        "events.Event", verbose_name=_("events"), blank=True, related_name="visits"
    )
    objectives = models.ManyToManyField(
        "mandate.Objective",
        verbose_name=_("contributes to"),
        blank=True,
        related_name="visits",
        help_text=_("The Pla de Mandat objectives this visit serves."),
    )

    objects = VisitQuerySet.as_manager()

    class Meta:
        verbose_name = _("visit")
        verbose_name_plural = _("visits")
        ordering = ("-starts_on", "pk")
        permissions = (("publish_costs", _("Can mark a visit's costs final (publish them)")),)
        constraints = (
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="visits_visit_ends_after_start",
                violation_error_message=END_BEFORE_START,
            ),
            models.CheckConstraint(
                condition=Q(costs_final=False) | Q(costs_final_on__gt=F("ends_on")),
                name="visits_visit_costs_final_after_end",
                violation_error_message=FINAL_BEFORE_END,
            ),
        )

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self._derive_costs_final_on()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("visits:detail", kwargs={"slug": self.slug})

    def clean(self):
        self._derive_costs_final_on()
        super().clean()
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = ValidationError(END_BEFORE_START, code="end_before_start")
        elif self.costs_final and self.ends_on and not self.has_ended():
            errors["costs_final"] = ValidationError(FINAL_BEFORE_END, code="final_before_end")
        if errors:
            raise ValidationError(errors)

    def _derive_costs_final_on(self):
        if not self.costs_final:
            self.costs_final_on = None
        elif self.costs_final_on is None:
            self.costs_final_on = local_today()

    # The publication rule (see the module's docstring), mirrored on one object below.
    @classmethod
    def ended_q(cls, now=None, prefix: str = "") -> Q:
        return Q(**{f"{prefix}ends_on__lt": local_today(now)})

    @classmethod
    def published_q(cls, now=None, prefix: str = "") -> Q:
        return super().published_q(now, prefix) & cls.ended_q(now, prefix)

    @classmethod
    def scheduled_q(cls, now=None, prefix: str = "") -> Q:
        """Published and waiting: for its `publish_at`, or for the visit to end."""
        live_but_not_ended = super().published_q(now, prefix) & ~cls.ended_q(now, prefix)
        return super().scheduled_q(now, prefix) | live_but_not_ended

    def has_ended(self, now=None) -> bool:
        return self.ends_on < local_today(now)

    def publication_state(self, now=None) -> Publishable.State:
        state = super().publication_state(now)
        if state == self.State.LIVE and not self.has_ended(now):
            return self.State.SCHEDULED
        return state

    def public_from(self) -> datetime.datetime:
        """The moment the visit may be seen: its `publish_at` or its end, whichever is later."""
        ended = end_moment(self.ends_on)
        return max(self.publish_at, ended) if self.publish_at else ended

    def costs_public(self) -> bool:
        return self.costs_final

    def costs_due_on(self) -> datetime.date:
        """The day by which the costs must be public (VISITS_COSTS_PUBLIC_WITHIN_DAYS)."""
        return self.ends_on + datetime.timedelta(days=settings.VISITS_COSTS_PUBLIC_WITHIN_DAYS)

    def place_list(self) -> list:
        """The places (reads `places` as prefetched by the querysets)."""
        return list(self.places.all())

    # What the visit's page shows, from the rows `for_page()` annotates (participants_shown,
    # gifts_shown, costs_shown) and the relations its fragment prefetches (visits.fragments).
    def participants_listed(self) -> list[dict]:
        return [
            {**row, "role_label": Participant.Role(row["role"]).label}
            for row in self.participants_shown
        ]

    def gifts_listed(self) -> list[dict]:
        return [
            {
                **row,
                "estimated_value": _amount(row["estimated_value"]),
                "fate_label": Gift.Fate(row["fate"]).label,
            }
            for row in self.gifts_shown
        ]

    def costs_listed(self) -> list[dict]:
        """The final costs (only final ones ever come from the database)."""
        if not self.costs_public():
            return []
        return [
            {
                "amount": _amount(row["amount"]),
                "concept_label": Cost.Concept(row["concept"]).label,
                "paid_by_label": Cost.Payer(row["paid_by"]).label,
            }
            for row in self.costs_shown
        ]

    def cost_total(self) -> Decimal:
        return sum((cost["amount"] for cost in self.costs_listed()), start=Decimal(0))

    def related_shown(self) -> dict[str, list]:
        """What the visit served that the public may see, at most RELATED_LIMIT of each."""
        return {
            name: list(getattr(self, name).all())[:RELATED_LIMIT]
            for name in ("networks", "agreements", "projects", "events", "objectives")
        }


def _amount(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


class Participant(models.Model):
    """Who took part, by role. Elected officials are public office holders: their names are
    public. Staff and other people are listed by their role only (their names are never asked)."""

    class Role(models.TextChoices):
        ELECTED = "elected", _("Elected official")
        STAFF = "staff", _("Staff")
        OTHER = "other", _("Other participant")

    visit = models.ForeignKey(
        Visit, verbose_name=_("visit"), on_delete=models.CASCADE, related_name="participants"
    )
    role = models.CharField(_("role"), max_length=8, choices=Role.choices)
    name = models.CharField(
        _("name"),
        max_length=200,
        blank=True,
        help_text=_("Elected officials only: their public name. Leave empty for anyone else."),
    )
    position = models.CharField(
        _("position"),
        max_length=200,
        help_text=_(
            "E.g. “Mayor”, “Councillor for Culture”, “Officer of the international office”."
        ),
    )
    count = models.PositiveSmallIntegerField(
        _("number of people"), default=1, help_text=_("For several people in the same position.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ("order", "pk")
        constraints = (
            models.CheckConstraint(
                condition=Q(role="elected") | Q(name=""),
                name="visits_participant_name_only_elected",
                violation_error_message=_(
                    "Only elected officials are named: leave the name of staff and other "
                    "participants empty."
                ),
            ),
        )

    def __str__(self):
        return f"{self.name} ({self.position})" if self.name else self.position

    def clean(self):
        super().clean()
        if self.role == self.Role.ELECTED and not self.name:
            raise ValidationError(
                {"name": _("Give the public name of the elected official.")},
                code="elected_without_name",
            )
        if self.role != self.Role.ELECTED and self.name:
            raise ValidationError(
                {
                    "name": _(
                        "Only elected officials are named: leave the name of staff and other "
                        "participants empty."
                    )
                },
                code="name_not_public",
            )


class Cost(models.Model):
    """One cost of the visit: its concept, who paid it and how much, in euros."""

    class Concept(models.TextChoices):
        TRANSPORT = "transport", _("Transport")
        LODGING = "lodging", _("Lodging")
        SUBSISTENCE = "subsistence", _("Subsistence")
        REGISTRATION = "registration", _("Registration fees")
        OTHER = "other", _("Other costs")

    class Payer(models.TextChoices):
        CITY = "city", _("The City Council")
        EU_PROJECT = "eu_project", _("An EU project")
        HOST = "host", _("The host")

    visit = models.ForeignKey(
        Visit, verbose_name=_("visit"), on_delete=models.CASCADE, related_name="costs"
    )
    concept = models.CharField(_("concept"), max_length=12, choices=Concept.choices)
    paid_by = models.CharField(_("paid by"), max_length=10, choices=Payer.choices)
    amount = amount_field(_("amount (EUR)"), max_digits=10)

    class Meta:
        verbose_name = _("cost")
        verbose_name_plural = _("costs")
        ordering = ("concept", "paid_by", "pk")
        constraints = (
            models.CheckConstraint(
                condition=Q(amount__gte=0),
                name="visits_cost_amount_not_negative",
                violation_error_message=NEGATIVE_AMOUNT,
            ),
        )

    def __str__(self):
        return f"{self.get_concept_display()} · {self.get_paid_by_display()}"


class Gift(models.Model):
    """A gift received during the visit, its estimated value and what was done with it."""

    class Fate(models.TextChoices):
        REGISTER = "register", _("Kept in the municipal collection")
        DISPLAYED = "displayed", _("On display in a municipal building")
        DONATED = "donated", _("Donated")
        RETURNED = "returned", _("Returned")
        OTHER = "other", _("Other")

    visit = models.ForeignKey(
        Visit, verbose_name=_("visit"), on_delete=models.CASCADE, related_name="gifts"
    )
    description = models.CharField(_("description"), max_length=300)
    received_by = models.CharField(
        _("received by"), max_length=200, blank=True, help_text=_("The position, e.g. “Mayor”.")
    )
    estimated_value = amount_field(_("estimated value (EUR)"), max_digits=10, null=True, blank=True)
    fate = models.CharField(
        _("what was done with it"), max_length=10, choices=Fate.choices, default=Fate.REGISTER
    )

    class Meta:
        verbose_name = _("gift")
        verbose_name_plural = _("gifts")
        ordering = ("pk",)
        constraints = (
            models.CheckConstraint(
                condition=Q(estimated_value__isnull=True) | Q(estimated_value__gte=0),
                name="visits_gift_value_not_negative",
                violation_error_message=NEGATIVE_AMOUNT,
            ),
        )

    def __str__(self):
        return self.description
