from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from relacions.core.structured_data import to_script
from relacions.workflow.preview import PreviewMixin

from . import structured_data
from .forms import AgreementFilterForm
from .models import Agreement

RELATED_LIMIT = 20


class AgreementListView(ListView):
    """The twin cities first, then the other agreements; filterable by kind, status and the
    partners' country."""

    template_name = "agreements/agreement_list.html"
    context_object_name = "agreements"
    paginate_by = 50
    query_parameters = ("kind", "status", "country")

    def get_queryset(self):
        self.filter_form = AgreementFilterForm(
            self.request.GET, country_codes=Agreement.objects.countries()
        )
        self.filters = self.filter_form.filters()
        if self.filter_form.errors:
            return Agreement.objects.none()
        agreements = Agreement.objects.for_listing()
        if "kind" in self.filters:
            agreements = agreements.filter(kind=self.filters["kind"])
        if "status" in self.filters:
            agreements = agreements.filter(agreement_status=self.filters["status"])
        if "country" in self.filters:
            agreements = agreements.in_country(self.filters["country"])
        return agreements

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            filter_form=self.filter_form, filters=self.filters, **kwargs
        )

    def render_to_response(self, context, **response_kwargs):
        if self.filter_form.errors:
            response_kwargs["status"] = 404
        return super().render_to_response(context, **response_kwargs)


class AgreementDetailView(PreviewMixin, DetailView):
    """A published agreement: every field Llei 19/2014 art. 14 asks for, its timeline and its
    documents. Drafts are seen only through the admin's signed preview links."""

    template_name = "agreements/agreement_detail.html"
    context_object_name = "agreement"

    def get_object(self, queryset=None):
        agreements = Agreement.objects.for_detail().by_slug(self.kwargs["slug"])
        return get_object_or_404(agreements[:1])

    def get_preview_object(self, obj):
        return Agreement.objects.for_page().get(pk=obj.pk)

    def get_context_data(self, **kwargs):
        agreement = self.object
        news = list(agreement.news_items.published().order_by("-published_on")[:RELATED_LIMIT])
        events = list(agreement.events.published().order_by("-start")[:RELATED_LIMIT])
        return super().get_context_data(
            **kwargs,
            news=news,
            events=events,
            networks=list(agreement.networks.published()),
            timeline=agreement.timeline(news=news, events=events),
            json_ld=to_script(
                structured_data.agreement_data(
                    agreement, url=self.request.build_absolute_uri(agreement.get_absolute_url())
                )
            ),
        )
