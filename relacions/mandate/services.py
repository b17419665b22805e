"""One report of a plan, shared by the overview page and the JSON and CSV downloads, so the three
always show the same figures. Titles with no translation in the language asked for are the
Catalan ones, and the downloads say which (`only_in_catalan`)."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from relacions.core.csv_export import csv_text
from relacions.core.fallback import fallback_fields

from .models import Axis, Plan, ProgressUpdate


@dataclass(frozen=True)
class PlanReport:
    plan: Plan
    axes: list[Axis]
    status_counts: dict[str, int]
    axis: int | None = None
    status: str | None = None
    done: int | None = None
    updated: int | None = None

    @property
    def is_filtered(self) -> bool:
        filters = (self.axis, self.status, self.done, self.updated)
        return any(value is not None for value in filters)

    @property
    def status_summary(self) -> list[tuple[str, str, int]]:
        """(status, label, number of objectives) for every status, in the choices' order."""
        return [
            (value, label, self.status_counts.get(value, 0))
            for value, label in ProgressUpdate.Status.choices
        ]

    @property
    def objective_count(self) -> int:
        return sum(self.status_counts.values())


def plan_report(
    *,
    plan: Plan,
    axis: int | None = None,
    status: str | None = None,
    done: int | None = None,
    updated: int | None = None,
) -> PlanReport:
    """`plan` must come from `Plan.objects.for_overview()` (it carries `progress`). The status
    counts cover the whole plan, whatever the filters."""
    axes = list(plan.axes.numbered(axis).for_overview(status=status, done=done, updated=updated))
    return PlanReport(
        plan=plan,
        axes=axes,
        status_counts=plan.objectives.status_counts(),
        axis=axis,
        status=status,
        done=done,
        updated=updated,
    )


def report_as_data(*, report: PlanReport, build_uri) -> dict:
    """The report as JSON-ready data; `build_uri` turns a path into an absolute address."""
    plan = report.plan
    return {
        "plan": {
            "title": plan.title,
            "start_year": plan.start_year,
            "end_year": plan.end_year,
            "approved_on": plan.approved_on.isoformat() if plan.approved_on else None,
            "document_url": plan.document_url or None,
            "progress": float(plan.progress),
            "url": build_uri(plan.get_absolute_url()),
            "only_in_catalan": fallback_fields(plan, ("title",)),
        },
        "status_counts": report.status_counts,
        "axes": [
            {
                "number": axis.number,
                "title": axis.title,
                "only_in_catalan": fallback_fields(axis, ("title",)),
                "progress": float(axis.progress),
                "objectives": [
                    {
                        "code": objective.code,
                        "title": objective.title,
                        "status": objective.current_status,
                        "status_label": str(objective.status_label),
                        "progress": objective.current_progress,
                        "weight": objective.weight,
                        "target_date": _iso(objective.target_date),
                        "last_update": _iso(objective.last_update_on),
                        "url": build_uri(objective.get_absolute_url()),
                        "only_in_catalan": fallback_fields(objective, ("title",)),
                    }
                    for objective in axis.objectives.all()
                ],
            }
            for axis in report.axes
        ],
    }


def report_as_csv(*, report: PlanReport, build_uri) -> str:
    """One row per objective, headers in the active language (relacions.core.csv_export: byte-order
    mark, formula-injection guard)."""
    headers = [
        _("Axis number"),
        _("Axis"),
        _("Axis progress (%)"),
        _("Code"),
        _("Objective"),
        _("Status"),
        _("Progress (%)"),
        _("Weight"),
        _("Target date"),
        _("Last update"),
        _("Address"),
        _("Only in Catalan"),
    ]
    rows = (
        [
            axis.number,
            axis.title,
            axis.progress,
            objective.code,
            objective.title,
            objective.status_label,
            objective.current_progress,
            objective.weight,
            objective.target_date,
            objective.last_update_on,
            build_uri(objective.get_absolute_url()),
            _catalan_columns(axis, objective),
        ]
        for axis in report.axes
        for objective in axis.objectives.all()
    )
    return csv_text(headers, rows)


def _catalan_columns(axis: Axis, objective) -> str:
    """The CSV's columns (by their headers) whose text is the Catalan one."""
    names = [_("Axis")] if fallback_fields(axis, ("title",)) else []
    names += [_("Objective")] if fallback_fields(objective, ("title",)) else []
    return "; ".join(str(name) for name in names)


def _iso(value) -> str | None:
    return value.isoformat() if value else None
