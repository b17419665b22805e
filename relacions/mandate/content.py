"""What the Pla de Mandat gives the shared features (relacions.core.declaration)."""

from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _

from relacions.core.declaration import PERCENT, Content, Indicator, ReportArea, year_bounds
from relacions.core.roles import EDITORS, NETWORK_ADMINISTRATORS

from . import datasets, fragments, search, sitemaps
from .models import Objective, Plan
from .models.plan import weighted_progress


def plan_url(year: int, **filters: int) -> str | None:
    """The page of the plan in force in `year`, in the active language, with `filters`."""
    plan = Plan.objects.in_force(year).first()
    if plan is None:
        return None
    return plan.get_absolute_url() + (f"?{urlencode(filters)}" if filters else "")


def progress_on(day):
    """The plan's weighted progress on `day`: its objectives' latest public updates by then."""
    return Objective.objects.of_plan_in_force(day.year).with_progress(on=day)


# The plan in force in the year (Plan.objects.in_force); only public updates count.
REPORT = ReportArea(
    key="mandate",
    label=_("Pla de Mandat"),
    order=70,
    indicators=(
        Indicator(
            key="mandate.progress_start",
            label=_("Progress of the plan on 1 January"),
            records=lambda year: progress_on(year_bounds(year)[0]),
            measure=weighted_progress,
            unit=PERCENT,
            url=lambda year: plan_url(year),
        ),
        Indicator(
            key="mandate.progress_end",
            label=_("Progress of the plan on 31 December"),
            records=lambda year: progress_on(year_bounds(year)[1]),
            measure=weighted_progress,
            unit=PERCENT,
            url=lambda year: plan_url(year),
        ),
        Indicator(
            key="mandate.objectives_done",
            label=_("Objectives done during the year"),
            records=lambda year: Objective.objects.of_plan_in_force(year).done_during(year),
            url=lambda year: plan_url(year, done=year),
        ),
        Indicator(
            key="mandate.objectives_updated",
            label=_("Objectives with a progress update"),
            records=lambda year: Objective.objects.of_plan_in_force(year).updated_during(year),
            url=lambda year: plan_url(year, updated=year),
        ),
    ),
)

content = Content(
    urls=(_("mandate-plan/"), "relacions.mandate.urls"),
    # Administrators manage the plan (they hold every permission). The other roles only link
    # their news, events, memberships and forums to objectives, which needs seeing them.
    roles={
        EDITORS: ("mandate.view_objective",),
        NETWORK_ADMINISTRATORS: ("mandate.view_objective",),
    },
    search=search.INDEXED,
    sitemaps=sitemaps.SITEMAPS,
    datasets=(datasets.PLAN,),
    report=REPORT,
    fragments={"card": fragments.CARD, "body": fragments.BODY, "timeline": fragments.TIMELINE},
    demo="demo.yaml",
)
