"""Agreements (convenis) between the city and other cities or organisations: twinnings,
friendship and cooperation agreements, memoranda, protocols and collaboration agreements.

Each public field answers one item of what Catalan transparency law asks a city to publish about
its agreements (Llei 19/2014, art. 14): the parties, the object, the rights and obligations, the
economic obligations, the term and its extensions, and every change (Amendment rows, added and
never overwritten). The yearly review (Review) is internal: the evaluation questions of CEMR's
twinning handbook, answered once a year.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from relacions.core.addresses import reverse
from relacions.core.fields import RichTextField
from relacions.core.models import Publishable
from relacions.networks.files import validate_document_size, validate_pdf

from .querysets import AgreementQuerySet, AmendmentQuerySet

# The news and events an agreement's timeline shows, at most.
RELATED_LIMIT = 20

END_BEFORE_START = _("The end date cannot be earlier than the start date.")


class CooperationArea(models.Model):
    """A field the agreements cooperate in (culture, education, health…): an editable list."""

    name = models.CharField(_("name"), max_length=100)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("area of cooperation")
        verbose_name_plural = _("areas of cooperation")
        ordering = ("order", "name", "pk")

    def __str__(self):
        return self.name


class Agreement(Publishable):
    class Kind(models.TextChoices):
        TWINNING = "twinning", _("Twinning")
        FRIENDSHIP = "friendship", _("Friendship and cooperation agreement")
        MEMORANDUM = "memorandum", _("Memorandum of understanding")
        PROTOCOL = "protocol", _("Protocol")
        COLLABORATION = "collaboration", _("Collaboration agreement")

    class AgreementStatus(models.TextChoices):
        # Named apart from Publishable.Status: this is the agreement's life, not its publication.
        ACTIVE = "active", pgettext_lazy("agreement status", "Active")
        DORMANT = "dormant", pgettext_lazy("agreement status", "Dormant")
        SUSPENDED = "suspended", pgettext_lazy("agreement status", "Suspended")
        ENDED = "ended", pgettext_lazy("agreement status", "Ended")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    title = models.CharField(_("title"), max_length=200)
    object = RichTextField(
        _("object"), blank=True, help_text=_("What the agreement is for, as it states it.")
    )
    # Dates (Llei 19/2014 art. 14: the term).
    approved_on = models.DateField(_("approved by the plenary on"), null=True, blank=True)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    in_force_on = models.DateField(_("in force from"), null=True, blank=True)
    ends_on = models.DateField(
        _("ends on"),
        null=True,
        blank=True,
        help_text=_("Empty for an agreement with no end date. An extension moves it (amendments)."),
    )
    term = models.CharField(
        _("term"),
        max_length=200,
        blank=True,
        help_text=_("As the agreement states it, e.g. “Four years, extendable for four more”."),
    )
    signatories = models.TextField(
        _("signatories"), blank=True, help_text=_("One per line: name and office.")
    )
    rights_and_obligations = RichTextField(_("rights and obligations"), blank=True)
    economic_obligations = models.TextField(
        _("economic obligations"),
        blank=True,
        help_text=_("What each party pays or contributes; “None” when there are none."),
    )
    amount = models.DecimalField(
        _("amount (EUR)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    paid_by = models.CharField(_("paid by"), max_length=200, blank=True)
    agreement_status = models.CharField(
        _("agreement status"),
        max_length=10,
        choices=AgreementStatus.choices,
        default=AgreementStatus.ACTIVE,
        db_index=True,
    )
    status_changed_on = models.DateField(_("status since"), null=True, blank=True)
    status_reason = models.CharField(
        _("reason for the status"),
        max_length=300,
        blank=True,
        help_text=_("Why the agreement is dormant, suspended or ended."),
    )
    gazette_url = models.URLField(
        _("official gazette"),
        blank=True,
        help_text=_("The address of its publication in the official gazette, if published."),
    )
    areas = models.ManyToManyField(
        CooperationArea,
        verbose_name=_("areas of cooperation"),
        blank=True,
        related_name="agreements",
    )
    # Declared here so the apps below (news, events, networks, mandate) need not know this one.
    news_items = models.ManyToManyField(
        "news.NewsItem", verbose_name=_("news"), blank=True, related_name="agreements"
    )
    events = models.ManyToManyField(
        "events.Event", verbose_name=_("events"), blank=True, related_name="agreements"
    )
    networks = models.ManyToManyField(
        "networks.Network", verbose_name=_("networks"), blank=True, related_name="agreements"
    )
    objectives = models.ManyToManyField(
        "mandate.Objective",
        verbose_name=_("contributes to"),
        blank=True,
        related_name="agreements",
        help_text=_("The Pla de Mandat objectives this agreement serves."),
    )

    objects = AgreementQuerySet.as_manager()

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ("title", "pk")
        constraints = (
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | (Q(in_force_on__isnull=True) | Q(ends_on__gte=F("in_force_on")))
                & (Q(signed_on__isnull=True) | Q(ends_on__gte=F("signed_on"))),
                name="agreements_agreement_ends_after_start",
                violation_error_message=END_BEFORE_START,
            ),
            models.CheckConstraint(
                condition=~Q(agreement_status="ended") | Q(ends_on__isnull=False),
                name="agreements_agreement_ended_has_end",
                violation_error_message=_("An ended agreement needs the date it ended."),
            ),
        )

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("agreements:detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        errors = {}
        start = self.start()
        if self.ends_on and start and self.ends_on < start:
            errors["ends_on"] = ValidationError(END_BEFORE_START, code="end_before_start")
        if self.in_force_on and self.signed_on and self.in_force_on < self.signed_on:
            errors["in_force_on"] = ValidationError(
                _("An agreement cannot be in force before it is signed."),
                code="in_force_before_signature",
            )
        if self.agreement_status == self.AgreementStatus.ENDED and not self.ends_on:
            errors["ends_on"] = ValidationError(
                _("An ended agreement needs the date it ended."), code="ended_without_end"
            )
        if errors:
            raise ValidationError(errors)

    def extended_end(self) -> datetime.date | None:
        """The end the latest extension sets (None without extensions)."""
        extensions = [a for a in self.amendments.all() if a.kind == Amendment.Kind.EXTENSION]
        latest = max(extensions, key=lambda a: (a.date, a.pk), default=None)
        return latest.new_end_date if latest else None

    def start(self) -> datetime.date | None:
        return self.in_force_on or self.signed_on

    def is_twinning(self) -> bool:
        return self.kind == self.Kind.TWINNING

    def partner_places(self) -> list:
        """The partners' places (reads `partners`, prefetched)."""
        return [partner.place for partner in self.partners.all() if partner.place_id]

    def public_timeline(self) -> list["TimelineEntry"]:
        """The timeline of the agreement's page: with its latest public news and events (as
        prefetched, newest first, by its fragment: agreements.fragments.DETAIL)."""
        news = list(self.news_items.all())[:RELATED_LIMIT]
        return self.timeline(news=news, events=list(self.events.all())[:RELATED_LIMIT])

    def timeline(self, news=(), events=()) -> list["TimelineEntry"]:
        """The agreement's life by date, oldest first: its dates, its amendments (read from
        `amendments`, prefetched by `for_page()`), and the given published news and events."""
        entries = [
            TimelineEntry(day, label)
            for day, label in (
                (self.approved_on, _("Approved by the plenary")),
                (self.signed_on, _("Signature")),
                (self.in_force_on, _("Entry into force")),
            )
            if day
        ]
        for amendment in self.amendments.all():
            entries.append(
                TimelineEntry(
                    amendment.date,
                    amendment.get_kind_display(),
                    amendment.description,
                    obj=amendment,
                    field="description",
                )
            )
        for item in news:
            entries.append(
                TimelineEntry(
                    item.published_on,
                    _("News"),
                    item.title,
                    item.get_absolute_url(),
                    obj=item,
                    field="title",
                )
            )
        for event in events:
            entries.append(
                TimelineEntry(
                    timezone.localdate(event.start),
                    _("Event"),
                    event.title,
                    event.get_absolute_url(),
                    obj=event,
                    field="title",
                )
            )
        if self.agreement_status != self.AgreementStatus.ACTIVE and self.status_changed_on:
            entries.append(
                TimelineEntry(
                    self.status_changed_on,
                    self.get_agreement_status_display(),
                    self.status_reason,
                    obj=self,
                    field="status_reason",
                )
            )
        return sorted(entries, key=lambda entry: entry.date)


@dataclass(frozen=True)
class TimelineEntry:
    date: datetime.date
    kind: str
    text: str = ""
    url: str = ""
    obj: models.Model | None = None
    field: str = ""


class Partner(models.Model):
    """A party to the agreement besides the City Council, and where it is."""

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="partners"
    )
    organisation = models.CharField(
        _("organisation"), max_length=200, help_text=_("E.g. the City Council of Pamiers.")
    )
    place = models.ForeignKey(
        "places.Place",
        verbose_name=_("place"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agreement_partners",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    # The version of the row in a rendered fragment's stamp (operations.pagecache.fragments).
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ("order", "pk")

    def __str__(self):
        return self.organisation


class Amendment(models.Model):
    """A dated change to an agreement: an amendment or an extension of its term. Rows are added,
    never changed (the admin refuses a change), so the history of the agreement stays whole."""

    class Kind(models.TextChoices):
        AMENDMENT = "amendment", _("Amendment")
        EXTENSION = "extension", _("Extension")

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="amendments"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.AMENDMENT)
    date = models.DateField(_("date"))
    description = models.TextField(_("what changed"))
    new_end_date = models.DateField(
        _("new end date"), null=True, blank=True, help_text=_("For an extension.")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = AmendmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("amendment")
        verbose_name_plural = _("amendments")
        ordering = ("date", "pk")

    def __str__(self):
        return f"{self.date.isoformat()} {self.get_kind_display()}"

    def clean(self):
        super().clean()
        signed_on = self.agreement.signed_on if self.agreement_id else None
        if self.date and signed_on and self.date < signed_on:
            raise ValidationError(
                {"date": _("An amendment cannot be dated before the agreement was signed.")},
                code="amendment_before_signature",
            )
        if self.kind == self.Kind.EXTENSION and not self.new_end_date:
            raise ValidationError(
                {"new_end_date": _("An extension needs the new end date.")},
                code="extension_without_end",
            )


class Document(models.Model):
    class Kind(models.TextChoices):
        TEXT = "text", _("Text of the agreement")
        GAZETTE = "gazette", _("Publication in the official gazette")
        OTHER = "other", _("Other document")

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="documents"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.TEXT)
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(
        _("file"),
        upload_to="agreements/%Y/",
        validators=[validate_pdf, validate_document_size],
        blank=True,
        help_text=_("A public PDF."),
    )
    url = models.URLField(_("address"), blank=True, help_text=_("Or a link to it."))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ("order", "pk")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if not self.file and not self.url:
            raise ValidationError(_("Upload the file or enter its address."), code="no_document")

    def href(self) -> str:
        return self.file.url if self.file else self.url


class Review(models.Model):
    """The yearly evaluation of a twinning (or any agreement), with the questions of CEMR's
    twinning handbook. Internal: never on a public page."""

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="reviews"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    objectives_met = models.TextField(_("Were the objectives set for the year met?"), blank=True)
    activities = models.TextField(
        _("Which activities took place, and who took part in them?"), blank=True
    )
    citizen_involvement = models.TextField(
        _("How were citizens, associations and schools involved?"), blank=True
    )
    results = models.TextField(_("What did the partnership bring to each community?"), blank=True)
    difficulties = models.TextField(_("What difficulties arose?"), blank=True)
    next_steps = models.TextField(_("What should continue, change or stop next year?"), blank=True)
    continue_link = models.BooleanField(_("the link should continue"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("yearly review")
        verbose_name_plural = _("yearly reviews")
        ordering = ("-year", "pk")
        constraints = (
            models.UniqueConstraint(
                fields=("agreement", "year"), name="agreements_one_review_per_year"
            ),
        )

    def __str__(self):
        return f"{self.agreement} · {self.year}"
