from urllib.parse import urlencode

from django.utils import timezone
from django.views.generic import DetailView, ListView

from relacions.core.filtering import FilteredListMixin
from relacions.core.prepared import published_by_slug
from relacions.operations import pagecache
from relacions.operations.pagecache.counts import KeptCount
from relacions.operations.pagecache.fragments import with_stamps
from relacions.workflow.preview import PreviewMixin

from .forms import VisitFilterForm
from .models import Visit


class VisitListView(FilteredListMixin, KeptCount, ListView):
    """The public visits, newest first, filterable by direction, year, country and purpose, with
    the totals of each year (of the visits the filters select) computed in the database."""

    template_name = "visits/visit_list.html"
    context_object_name = "visits"
    paginate_by = 50

    def get_filter_form(self):
        # Read over every public visit: kept until the content changes (or the day does).
        years, countries = pagecache.remember(
            "visits:filter-choices", lambda: (Visit.objects.years(), Visit.objects.countries())
        )
        return VisitFilterForm(self.request.GET, years=years, country_codes=countries)

    @staticmethod
    def rows(now, **filters):
        """The list at `now` (its pages prepared per shape of the filters: KeptCount)."""
        visits = Visit.objects.published(now)
        if "direction" in filters:
            visits = visits.filter(direction=filters["direction"])
        if "year" in filters:
            visits = visits.in_year(int(filters["year"]))
        if "country" in filters:
            visits = visits.in_country(filters["country"])
        if "purpose" in filters:
            visits = visits.filter(purpose_category=filters["purpose"])
        # The cards (visits.fragments.CARD) prefetch their places when the cache lacks them.
        return visits.order_by("-starts_on", "pk")

    def get_context_data(self, **kwargs):
        totals = []
        if not self.filter_form.errors:
            # The same for every page of these filters: kept as the filter's choices are.
            totals = pagecache.remember(
                f"visits:totals:{urlencode(sorted(self.filters.items()))}",
                lambda: list(self.object_list.order_by().totals_by_year()),
            )
        return super().get_context_data(totals=totals, **kwargs)


# A visit's page's lookup, compiled once (relacions.core.prepared).
BY_SLUG = published_by_slug(
    lambda now: with_stamps(
        Visit.objects.published(now).page_row(), now, "visits.detail", "visits.structured_data"
    ),
)


class VisitDetailView(PreviewMixin, DetailView):
    """A public visit: who, where, why, what came of it, the gifts received and, once final,
    its costs. Drafts and unfinished visits are seen only through the admin's preview links."""

    template_name = "visits/visit_detail.html"
    context_object_name = "visit"

    def get_object(self, queryset=None):
        return BY_SLUG.first_or_404(now=timezone.now(), slug=self.kwargs["slug"])

    def get_preview_object(self, obj):
        return Visit.objects.for_page().get(pk=obj.pk)

    def get_context_data(self, **kwargs):
        # The page's body (participants, costs, gifts, what it served) and its schema.org data
        # are fragments (fragments.DETAIL and STRUCTURED_DATA, which is given the page's address).
        visit = self.object
        return super().get_context_data(
            **kwargs,
            page_address=self.request.build_absolute_uri(visit.get_absolute_url()),
        )
