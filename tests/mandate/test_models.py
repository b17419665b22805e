import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from relacions.mandate.models import Axis, Objective, Plan, ProgressUpdate
from tests.factories.mandate import (
    AxisFactory,
    ObjectiveFactory,
    PlanFactory,
    ProgressUpdateFactory,
)

pytestmark = pytest.mark.django_db

Status = ProgressUpdate.Status


def objective_state(objective):
    annotated = Objective.objects.with_progress().get(pk=objective.pk)
    return annotated.current_status, annotated.current_progress


def axis_progress(axis):
    return Axis.objects.with_progress().get(pk=axis.pk).progress


def plan_progress(plan):
    return Plan.objects.with_progress().get(pk=plan.pk).progress


class TestObjectiveProgress:
    def test_with_no_update_it_is_not_started_at_zero(self):
        objective = ObjectiveFactory()
        assert objective_state(objective) == (Status.NOT_STARTED, 0)

    def test_the_latest_public_update_wins(self):
        objective = ObjectiveFactory()
        ProgressUpdateFactory(objective=objective, date=datetime.date(2024, 1, 1), progress=80)
        ProgressUpdateFactory(
            objective=objective,
            date=datetime.date(2025, 1, 1),
            progress=30,
            status=Status.DEFERRED,
        )
        # Entered later but dated earlier: the date decides, not the order of entry.
        ProgressUpdateFactory(objective=objective, date=datetime.date(2024, 6, 1), progress=90)

        assert objective_state(objective) == (Status.DEFERRED, 30)

    def test_on_the_same_day_the_last_entered_update_wins(self):
        objective = ObjectiveFactory()
        ProgressUpdateFactory(objective=objective, progress=10)
        ProgressUpdateFactory(objective=objective, progress=20, status=Status.DONE)
        assert objective_state(objective) == (Status.DONE, 20)

    def test_a_private_update_does_not_count(self):
        objective = ObjectiveFactory()
        ProgressUpdateFactory(objective=objective, date=datetime.date(2024, 1, 1), progress=40)
        ProgressUpdateFactory(
            objective=objective,
            date=datetime.date(2025, 1, 1),
            progress=99,
            is_public=False,
            status=Status.DONE,
        )
        assert objective_state(objective) == (Status.IN_PROGRESS, 40)
        assert axis_progress(objective.axis) == 40
        assert plan_progress(objective.plan) == 40

    def test_only_private_updates_mean_not_started(self):
        objective = ObjectiveFactory()
        ProgressUpdateFactory(objective=objective, progress=70, is_public=False)
        assert objective_state(objective) == (Status.NOT_STARTED, 0)


class TestWeightedProgress:
    def test_axis_and_plan_progress_are_weighted_averages(self):
        plan = PlanFactory()
        first_axis, second_axis = AxisFactory(plan=plan), AxisFactory(plan=plan)
        heavy = ObjectiveFactory(axis=first_axis, weight=3)
        light = ObjectiveFactory(axis=first_axis, weight=1)
        other = ObjectiveFactory(axis=second_axis, weight=4)
        ProgressUpdateFactory(objective=heavy, progress=40)
        ProgressUpdateFactory(objective=light, progress=100)
        ProgressUpdateFactory(objective=other, progress=10)

        assert axis_progress(first_axis) == pytest.approx((3 * 40 + 100) / 4)  # 55
        assert axis_progress(second_axis) == 10
        # The plan weighs objectives, not axes: (120 + 100 + 40) / 8.
        assert plan_progress(plan) == pytest.approx(260 / 8)

    def test_an_objective_with_no_update_counts_as_zero(self):
        axis = AxisFactory()
        ProgressUpdateFactory(objective=ObjectiveFactory(axis=axis, weight=1), progress=60)
        ObjectiveFactory(axis=axis, weight=2)

        assert axis_progress(axis) == pytest.approx(20)
        assert plan_progress(axis.plan) == pytest.approx(20)

    def test_an_objective_of_weight_zero_does_not_count(self):
        axis = AxisFactory()
        ProgressUpdateFactory(objective=ObjectiveFactory(axis=axis, weight=2), progress=60)
        ProgressUpdateFactory(objective=ObjectiveFactory(axis=axis, weight=0), progress=0)

        assert axis_progress(axis) == 60

    def test_when_every_weight_is_zero_the_plain_mean_is_used(self):
        axis = AxisFactory()
        ProgressUpdateFactory(objective=ObjectiveFactory(axis=axis, weight=0), progress=30)
        ProgressUpdateFactory(objective=ObjectiveFactory(axis=axis, weight=0), progress=90)
        ObjectiveFactory(axis=axis, weight=0)

        assert axis_progress(axis) == pytest.approx(40)
        assert plan_progress(axis.plan) == pytest.approx(40)

    def test_an_axis_or_plan_with_no_objectives_is_at_zero(self):
        axis = AxisFactory()
        assert axis_progress(axis) == 0
        assert plan_progress(axis.plan) == 0

    def test_the_queryset_progress_matches_the_plan_annotation(self):
        plan = PlanFactory()
        ProgressUpdateFactory(objective=ObjectiveFactory(axis__plan=plan, weight=2), progress=75)
        ObjectiveFactory(axis__plan=plan, weight=1)

        assert plan.objectives.progress() == pytest.approx(50)
        assert plan_progress(plan) == pytest.approx(50)

    def test_status_counts_cover_every_status(self):
        plan = PlanFactory()
        ObjectiveFactory(axis__plan=plan)
        ProgressUpdateFactory(objective__axis__plan=plan, status=Status.DONE, progress=100)
        ProgressUpdateFactory(
            objective__axis__plan=plan, status=Status.DONE, progress=100, is_public=False
        )

        assert plan.objectives.status_counts() == {
            Status.NOT_STARTED: 2,
            Status.IN_PROGRESS: 0,
            Status.DONE: 1,
            Status.DEFERRED: 0,
        }


class TestCurrentPlan:
    def test_marking_a_plan_current_unmarks_the_others(self):
        old = PlanFactory(is_current=True)
        new = PlanFactory(is_current=True)
        old.refresh_from_db()
        assert not old.is_current
        assert list(Plan.objects.current()) == [new]

    def test_the_database_refuses_two_current_plans(self):
        PlanFactory(is_current=True)
        other = PlanFactory(is_current=False)
        with pytest.raises(IntegrityError), transaction.atomic():
            Plan.objects.filter(pk=other.pk).update(is_current=True)


class TestValidation:
    def test_codes_are_unique_per_plan_in_the_database(self):
        objective = ObjectiveFactory(code="5.2")
        other_axis = AxisFactory(plan=objective.plan)
        with pytest.raises(IntegrityError), transaction.atomic():
            ObjectiveFactory(axis=other_axis, code="5.2")

    def test_the_same_code_is_fine_in_another_plan(self):
        ObjectiveFactory(code="5.2")
        assert ObjectiveFactory(code="5.2").code == "5.2"

    def test_clean_refuses_a_code_used_in_the_same_plan(self):
        objective = ObjectiveFactory(code="5.2")
        duplicate = Objective(axis=AxisFactory(plan=objective.plan), code="5.2", title_ca="Dup")
        with pytest.raises(ValidationError) as error:
            duplicate.full_clean()
        assert "code" in error.value.message_dict

    def test_the_plan_follows_the_axis(self):
        objective = ObjectiveFactory()
        other_plan_axis = AxisFactory()
        objective.axis = other_plan_axis
        objective.save()
        assert objective.plan == other_plan_axis.plan

    def test_objectives_follow_their_axis_to_another_plan(self):
        objective = ObjectiveFactory()
        axis, other_plan = objective.axis, PlanFactory(is_current=False)
        axis.plan = other_plan
        axis.save()
        objective.refresh_from_db()
        assert objective.plan == other_plan

    def test_an_update_dated_in_the_future_is_refused(self):
        update = ProgressUpdateFactory.build(
            objective=ObjectiveFactory(), date=timezone.localdate() + datetime.timedelta(days=1)
        )
        with pytest.raises(ValidationError) as error:
            update.full_clean()
        assert "date" in error.value.message_dict

    def test_progress_above_100_is_refused(self):
        update = ProgressUpdateFactory.build(objective=ObjectiveFactory(), progress=101)
        with pytest.raises(ValidationError) as error:
            update.full_clean()
        assert "progress" in error.value.message_dict
        with pytest.raises(IntegrityError), transaction.atomic():
            update.save()

    def test_a_code_must_look_like_a_code(self):
        objective = ObjectiveFactory.build(axis=AxisFactory(), code="5/2")
        with pytest.raises(ValidationError) as error:
            objective.full_clean()
        assert "code" in error.value.message_dict
