"""Terrassa's memberships: one row per category and period, the yearly fees and the renewal
reminders sent. Fees, internal contacts, documents and notes are for Network administrators and
Administrators only (admin.py): no public template reads them.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, Min, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Least
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from relacions.core.catalan import elide_if_catalan
from relacions.core.declaration import year_bounds
from relacions.core.models import Publishable

from ..files import (
    DOCUMENT_NAME_MAX_LENGTH,
    clean_document_name,
    get_private_storage,
    membership_document_path,
    validate_document_size,
    validate_pdf,
)
from ..querysets import in_force_q, local_today
from .common import (
    FORMER_TWINNING_KIND,
    OBJECTIVES_HELP,
    OBJECTIVES_LABEL,
    TERRASSA_CITY_COUNCIL,
)

# What the directory's `membership` filter asks of a year's memberships (none: in force).
YEAR_STARTED, YEAR_ENDED = "started", "ended"


class MembershipQuerySet(models.QuerySet):
    def in_force(self, today: datetime.date | None = None):
        return self.filter(in_force_q(local_today(today)))

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

    def public(self):
        """What the public pages show of memberships (a listed network's timeline: category,
        dates, status), applications included; fees and internals are never read from here."""
        return self.filter(Publishable.published_q(prefix="network__")).exclude(
            network__kind=FORMER_TWINNING_KIND
        )

    def held(self):
        """Memberships proper: an application is not one yet."""
        return self.exclude(status=self.model.Status.APPLYING)

    def during(self, year: int):
        """In force at some time of `year`: not started after 31 December and not ended before 1
        January. A start not recorded counts as the directory counts it, in force (the yearly
        report's check lists such memberships, for the office to record their start)."""
        first, last = year_bounds(year)
        return self.overlapping(since=first, until=last)

    def started_in(self, year: int):
        return self.filter(since__range=year_bounds(year))

    def ended_in(self, year: int):
        return self.filter(until__range=year_bounds(year))

    def of_year(self, year: int, change: str | None = None):
        """The public memberships of `year` the networks' directory lists: those in force during
        it, or only those that started (`change="started"`) or ended (`"ended"`) in it."""
        memberships = self.public().held()
        if change == YEAR_STARTED:
            return memberships.started_in(year)
        if change == YEAR_ENDED:
            return memberships.ended_in(year)
        return memberships.during(year)

    def years(self, today: datetime.date | None = None) -> list[int]:
        """The years the directory can be filtered by, newest first: from the first recorded date
        of a public membership to this year."""
        dates = self.public().held().aggregate(first=Min(Least("since", "until")))
        this_year = local_today(today).year
        first = dates["first"].year if dates["first"] else this_year
        return list(range(max(this_year, first), first - 1, -1))

    def renewal_due(self, *, within_days: int, today: datetime.date | None = None):
        """Memberships still running whose renewal date falls in the next `within_days` days
        (today included)."""
        today = local_today(today)
        return self.exclude(status=self.model.Status.ENDED).filter(
            renewal_date__gte=today, renewal_date__lte=today + datetime.timedelta(days=within_days)
        )

    def with_fee_for(self, year: int):
        """Annotate `year_fee`: the fee of `year`, or None."""
        fees = MembershipFee.objects.filter(membership=OuterRef("pk"), year=year)
        return self.annotate(year_fee=Subquery(fees.values("amount")[:1]))

    def for_timeline(self):
        return self.order_by(F("since").asc(nulls_first=True), "pk")

    def for_admin(self):
        return self.select_related("network")

    def for_objective_timeline(self, now=None):
        # Read by the mandate app: what the public may know of a membership is its network's
        # page, so only memberships of networks published at `now` are listed.
        return self.filter(Publishable.published_q(now, prefix="network__")).select_related(
            "network"
        )


class MembershipFeeQuerySet(models.QuerySet):
    def totals_per_year(self):
        """[{"year", "total", "count"}], newest year first."""
        return (
            self.order_by()
            .values("year")
            .annotate(total=Sum("amount"), count=Count("pk"))
            .order_by("-year")
        )


class Membership(models.Model):
    """Terrassa (one of its entities) in a network, in one category for one period.

    A change of category is a new row (`services.membership_change_category`), so the public
    timeline and the fees of past years keep the category they had.
    """

    class Category(models.TextChoices):
        FULL = "full", _("Full member")
        ASSOCIATE = "associate", _("Associate member")
        PARTNER = "partner", _("Partner")
        OBSERVER = "observer", _("Observer")

    class Status(models.TextChoices):
        APPLYING = "applying", _("Applying")
        ACTIVE = "active", _("Active")
        SUSPENDED = "suspended", _("Suspended")
        ENDED = "ended", _("Ended")

    network = models.ForeignKey(
        "networks.Network",
        verbose_name=_("network"),
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    member_entity = models.CharField(
        _("member entity"),
        max_length=200,
        default=TERRASSA_CITY_COUNCIL,
        help_text=_("Which body of the city is the member."),
    )
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    since = models.DateField(
        _("since"),
        null=True,
        blank=True,
        help_text=_("Leave empty only when the date is not known."),
    )
    until = models.DateField(
        _("until"), null=True, blank=True, help_text=_("Empty while it lasts.")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE, db_index=True
    )
    voting_rights = models.BooleanField(_("voting rights"), default=False)
    renewal_date = models.DateField(
        _("renewal date"),
        null=True,
        blank=True,
        help_text=_("Network administrators get a reminder by e-mail before this date."),
    )
    # Internal: never on a public page.
    internal_contact = models.CharField(
        _("internal contact"),
        max_length=200,
        blank=True,
        help_text=_("Who in the City Council looks after this membership. Not public."),
    )
    political_representative = models.CharField(
        _("political representative"), max_length=200, blank=True, help_text=_("Not public.")
    )
    document = models.FileField(
        _("document"),
        upload_to=membership_document_path,
        storage=get_private_storage,
        validators=[validate_pdf, validate_document_size],
        max_length=255,
        blank=True,
        help_text=_("The agreement or membership certificate, as a PDF. Not public."),
    )
    # The name it was uploaded with (the file is stored under a random one): its download name.
    document_name = models.CharField(
        _("document name"), max_length=DOCUMENT_NAME_MAX_LENGTH, blank=True, editable=False
    )
    notes = models.TextField(_("notes"), blank=True, help_text=_("Not public."))
    objectives = models.ManyToManyField(
        "mandate.Objective",
        verbose_name=OBJECTIVES_LABEL,
        blank=True,
        related_name="memberships",
        help_text=OBJECTIVES_HELP,
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ("network_id", F("since").asc(nulls_first=True), "pk")
        permissions = (
            (
                "view_membership_internals",
                _("Can see membership fees, contacts, documents and notes"),
            ),
        )
        constraints = (
            models.CheckConstraint(
                condition=Q(since__isnull=True) | Q(until__isnull=True) | Q(until__gte=F("since")),
                name="networks_membership_until_after_since",
                violation_error_message=_("The end date cannot be earlier than the start date."),
            ),
        )

    def __str__(self):
        # Years only: this is also the title of the membership on an objective's public page.
        years = f"{self.since.year if self.since else '…'}–{self.until.year if self.until else ''}"
        return _("%(network)s: %(category)s (%(years)s)") % {
            "network": self.network,
            "category": self.get_category_display(),
            "years": years,
        }

    def save(self, *args, **kwargs):
        if not self.document:
            self.document_name = ""
        elif not self.document._committed:
            # A new upload: its name before the storage gives it a random one.
            self.document_name = clean_document_name(self.document.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return self.network.get_absolute_url()

    def document_download_name(self) -> str:
        """What the document downloads as: its uploaded name, or for documents uploaded before
        names were kept, the name they always downloaded under."""
        return self.document_name or f"membership-{self.pk}.pdf"

    def clean(self):
        super().clean()
        if self.since and self.until and self.until < self.since:
            raise ValidationError(
                {"until": _("The end date cannot be earlier than the start date.")},
                code="until_before_since",
            )
        if self.status == self.Status.ENDED and not self.until:
            raise ValidationError({"until": _("An ended membership needs the date it ended.")})
        self._validate_no_overlap()

    def _validate_no_overlap(self):
        if self.network_id is None:
            return
        clash = (
            Membership.objects.filter(network_id=self.network_id, member_entity=self.member_entity)
            .exclude(pk=self.pk)
            .overlapping(since=self.since, until=self.until)
            .for_timeline()
            .first()
        )
        if clash is not None:
            raise ValidationError(
                _(
                    "%(entity)s already has a membership of this network for these dates "
                    "(%(category)s, %(period)s). End that one first; to change category, use "
                    "“Change category” on it, which keeps the history."
                ),
                code="overlap",
                params={
                    "entity": self.member_entity,
                    "category": clash.get_category_display(),
                    "period": clash.period(),
                },
            )

    def is_in_force(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return (self.since is None or self.since <= today) and (
            self.until is None or self.until >= today
        )

    def is_active(self, today: datetime.date | None = None) -> bool:
        """Mirrors `MembershipQuerySet.active()`."""
        return self.status == self.Status.ACTIVE and self.is_in_force(today)

    def is_current(self, today: datetime.date | None = None) -> bool:
        """In force and not ended: active or suspended (an application is not yet a membership)."""
        return self.status in (self.Status.ACTIVE, self.Status.SUSPENDED) and self.is_in_force(
            today
        )

    def in_year(self, year: int, change: str | None = None) -> bool:
        """Mirrors `MembershipQuerySet.of_year()` for a membership of a listed network: the
        directory's card filters the network's memberships it already has."""
        if self.status == self.Status.APPLYING:
            return False
        first, last = year_bounds(year)
        if change == YEAR_STARTED:
            return self.since is not None and first <= self.since <= last
        if change == YEAR_ENDED:
            return self.until is not None and first <= self.until <= last
        return (self.since is None or self.since <= last) and (
            self.until is None or self.until >= first
        )

    def period(self) -> str:
        if self.since and self.until:
            return f"{date_format(self.since)} – {date_format(self.until)}"
        if self.since:
            return elide_if_catalan(_("since %(date)s") % {"date": date_format(self.since)})
        if self.until:
            return _("until %(date)s") % {"date": date_format(self.until)}
        return _("dates not recorded")


class MembershipFee(models.Model):
    membership = models.ForeignKey(
        Membership, verbose_name=_("membership"), on_delete=models.CASCADE, related_name="fees"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    amount = models.DecimalField(_("amount (EUR)"), max_digits=10, decimal_places=2)
    budget_line = models.CharField(_("budget line"), max_length=100, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    objects = MembershipFeeQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership fee")
        verbose_name_plural = _("membership fees")
        ordering = ("-year", "pk")
        constraints = (
            models.UniqueConstraint(
                fields=("membership", "year"), name="networks_fee_one_per_year"
            ),
            models.CheckConstraint(
                condition=Q(amount__gte=0),
                name="networks_fee_not_negative",
                violation_error_message=_("A fee cannot be negative."),
            ),
        )

    def __str__(self):
        # The year only: a fee's amount is confidential, and this name reaches every place that
        # names the object (the revision history, the audit log, a deletion's summary).
        return _("Fee of %(year)s") % {"year": self.year}

    def clean(self):
        super().clean()
        if self.amount is not None and self.amount < 0:
            raise ValidationError({"amount": _("A fee cannot be negative.")}, code="negative_fee")


class RenewalReminder(models.Model):
    """A reminder sent about one membership's renewal date: at most one per date, so the
    command can run every day from cron."""

    membership = models.ForeignKey(
        Membership, verbose_name=_("membership"), on_delete=models.CASCADE, related_name="reminders"
    )
    renewal_date = models.DateField(_("renewal date"))
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    recipients = models.TextField(_("recipients"), blank=True)

    class Meta:
        verbose_name = _("renewal reminder")
        verbose_name_plural = _("renewal reminders")
        ordering = ("-sent_at",)
        constraints = (
            models.UniqueConstraint(
                fields=("membership", "renewal_date"), name="networks_one_reminder_per_renewal"
            ),
        )

    def __str__(self):
        return f"{self.membership_id} {self.renewal_date}"
