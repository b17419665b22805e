import datetime
from dataclasses import replace

from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.generic import DetailView, TemplateView, View

from relacions.core.prepared import Prepared
from relacions.operations.pagecache.fragments import with_stamps
from relacions.workflow.preview import PreviewMixin

from .forms import ObjectiveFilterForm
from .models import Objective, Plan
from .services import plan_report, report_as_csv, report_as_data


class PlanView(PreviewMixin, TemplateView):
    """A published plan: its axes and objectives with their progress, filterable by axis and by
    status. The overview is this view for the current plan."""

    template_name = "mandate/plan.html"
    query_parameters = ("axis", "status", "done", "updated")

    def get_plan(self) -> Plan:
        return get_object_or_404(Plan.objects.for_overview().by_slug(self.kwargs["slug"])[:1])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        plan = self.get_plan()
        years = range(plan.start_year, plan.end_year + 1)
        form = ObjectiveFilterForm(self.request.GET, axes=plan.axes.all(), years=years)
        report = plan_report(plan=plan, **form.selected())
        if form.errors:
            # An unknown axis or status: the form with its error and no objectives.
            report = replace(report, axes=[])
        context.update(object=plan, plan=plan, report=report, filter_form=form)
        return context

    def render_to_response(self, context, **response_kwargs):
        if context["filter_form"].errors:
            response_kwargs["status"] = 404
        return super().render_to_response(context, **response_kwargs)

    def get_preview_object(self, obj):
        return Plan.objects.with_progress().get(pk=obj.pk)

    def render_preview(self, obj):
        self.get_plan = lambda: obj
        context = self.get_context_data(**self.kwargs)
        context["is_preview"] = True
        return self.render_to_response(context)


class OverviewView(PlanView):
    def get_plan(self) -> Plan:
        return get_object_or_404(Plan.objects.for_overview().current())


# An objective's page's lookup, with its fragments' stamps, compiled once (relacions.core.prepared).
BY_ADDRESS = Prepared(
    lambda now, plan_slug, code: with_stamps(
        Objective.objects.for_page(now).by_address(plan_slug=plan_slug, code=code, now=now),
        now,
        "mandate.body",
        "mandate.timeline",
    )[:1],
    now=datetime.datetime,
    plan_slug=str,
    code=str,
)


class ObjectiveView(DetailView):
    context_object_name = "objective"
    template_name = "mandate/objective_detail.html"

    def get_object(self, queryset=None):
        return BY_ADDRESS.first_or_404(
            now=timezone.now(), plan_slug=self.kwargs["plan"], code=self.kwargs["code"]
        )


class OpenDataView(View):
    """The current plan as open data, in the language of the URL's prefix."""

    def get(self, request, *args, **kwargs):
        plan = get_object_or_404(Plan.objects.for_overview().current())
        return self.render(plan_report(plan=plan))

    def render(self, report):
        raise NotImplementedError


class PlanJSONView(OpenDataView):
    def render(self, report):
        data = report_as_data(report=report, build_uri=self.request.build_absolute_uri)
        return JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})


class PlanCSVView(OpenDataView):
    def render(self, report):
        body = report_as_csv(report=report, build_uri=self.request.build_absolute_uri)
        response = HttpResponse(body, content_type="text/csv; charset=utf-8")
        filename = f"{report.plan.slug or 'plan'}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
