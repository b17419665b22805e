from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.views.generic import DetailView, ListView

from relacions.core.filtering import FilteredListMixin
from relacions.core.prepared import published_by_slug
from relacions.operations import pagecache
from relacions.operations.pagecache.counts import KeptCount
from relacions.operations.pagecache.fragments import with_stamps
from relacions.workflow.preview import PreviewMixin

from .forms import ProjectFilterForm
from .models import Programme, Project, Theme
from .totals import project_totals


def programme_tree() -> list[Programme]:
    """The code list, each programme followed by its strands (one query)."""
    programmes = list(Programme.objects.all())
    strands: dict[int, list[Programme]] = {}
    for programme in programmes:
        if programme.parent_id:
            strands.setdefault(programme.parent_id, []).append(programme)
    tree = []
    for programme in programmes:
        if not programme.parent_id:
            tree += [programme, *strands.get(programme.pk, [])]
    return tree


class ProjectListView(FilteredListMixin, KeptCount, ListView):
    """The projects, newest first, filterable by programme (a programme with its strands),
    status, the city's role, theme and year (the years a project runs, the year it started or
    ended), under the register's totals."""

    template_name = "projects/project_list.html"
    context_object_name = "projects"
    paginate_by = 30
    query_parameters = ("programme", "status", "role", "theme", "year", "started", "ended")

    def get_filter_form(self):
        # Read over every public project and the code lists: kept until the content changes (or
        # the day does); the totals name the programmes in the active language.
        self.totals = pagecache.remember(f"projects:totals:{get_language()}", project_totals)
        return ProjectFilterForm(
            self.request.GET,
            programmes=pagecache.remember("projects:programmes", programme_tree),
            themes=pagecache.remember("projects:themes", lambda: list(Theme.objects.all())),
            years=self.totals.running_years,
            started=[int(row.key) for row in self.totals.years],
            ended=self.totals.ended_years,
        )

    @staticmethod
    def rows(now, **filters):
        """The list at `now` (its pages prepared per shape of the filters: KeptCount)."""
        projects = Project.objects.for_listing(now)
        if "programme" in filters:
            programme = int(filters["programme"])
            projects = projects.filter(Q(programme=programme) | Q(programme__parent=programme))
        if "status" in filters:
            projects = projects.filter(project_status=filters["status"])
        if "role" in filters:
            projects = projects.filter(city_role=filters["role"])
        if "theme" in filters:
            projects = projects.filter(themes=int(filters["theme"]))
        if "year" in filters:
            projects = projects.running_in(int(filters["year"]))
        if "started" in filters:
            projects = projects.started_in(int(filters["started"]))
        if "ended" in filters:
            projects = projects.ended_in(int(filters["ended"]))
        return projects

    def get_context_data(self, **kwargs):
        return super().get_context_data(totals=self.totals, **kwargs)


# A project's page's lookup, compiled once (relacions.core.prepared).
BY_SLUG = published_by_slug(
    lambda now: with_stamps(
        Project.objects.published(now).page_row(),
        now,
        "projects.detail",
        "projects.structured_data",
    ),
)


class ProjectDetailView(PreviewMixin, DetailView):
    """A published project: its money, partners, results, timeline and what it is tied to, with
    the EU emblem and funding statement when its programme is EU-funded. Drafts are seen only
    through the admin's signed preview links."""

    template_name = "projects/project_detail.html"
    context_object_name = "project"

    def get_object(self, queryset=None):
        return BY_SLUG.first_or_404(now=timezone.now(), slug=self.kwargs["slug"])

    def get_preview_object(self, obj):
        return Project.objects.for_page().get(pk=obj.pk)

    def get_context_data(self, **kwargs):
        # The page's body (its timeline and related objects included) and its schema.org data
        # are fragments (fragments.DETAIL and STRUCTURED_DATA, which is given the page's address).
        project = self.object
        return super().get_context_data(
            **kwargs,
            page_address=self.request.build_absolute_uri(project.get_absolute_url()),
        )
