from django.utils import timezone
from django.views.generic import DetailView, ListView

from relacions.core.filtering import FilteredListMixin
from relacions.core.prepared import published_by_slug
from relacions.operations import pagecache
from relacions.operations.pagecache.counts import KeptCount
from relacions.operations.pagecache.fragments import with_stamps
from relacions.workflow.preview import PreviewMixin

from .forms import AgreementFilterForm
from .models import Agreement


class AgreementListView(FilteredListMixin, KeptCount, ListView):
    """The twin cities first, then the other agreements; filterable by kind, status, the
    partners' country and the year they were signed, amended, ended, in force or active."""

    template_name = "agreements/agreement_list.html"
    context_object_name = "agreements"
    paginate_by = 50
    query_parameters = ("kind", "status", "country", *AgreementFilterForm.YEAR_FILTERS)

    def get_filter_form(self):
        # Read over every public agreement: kept until the content changes (or the day does).
        choices = pagecache.remember("agreements:filter-choices", Agreement.objects.filter_choices)
        return AgreementFilterForm(self.request.GET, choices=choices)

    @staticmethod
    def rows(now, **filters):
        """The list at `now` (its pages prepared per shape of the filters: KeptCount)."""
        agreements = Agreement.objects.for_listing(now)
        if "kind" in filters:
            agreements = agreements.filter(kind=filters["kind"])
        if "status" in filters:
            agreements = agreements.filter(agreement_status=filters["status"])
        if "country" in filters:
            agreements = agreements.in_country(filters["country"])
        if "signed" in filters:
            agreements = agreements.signed_in(filters["signed"])
        if "amended" in filters:
            agreements = agreements.amended_in(filters["amended"])
        if "ended" in filters:
            agreements = agreements.ended_in(filters["ended"])
        if "in_force" in filters:
            agreements = agreements.in_force_in(filters["in_force"])
        if "activity" in filters:
            agreements = agreements.with_activity_in(filters["activity"])
        return agreements


# An agreement's page's lookup, compiled once (relacions.core.prepared).
BY_SLUG = published_by_slug(
    lambda now: with_stamps(
        Agreement.objects.published(now).page_row(now),
        now,
        "agreements.detail",
        "agreements.structured_data",
    ),
)


class AgreementDetailView(PreviewMixin, DetailView):
    """A published agreement: every field Llei 19/2014 art. 14 asks for, its timeline and its
    documents. Drafts are seen only through the admin's signed preview links."""

    template_name = "agreements/agreement_detail.html"
    context_object_name = "agreement"

    def get_object(self, queryset=None):
        return BY_SLUG.first_or_404(now=timezone.now(), slug=self.kwargs["slug"])

    def get_preview_object(self, obj):
        return Agreement.objects.for_page().get(pk=obj.pk)

    def get_context_data(self, **kwargs):
        # The page's body (its timeline included) and its schema.org data are fragments
        # (fragments.DETAIL and STRUCTURED_DATA, which is given the page's address).
        agreement = self.object
        return super().get_context_data(
            **kwargs,
            page_address=self.request.build_absolute_uri(agreement.get_absolute_url()),
        )
