from django.core.paginator import Paginator
from django.utils import translation
from django.utils.functional import cached_property
from django.views.generic import TemplateView

from .forms import SearchForm
from .models import SearchEntry
from .registry import registry


class CountedPaginator(Paginator):
    """A paginator told its count, which the facet counts' query has already given."""

    def __init__(self, object_list, per_page, *, count: int, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self._count = count

    @cached_property
    def count(self) -> int:
        return self._count


class SearchView(TemplateView):
    """Results in the active language, most relevant first, with facet counts: two queries
    whatever the number of matches (the counts, then the page with its snippets)."""

    template_name = "search/results.html"
    paginate_by = 10
    query_parameters = ("q", "type")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = SearchForm(self.request.GET)
        query, facet = form.search()
        if form.errors.get("q"):
            form.fields["q"].widget.attrs.update(
                {"aria-invalid": "true", "aria-describedby": "search-error"}
            )
        context.update(form=form, query=query, facet=facet)
        if query:
            context.update(self.results(query, facet))
        return context

    def results(self, query: str, facet: str | None) -> dict:
        language = translation.get_language()
        entries = SearchEntry.objects.matching(query, language=language)
        counts = entries.facet_counts()
        total = sum(counts.values())
        paginator = CountedPaginator(
            entries.of_facet(facet).for_results(query, language=language),
            self.paginate_by,
            count=counts.get(facet, 0) if facet else total,
        )
        page = paginator.get_page(self.request.GET.get("page"))
        facets = registry.facets()
        labels = {item.key: item.label for item in facets}
        results = list(page.object_list)
        for result in results:
            result.facet_label = labels.get(result.facet, "")
        return {
            "total": total,
            "facets": [
                {"key": item.key, "label": item.label, "count": counts.get(item.key, 0)}
                for item in facets
                if counts.get(item.key) or item.key == facet
            ],
            "facet_label": labels.get(facet) if facet else None,
            "paginator": paginator,
            "page_obj": page,
            "results": results,
        }
