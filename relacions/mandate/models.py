"""The Pla de Mandat: plans, their axes and objectives, and the progress updates on each objective.

Only a Plan carries a publication status: its axes and objectives are public exactly when their plan
is. An objective's status and progress are those of its latest *public* update; an axis's and a
plan's progress are the weighted average of their objectives' progress, computed in the database
(see `querysets.py`).
"""

import reversion
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from relacions.core.fields import RichTextField
from relacions.core.models import Publishable

from .linked import LinkedItem, linked_items
from .querysets import (
    NOT_STARTED,
    AxisQuerySet,
    ObjectiveQuerySet,
    PlanQuerySet,
    ProgressUpdateQuerySet,
)

# "5", "5.2", "5.2.a": dot-separated parts, so a code reads well in a URL and needs no escaping.
CODE_PATTERN = r"[0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*"


class Plan(Publishable):
    """A Pla de Mandat. Several can exist (past, draft, current); exactly one is current."""

    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"))
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    document_url = models.URLField(
        _("document link"), blank=True, help_text=_("The approved plan, on the city's website.")
    )
    is_current = models.BooleanField(
        _("current plan"),
        default=False,
        help_text=_(
            "The plan shown on the public site. Marking this plan as current unmarks the others."
        ),
    )

    objects = PlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        ordering = ("-start_year", "pk")
        constraints = (
            models.UniqueConstraint(
                fields=("is_current",),
                condition=Q(is_current=True),
                name="mandate_plan_one_current",
            ),
            models.CheckConstraint(
                condition=Q(end_year__gte=models.F("start_year")),
                name="mandate_plan_years_in_order",
                violation_error_message=_("The last year cannot be before the first year."),
            ),
        )

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # "Exactly one current plan" is part of what a plan is, like a singleton's pk: unmarking the
        # others here keeps every path (admin, shell, demo loader) consistent; the partial unique
        # constraint is the database's guard if two saves race.
        with transaction.atomic():
            if self.is_current:
                Plan.objects.filter(is_current=True).exclude(pk=self.pk).update(is_current=False)
            super().save(*args, **kwargs)

    def get_absolute_url(self):
        if self.is_current:
            return reverse("mandate:overview")
        return reverse("mandate:plan", kwargs={"slug": self.slug})

    def validate_constraints(self, exclude=None):
        # save() unmarks the plan that was current, so "one current plan" must not stop a form
        # from marking this one.
        super().validate_constraints(exclude={*(exclude or ()), "is_current"})

    @property
    def period(self) -> str:
        return f"{self.start_year}–{self.end_year}"


# Registered here, not left to its admin: the plan's admin, which shows axes inline, may
# register the model first, following nothing (django-reversion keeps the first registration).
@reversion.register(follow=("objectives",))
class Axis(models.Model):
    """A strategic axis of a plan (Eix), numbered as in the approved document."""

    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="axes"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = AxisQuerySet.as_manager()

    class Meta:
        verbose_name = _("axis")
        verbose_name_plural = _("axes")
        ordering = ("order", "number", "pk")
        constraints = (
            models.UniqueConstraint(
                fields=("plan", "number"),
                name="mandate_axis_number_unique_per_plan",
                violation_error_message=_("Another axis of this plan already has this number."),
            ),
        )

    def __str__(self):
        return _("Axis %(number)s. %(title)s") % {"number": self.number, "title": self.title}

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Objectives keep a copy of their axis's plan (see Objective.plan).
        self.objectives.exclude(plan_id=self.plan_id).update(plan_id=self.plan_id)


class Objective(models.Model):
    """An objective of the plan. News, events, memberships and forums link to it through their
    `objectives` many-to-many fields."""

    axis = models.ForeignKey(
        Axis, verbose_name=_("axis"), on_delete=models.CASCADE, related_name="objectives"
    )
    # Copied from the axis on save, so "code unique per plan" can be a database constraint and a
    # plan's progress a single aggregate.
    plan = models.ForeignKey(
        Plan,
        verbose_name=_("plan"),
        on_delete=models.CASCADE,
        related_name="objectives",
        editable=False,
    )
    code = models.CharField(
        _("code"),
        max_length=20,
        validators=[
            RegexValidator(
                f"^{CODE_PATTERN}$", _("Use numbers or letters separated by dots, e.g. 5.2.")
            )
        ],
        help_text=_(
            "As in the plan's document, e.g. 5.2. Unique within the plan; part of the page address."
        ),
    )
    title = models.CharField(_("title"), max_length=300)
    description = RichTextField(_("description"), blank=True)
    weight = models.PositiveSmallIntegerField(
        _("weight"),
        default=1,
        help_text=_(
            "How much this objective counts in its axis's and the plan's progress. 0 means it "
            "does not count (if every objective weighs 0, they all count equally)."
        ),
    )
    target_date = models.DateField(_("target date"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = ObjectiveQuerySet.as_manager()

    class Meta:
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")
        ordering = ("order", "code", "pk")
        constraints = (
            models.UniqueConstraint(
                fields=("plan", "code"),
                name="mandate_objective_code_unique_per_plan",
                violation_error_message=_("Another objective of this plan already uses this code."),
            ),
        )

    def __str__(self):
        return f"{self.code}. {self.title}"

    def save(self, *args, **kwargs):
        if self.axis_id is not None:
            self.plan_id = (
                Axis.objects.filter(pk=self.axis_id).values_list("plan_id", flat=True).get()
            )
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("mandate:objective", kwargs={"plan": self.plan.slug, "code": self.code})

    @property
    def status_label(self) -> str:
        """The label of `current_status` (annotated by `with_progress()`)."""
        return ProgressUpdate.Status(getattr(self, "current_status", NOT_STARTED)).label

    def linked_items(self) -> list[LinkedItem]:
        """The published news, events, memberships and forums serving this objective, newest
        first; needs `Objective.objects.with_linked_items()`."""
        return linked_items(self)

    def clean(self):
        super().clean()
        if self.axis_id is None or not self.code:
            return
        plan_id = Axis.objects.filter(pk=self.axis_id).values_list("plan_id", flat=True).first()
        if Objective.objects.filter(plan_id=plan_id, code=self.code).exclude(pk=self.pk).exists():
            raise ValidationError(
                {"code": _("Another objective of this plan already uses this code.")}
            )


class ProgressUpdate(models.Model):
    """A dated report on an objective. Only public updates reach the site and count in progress."""

    class Status(models.TextChoices):
        # With a context: "Done" and friends mean other things elsewhere (buttons, events).
        NOT_STARTED = "not_started", pgettext_lazy("objective status", "Not started")
        IN_PROGRESS = "in_progress", pgettext_lazy("objective status", "In progress")
        DONE = "done", pgettext_lazy("objective status", "Done")
        DEFERRED = "deferred", pgettext_lazy("objective status", "Deferred")

    objective = models.ForeignKey(
        Objective, verbose_name=_("objective"), on_delete=models.CASCADE, related_name="updates"
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
