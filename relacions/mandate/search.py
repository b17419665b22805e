"""How the site search indexes the Pla de Mandat (the `search` part of content.py).

Objectives have no status of their own: they are public exactly while their plan is, so their
entries are rewritten whenever the plan (or their axis) is saved. Saving a plan also rewrites the
other plans' entries, since marking one plan current changes the others' addresses."""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from relacions.search.registry import Facet, Indexed, parent_window

from .models import Axis, Objective, Plan

MANDATE = Facet("objectives", _("Pla de Mandat"), order=40)


def objective_url(objective: Objective) -> str:
    # Through the axis: when an axis moves to another plan, Axis.save() copies the new plan to its
    # objectives only after the axis's post_save signal, which is when they are re-indexed.
    plan = objective.axis.plan
    return reverse("mandate:objective", kwargs={"plan": plan.slug, "code": objective.code})


INDEXED = (
    Indexed(
        Plan,
        facet=MANDATE,
        title="title",
        summary=("summary",),
        depends_on={Plan: lambda plan: ~Q(pk=plan.pk)},
    ),
    Indexed(
        Objective,
        facet=MANDATE,
        title="title",
        summary=("code",),
        body=("description", "axis.title"),
        window=parent_window("axis.plan"),
        url=objective_url,
        queryset=lambda: Objective.objects.select_related("axis__plan"),
        depends_on={
            Plan: lambda plan: Q(axis__plan=plan),
            Axis: lambda axis: Q(axis=axis),
        },
    ),
)
