"""Progress updates: what the office reports on an objective, dated; the public ones make its
status and progress (plan.py)."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ProgressUpdateQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)

    def newest_first(self):
        return self.order_by("-date", "-pk")

    def for_history(self):
        """Public updates, oldest first: the order of a timeline and its table."""
        return self.public().order_by("date", "pk")


class ProgressUpdate(models.Model):
    """A dated report on an objective. Only public updates reach the site and count in progress."""

    class Status(models.TextChoices):
        # With a context: "Done" and friends mean other things elsewhere (buttons, events).
        NOT_STARTED = "not_started", pgettext_lazy("objective status", "Not started")
        IN_PROGRESS = "in_progress", pgettext_lazy("objective status", "In progress")
        DONE = "done", pgettext_lazy("objective status", "Done")
        DEFERRED = "deferred", pgettext_lazy("objective status", "Deferred")

    objective = models.ForeignKey(
        "mandate.Objective",
        verbose_name=_("objective"),
        on_delete=models.CASCADE,
        related_name="updates",
    )
    date = models.DateField(_("date"), default=timezone.localdate)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.IN_PROGRESS
    )
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), validators=[MinValueValidator(0), MaxValueValidator(100)], default=0
    )
    note = models.TextField(_("note"), blank=True)
    is_public = models.BooleanField(
        _("public"),
        default=False,
        help_text=_(
            "Only public updates are shown on the site and count towards the objective's progress."
        ),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # What the cached fragments that show the update, or the status and progress it makes, are
    # keyed by (pagecache.fragments).
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ProgressUpdateQuerySet.as_manager()

    class Meta:
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        ordering = ("-date", "-pk")
        constraints = (
            models.CheckConstraint(
                condition=Q(progress__lte=100),
                name="mandate_update_progress_at_most_100",
                violation_error_message=_("Progress is a percentage: from 0 to 100."),
            ),
        )

    def __str__(self):
        return f"{self.date:%Y-%m-%d} · {self.get_status_display()} · {self.progress} %"

    def clean(self):
        super().clean()
        if self.date and self.date > timezone.localdate():
            raise ValidationError({"date": _("An update cannot be dated in the future.")})
