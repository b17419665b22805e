"""The mandate plan's query vocabulary. Progress is computed by PostgreSQL, never in Python loops:

- an objective's status and progress are those of its latest public update (by date, then by
  entry order); with no public update it is "not started" at 0 %;
- an axis's and a plan's progress are the weighted average of their objectives' progress. An
  objective of weight 0 does not count; when every objective weighs 0 (or the weights sum to 0),
  the plain mean is used instead, so a plan whose editors never set weights still shows its real
  progress rather than 0 %. An axis or plan with no objectives is at 0 %.
"""

from decimal import Decimal

from django.db import models
from django.db.models import (
    Avg,
    Count,
    DecimalField,
    F,
    FloatField,
    OuterRef,
    Prefetch,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Cast, Coalesce, NullIf

from relacions.core.models import Publishable, PublishableQuerySet

from .linked import linked_prefetches

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


class ProgressUpdateQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)

    def newest_first(self):
        return self.order_by("-date", "-pk")

    def for_history(self):
        """Public updates, oldest first: the order of a timeline and its table."""
        return self.public().order_by("date", "pk")


class ObjectiveQuerySet(models.QuerySet):
    def public(self):
        """Objectives of published plans (axes and objectives have no status of their own)."""
        return self.filter(Publishable.published_q(prefix="plan__"))

    def with_progress(self):
        """Annotate `current_status`, `current_progress` and `last_update_on` from the latest
        public update."""
        latest = (
            self.model._meta.get_field("updates")
            .related_model.objects.public()
            .filter(objective=OuterRef("pk"))
            .newest_first()
        )
        return self.annotate(
            current_status=Coalesce(Subquery(latest.values("status")[:1]), Value(NOT_STARTED)),
            current_progress=Coalesce(Subquery(latest.values("progress")[:1]), Value(0)),
            last_update_on=Subquery(latest.values("date")[:1]),
        )

    def with_status(self, status: str | None):
        """Only objectives whose current status is `status`; all of them when it is None."""
        qs = self.with_progress()
        return qs if status is None else qs.filter(current_status=status)

    def progress(self) -> Decimal:
        """The weighted progress of these objectives, 0–100, with one decimal."""
        return self.with_progress().aggregate(progress=weighted_progress())["progress"]

    def status_counts(self) -> dict[str, int]:
        """How many of these objectives are in each status (every status present, 0 included)."""
        Status = self.model._meta.get_field("updates").related_model.Status  # noqa: N806
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

    def for_listing(self, *, status: str | None = None):
        # The plan is joined for get_absolute_url(), which names it.
        return self.with_status(status).select_related("plan").order_by("order", "code", "pk")

    def for_detail(self):
        updates_model = self.model._meta.get_field("updates").related_model
        return (
            self.public()
            .with_progress()
            .select_related("axis", "plan")
            .prefetch_related(
                Prefetch(
                    "updates",
                    queryset=updates_model.objects.for_history(),
                    to_attr="public_updates",
                )
            )
            .with_linked_items()
        )

    def with_linked_items(self):
        """Prefetch the published news, events, memberships and forums linked to each objective
        into `linked_<relation>` (see `linked.py`)."""
        return self.prefetch_related(*linked_prefetches(self.model))

    def by_address(self, *, plan_slug: str, code: str):
        """The objective with `code` in the published plan whose slug (in the active language or
        the fallback one) is `plan_slug`."""
        plans = (
            self.model._meta.get_field("plan").related_model.objects.published().by_slug(plan_slug)
        )
        return self.filter(plan__in=plans, code=code)


class AxisQuerySet(models.QuerySet):
    def with_progress(self):
        """Annotate `progress`: the weighted progress of the axis's objectives."""
        objective_model = self.model._meta.get_field("objectives").related_model
        progress = (
            objective_model.objects.filter(axis=OuterRef("pk"))
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

    def for_overview(self, *, status: str | None = None):
        """Axes with their progress and their objectives (only those in `status`, if given), each
        with its own progress."""
        objective_model = self.model._meta.get_field("objectives").related_model
        return self.with_progress().prefetch_related(
            Prefetch("objectives", queryset=objective_model.objects.for_listing(status=status))
        )


class PlanQuerySet(PublishableQuerySet):
    def current(self):
        return self.filter(is_current=True)

    def with_progress(self):
        """Annotate `progress`: the weighted progress of all the plan's objectives (each objective
        counts once with its weight, whatever the size of its axis)."""
        objective_model = self.model._meta.get_field("objectives").related_model
        progress = (
            objective_model.objects.filter(plan=OuterRef("pk"))
            .with_progress()
            .order_by()
            .values("plan")
            .annotate(progress=weighted_progress())
            .values("progress")
        )
        return self.annotate(progress=Coalesce(Subquery(progress), ZERO))

    def for_overview(self):
        return self.published().with_progress()
