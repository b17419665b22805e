"""The Pla de Mandat: plans, their axes and objectives, and the progress updates on each objective.

Only a Plan carries a publication status: its axes and objectives are public exactly when their plan
is. An objective's status and progress are those of its latest *public* update; an axis's and a
plan's progress are the weighted average of their objectives' progress, computed in the database
by the querysets below, never in Python loops:

- an objective's status and progress are those of its latest public update (by date, then by
  entry order); with no public update it is "not started" at 0 %;
- an axis's and a plan's progress are the weighted average of their objectives' progress. An
  objective of weight 0 does not count; when every objective weighs 0 (or the weights sum to 0),
  the plain mean is used instead, so a plan whose editors never set weights still shows its real
  progress rather than 0 %. An axis or plan with no objectives is at 0 %.
"""

import datetime
from decimal import Decimal

import reversion
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models, transaction
from django.db.models import (
    Avg,
    Count,
    DecimalField,
    Exists,
    F,
    FloatField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Cast, Coalesce, NullIf
from django.utils.translation import gettext_lazy as _

from relacions.core.addresses import reverse
from relacions.core.declaration import year_bounds
from relacions.core.fields import RichTextField
from relacions.core.models import Publishable, PublishableQuerySet

from ..linked import LinkedItem, linked_items
from .progress import ProgressUpdate

NOT_STARTED = "not_started"


# Progress of an axis or a plan: a percentage with one decimal, rounded by PostgreSQL (half away
# from zero), so the page, the JSON and the CSV all show the same figure.
PROGRESS_FIELD = DecimalField(max_digits=4, decimal_places=1)
ZERO = Value(Decimal("0.0"), output_field=PROGRESS_FIELD)


def weighted_progress():
    """The aggregate "weighted mean of `current_progress`", for objectives annotated by
    `ObjectiveQuerySet.with_progress()`."""
    weighted = Cast(Sum(F("weight") * F("current_progress")), FloatField())
    weights = NullIf(Cast(Sum("weight"), FloatField()), Value(0.0))
    mean = Coalesce(weighted / weights, Cast(Avg("current_progress"), FloatField()), Value(0.0))
    return Cast(mean, PROGRESS_FIELD)


class ObjectiveQuerySet(models.QuerySet):
    def public(self, now=None):
        """Objectives of published plans (axes and objectives have no status of their own)."""
        return self.filter(Publishable.published_q(now, prefix="plan__"))

    def with_progress(self, on: datetime.date | None = None):
        """Annotate `current_status`, `current_progress` and `last_update_on` from the latest
        public update (the latest dated `on` or before, when given: the state on that day)."""
        latest = ProgressUpdate.objects.public().filter(objective=OuterRef("pk"))
        if on is not None:
            latest = latest.filter(date__lte=on)
        latest = latest.newest_first()
        return self.annotate(
            current_status=Coalesce(Subquery(latest.values("status")[:1]), Value(NOT_STARTED)),
            current_progress=Coalesce(Subquery(latest.values("progress")[:1]), Value(0)),
            last_update_on=Subquery(latest.values("date")[:1]),
        )

    def of_plan_in_force(self, year: int):
        """The public objectives of the plan in force in `year` (`Plan.objects.in_force()`)."""
        plan = Plan.objects.in_force(year).values("pk")[:1]
        return self.public().filter(plan=Subquery(plan))

    def done_during(self, year: int | None):
        """Objectives whose latest public update by 31 December of `year` says "done" and whose
        latest before 1 January did not (an objective done on 1 January was done that year);
        all of them when `year` is None."""
        if year is None:
            return self
        first, last = year_bounds(year)
        updates = ProgressUpdate.objects.public().filter(objective=OuterRef("pk")).newest_first()

        def status(dated):
            return Coalesce(Subquery(dated.values("status")[:1]), Value(NOT_STARTED))

        done = ProgressUpdate.Status.DONE
        return (
            self.annotate(
                status_at_year_end=status(updates.filter(date__lte=last)),
                status_before_year=status(updates.filter(date__lt=first)),
            )
            .filter(status_at_year_end=done)
            .exclude(status_before_year=done)
        )

    def updated_during(self, year: int | None):
        """Objectives with a public update dated in `year`; all of them when `year` is None."""
        if year is None:
            return self
        updates = ProgressUpdate.objects.public().filter(
            objective=OuterRef("pk"), date__range=year_bounds(year)
        )
        return self.filter(Exists(updates))

    def with_status(self, status: str | None):
        """Only objectives whose current status is `status`; all of them when it is None."""
        qs = self.with_progress()
        return qs if status is None else qs.filter(current_status=status)

    def progress(self) -> Decimal:
        """The weighted progress of these objectives, 0–100, with one decimal."""
        return self.with_progress().aggregate(progress=weighted_progress())["progress"]

    def status_counts(self) -> dict[str, int]:
        """How many of these objectives are in each status (every status present, 0 included)."""
        Status = ProgressUpdate.Status  # noqa: N806
        rows = (
            self.with_progress()
            .order_by()
            .values("current_status")
            .annotate(count=Count("pk"))
            .values_list("current_status", "count")
        )
        counts = dict.fromkeys(Status.values, 0)
        counts.update(rows)
        return counts

    def for_listing(
        self, *, status: str | None = None, done: int | None = None, updated: int | None = None
    ):
        """`done`, `updated`: only the objectives done, or with a public update, in that year."""
        # The plan is joined for get_absolute_url(), which names it.
        return (
            self.done_during(done)
            .updated_during(updated)
            .with_status(status)
            .select_related("plan")
            .order_by("order", "code", "pk")
        )

    def for_page(self, now=None):
        """An objective of a plan public at `now`, with its progress, axis and plan; its body's
        and its timeline's fragments (`fragments.BODY`, `fragments.TIMELINE`) fetch its public
        updates and the items serving it when the cache does not have them."""
        return self.public(now).with_progress().select_related("axis", "plan")

    def by_address(self, *, plan_slug: str, code: str, now=None):
        """The objective with `code` in the plan published at `now` whose slug (in the active
        language or the fallback one) is `plan_slug`."""
        plans = Plan.objects.published(now).by_slug(plan_slug)
        return self.filter(plan__in=plans, code=code)


class AxisQuerySet(models.QuerySet):
    def with_progress(self):
        """Annotate `progress`: the weighted progress of the axis's objectives."""
        progress = (
            Objective.objects.filter(axis=OuterRef("pk"))
            .with_progress()
            .order_by()
            .values("axis")
            .annotate(progress=weighted_progress())
            .values("progress")
        )
        return self.annotate(progress=Coalesce(Subquery(progress), ZERO))

    def numbered(self, number: int | None):
        """Only the axis with this number; every axis when it is None."""
        return self if number is None else self.filter(number=number)

    def for_overview(
        self, *, status: str | None = None, done: int | None = None, updated: int | None = None
    ):
        """Axes with their progress and their objectives (only those in `status`, done in the year
        `done`, updated in the year `updated`, if given), each with its own progress."""
        objectives = Objective.objects.for_listing(status=status, done=done, updated=updated)
        return self.with_progress().prefetch_related(Prefetch("objectives", queryset=objectives))


class PlanQuerySet(PublishableQuerySet):
    def current(self):
        return self.filter(is_current=True)

    def with_progress(self):
        """Annotate `progress`: the weighted progress of all the plan's objectives (each objective
        counts once with its weight, whatever the size of its axis)."""
        progress = (
            Objective.objects.filter(plan=OuterRef("pk"))
            .with_progress()
            .order_by()
            .values("plan")
            .annotate(progress=weighted_progress())
            .values("progress")
        )
        return self.annotate(progress=Coalesce(Subquery(progress), ZERO))

    def for_overview(self):
        return self.published().with_progress()

    def in_force(self, year: int):
        """The published plans whose period covers `year`, the one in force that year first: the
        one that started last when two do (a new mandate starts in the year the last one ends)."""
        return (
            self.published()
            .filter(start_year__lte=year, end_year__gte=year)
            .order_by("-start_year", "pk")
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
    # What the cached fragments that show the axis are keyed by (pagecache.fragments).
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

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
    # What the cached fragments that show the objective are keyed by (pagecache.fragments).
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

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
        first; needs them prefetched (`linked.linked_prefetches()`, the timeline's fragment)."""
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
