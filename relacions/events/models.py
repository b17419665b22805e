import uuid
from datetime import date, datetime, time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import resolve
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField
from modeltranslation.utils import build_localized_fieldname

from relacions.core.addresses import reverse
from relacions.core.fields import RichTextField
from relacions.core.models import Publishable

from .querysets import EventQuerySet


class Event(Publishable):
    """A meeting, forum or conference of the agenda, in Terrassa or abroad, online or in person.

    Start and end are stored in UTC and shown in the site's time zone (Europe/Madrid).
    """

    class Format(models.TextChoices):
        IN_PERSON = "in-person", _("In person")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("In person and online")

    class EventStatus(models.TextChoices):
        # Named apart from Publishable.Status: this is whether the event takes place.
        SCHEDULED = "scheduled", pgettext_lazy("event status", "Scheduled")
        POSTPONED = "postponed", pgettext_lazy("event status", "Postponed")
        CANCELLED = "cancelled", pgettext_lazy("event status", "Cancelled")

    class Role(models.TextChoices):
        HOST = "host", _("Host")
        SPEAKER = "speaker", _("Speaker")
        ATTENDEE = "attendee", _("Attendee")

    uid = models.UUIDField(
        _("calendar identifier"),
        default=uuid.uuid4,
        unique=True,
        editable=False,
        help_text=_("Identifies the event in calendar applications; never changes."),
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One or two sentences, shown in lists and calendars.")
    )
    body = RichTextField(_("description"), blank=True)
    image = models.ForeignKey(
        "images.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    start = models.DateTimeField(_("start"), db_index=True)
    end = models.DateTimeField(_("end"), db_index=True)
    all_day = models.BooleanField(
        _("all day"),
        default=False,
        help_text=_("The event lasts whole days: the times are ignored and only the dates shown."),
    )
    format = models.CharField(
        _("format"), max_length=10, choices=Format.choices, default=Format.IN_PERSON
    )
    event_status = models.CharField(
        _("event status"),
        max_length=10,
        choices=EventStatus.choices,
        default=EventStatus.SCHEDULED,
        help_text=_("Postponed and cancelled events stay on the site, clearly marked."),
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    location = models.ForeignKey(
        "places.Place",
        verbose_name=_("city or region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
        help_text=_("Where the event takes place, from the register of places."),
    )
    # Derived from `location` on save (its Catalan name and its country), for the readers that
    # predate the register of places; events saved before it keep what was typed.
    city = models.CharField(_("city"), max_length=100, blank=True)
    # Stored as the ISO 3166-1 alpha-2 code; shown by its name in the active language.
    country = CountryField(_("country"), blank=True)
    online_url = models.URLField(
        _("online link"),
        blank=True,
        help_text=_("Where to follow the event online (online and hybrid events)."),
    )
    registration_url = models.URLField(_("registration link"), blank=True)
    registration_deadline = models.DateTimeField(_("registration deadline"), null=True, blank=True)
    terrassa_role = models.CharField(
        _("Terrassa's role"), max_length=10, choices=Role.choices, default=Role.ATTENDEE
    )
    outcomes = RichTextField(
        _("outcomes"),
        blank=True,
        help_text=_("What came out of the event for Terrassa; shown once the event has ended."),
    )
    forum = models.ForeignKey(
        "networks.Forum",
        verbose_name=_("forum"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    working_group = models.ForeignKey(
        "networks.WorkingGroup",
        verbose_name=_("working group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text=_("An event belongs to a forum or to a working group, not to both."),
    )
    networks = models.ManyToManyField(
        "networks.Network", verbose_name=_("networks"), blank=True, related_name="events"
    )
    challenge_areas = models.ManyToManyField(
        "networks.ChallengeArea",
        verbose_name=_("challenge areas"),
        blank=True,
        related_name="events",
    )
    objectives = models.ManyToManyField(
        "mandate.Objective",
        verbose_name=_("contributes to"),
        blank=True,
        related_name="events",
        help_text=_("The Pla de Mandat objectives this event serves."),
    )

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ("-start", "-pk")
        get_latest_by = "start"
        constraints = (
            models.CheckConstraint(
                condition=Q(end__gte=F("start")), name="events_event_end_not_before_start"
            ),
            models.CheckConstraint(
                condition=Q(registration_deadline__isnull=True)
                | Q(registration_deadline__lte=F("start")),
                name="events_event_deadline_not_after_start",
            ),
            models.CheckConstraint(
                condition=Q(forum__isnull=True) | Q(working_group__isnull=True),
                name="events_event_forum_or_working_group",
            ),
        )

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self._normalise_all_day()
        if self.location_id is not None:
            self.city = self.location.name_ca
            self.country = self.location.country
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("events:detail", kwargs={"slug": self.slug})

    def get_calendar_url(self):
        return reverse("events:ics", kwargs={"slug": self.slug})

    def clean(self):
        errors = {}
        try:
            super().clean()
        except ValidationError as error:
            # Reported together with this model's own problems, so the editor sees them all.
            errors = error.update_error_dict(errors)
        self._normalise_all_day()
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("The end cannot be before the start.")
        if self.start and self.registration_deadline and self.registration_deadline > self.start:
            errors["registration_deadline"] = _(
                "The registration deadline cannot be after the start of the event."
            )
        if self.forum_id and self.working_group_id:
            errors["working_group"] = _(
                "An event belongs to a forum or to a working group, not to both."
            )
        for field, message in self._shadowed_slugs().items():
            errors.setdefault(field, []).append(message)
        if errors:
            raise ValidationError(errors)

    def _shadowed_slugs(self) -> dict:
        """Slugs whose address another page of the agenda already answers ("past" in the
        language of the slug, for instance)."""
        errors = {}
        for language, _name in settings.LANGUAGES:
            field = build_localized_fieldname("slug", language)
            value = getattr(self, field, None)
            if not value:
                continue
            with translation.override(language):
                match = resolve(reverse("events:detail", kwargs={"slug": value}))
            if match.view_name != "events:detail":
                errors[field] = _("This slug is taken by another page of the agenda.")
        return errors

    def _normalise_all_day(self) -> None:
        # An all-day event covers its whole days in Madrid, whatever times were typed: it stays
        # in the agenda until the end of its last day and its calendar entry uses dates only.
        if not self.all_day or self.start is None or self.end is None:
            return
        self.start = timezone.make_aware(datetime.combine(self.first_day, time.min))
        self.end = timezone.make_aware(datetime.combine(self.last_day, time.max))

    # --- Reading --------------------------------------------------------------------------

    @property
    def local_start(self) -> datetime:
        return timezone.localtime(self.start)

    @property
    def local_end(self) -> datetime:
        return timezone.localtime(self.end)

    @property
    def first_day(self) -> date:
        return self.local_start.date()

    @property
    def last_day(self) -> date:
        return self.local_end.date()

    @property
    def is_single_day(self) -> bool:
        return self.first_day == self.last_day

    def has_ended(self, now=None) -> bool:
        """Mirrors `EventQuerySet.past()` (for a published event)."""
        return self.end < (now or timezone.now())

    def is_upcoming(self, now=None) -> bool:
        """Mirrors `EventQuerySet.upcoming()`."""
        return self.is_published(now) and not self.has_ended(now)

    def is_registration_open(self, now=None) -> bool:
        now = now or timezone.now()
        return bool(
            self.registration_url
            and self.event_status != self.EventStatus.CANCELLED
            and not self.has_ended(now)
            and (self.registration_deadline is None or self.registration_deadline >= now)
        )

    @property
    def is_cancelled(self) -> bool:
        return self.event_status == self.EventStatus.CANCELLED

    @property
    def is_postponed(self) -> bool:
        return self.event_status == self.EventStatus.POSTPONED

    @property
    def is_in_person(self) -> bool:
        return self.format in (self.Format.IN_PERSON, self.Format.HYBRID)

    @property
    def is_online(self) -> bool:
        return self.format in (self.Format.ONLINE, self.Format.HYBRID)

    @property
    def country_name(self) -> str:
        # A code the list does not know (stored before the list checked it) is shown as it is.
        return self.country.name or self.country.code

    @property
    def place(self) -> str:
        """Venue, city and country on one line ("" for an event that is only online)."""
        if not self.is_in_person:
            return ""
        city = self.city
        if self.location_id is not None and self._state.fields_cache.get("location"):
            # The place's name in the active language, when the query fetched it.
            city = self._state.fields_cache["location"].name
        return ", ".join(part for part in (self.venue, city, self.country_name) if part)
