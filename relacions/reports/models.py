"""The yearly activity report (memòria): one per calendar year, its narrative (written by the
office in three languages), its press review, and its editions.

The figures are not stored on the report: each register declares its indicators
(relacions.core.declaration, `report=`) and relacions.reports.figures computes them in the
database. Publishing freezes them in an `Edition` (the figures as computed at that moment, with
their labels and links in every language), so a later edit of a record changes nothing in a
published report. An Administrator may recompute and publish again: a new edition, the earlier
ones kept and listed on the report's page. A report is public once it has an edition.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from relacions.core.addresses import reverse
from relacions.core.declaration import report_areas
from relacions.core.fields import RichTextField

PUBLISH_PERMISSION = "reports.publish_yearreport"
FIRST_YEAR = 2000


class YearReportQuerySet(models.QuerySet):
    def published(self):
        """The reports the public may read: those with at least one edition."""
        return self.filter(Exists(Edition.objects.filter(report=OuterRef("pk"))))


def year_has_ended(year: int, today: datetime.date | None = None) -> bool:
    return year < (today or timezone.localdate()).year


def _not_in_future(year: int) -> None:
    if year > timezone.localdate().year:
        raise ValidationError(_("A report cannot be for a year to come."))


class YearReport(models.Model):
    year = models.PositiveSmallIntegerField(
        _("year"),
        unique=True,
        validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(2100), _not_in_future],
        error_messages={"unique": _("There is already a report for this year.")},
    )
    introduction = RichTextField(_("introduction"), blank=True)
    highlights = RichTextField(
        _("highlights"), blank=True, help_text=_("The year's main achievements, as a short list.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = YearReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("yearly report")
        verbose_name_plural = _("yearly reports")
        ordering = ("-year",)
        permissions = [
            ("publish_yearreport", _("Can publish the yearly report (freeze its figures)"))
        ]

    def __str__(self):
        return str(_("Report %(year)s") % {"year": self.year})

    def get_absolute_url(self):
        return reverse("reports:detail", kwargs={"year": self.year})


class AreaText(models.Model):
    """The office's text on one area of the report (networks, projects…: the areas the
    registers declare)."""

    report = models.ForeignKey(YearReport, models.CASCADE, related_name="area_texts")
    area = models.CharField(_("area"), max_length=40)
    text = RichTextField(_("text"), blank=True)
    # The report's page keeps its body as a fragment (reports.fragments.BODY): its texts',
    # clippings' and editions' update times are part of its key.
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("text on an area")
        verbose_name_plural = _("texts on the areas")
        constraints = [
            models.UniqueConstraint(
                fields=("report", "area"),
                name="reports_one_text_per_area",
                violation_error_message=_("This area already has a text in this report."),
            )
        ]

    def __str__(self):
        return str(self.area_label)

    def get_absolute_url(self):
        return f"{self.report.get_absolute_url()}#area-{self.area}"

    @property
    def area_label(self):
        return next((a.label for a in report_areas() if a.key == self.area), self.area)

    def clean(self):
        if self.area not in {area.key for area in report_areas()}:
            raise ValidationError({"area": _("Choose one of the report's areas.")})


class Clipping(models.Model):
    """One item of the year's press review: what a newspaper, radio or site published about the
    service's international work."""

    class Language(models.TextChoices):
        CATALAN = "ca", pgettext_lazy("language", "Catalan")
        SPANISH = "es", pgettext_lazy("language", "Spanish")
        ENGLISH = "en", pgettext_lazy("language", "English")
        FRENCH = "fr", pgettext_lazy("language", "French")
        OTHER = "", pgettext_lazy("language", "Other")

    report = models.ForeignKey(YearReport, models.CASCADE, related_name="clippings")
    outlet = models.CharField(_("outlet"), max_length=120)
    published_on = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("link"), max_length=500, blank=True)
    language = models.CharField(
        _("language"), max_length=2, choices=Language, blank=True, default=Language.CATALAN
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("press clipping")
        verbose_name_plural = _("press review")
        ordering = ("published_on", "pk")

    def __str__(self):
        return self.title

    def clean(self):
        if self.published_on and self.report_id and self.published_on.year != self.report.year:
            raise ValidationError(
                {"published_on": _("The clipping must be dated in the report's year.")}
            )


class Edition(models.Model):
    """A published state of a report's figures: computed at `computed_at` and frozen."""

    report = models.ForeignKey(YearReport, models.CASCADE, related_name="editions")
    number = models.PositiveSmallIntegerField(_("edition"))
    computed_at = models.DateTimeField(_("figures computed"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published by"),
    )
    reason = models.CharField(
        _("reason"),
        max_length=300,
        blank=True,
        help_text=_("Why the figures were published again (shown on the report's page)."),
    )
    # relacions.reports.figures.snapshot(): every area and figure with its labels and links in
    # each language, and the earlier years it is compared with.
    figures = models.JSONField(_("figures"), editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("edition")
        verbose_name_plural = _("editions")
        ordering = ("report", "-number")
        get_latest_by = "number"
        constraints = [
            models.UniqueConstraint(fields=("report", "number"), name="reports_edition_number")
        ]

    def __str__(self):
        return str(_("Edition %(number)s") % {"number": self.number})
