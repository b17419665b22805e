from django.shortcuts import get_object_or_404, redirect
from django.utils.cache import add_never_cache_headers
from django.views.generic import DetailView, ListView

from . import structured_data
from .forms import NewsFilterForm
from .models import NewsItem


class NewsListView(ListView):
    paginate_by = 10
    template_name = "news/newsitem_list.html"
    context_object_name = "items"

    def get_queryset(self):
        published = NewsItem.objects.published()
        choices = {
            "years": published.years(),
            "networks": list(published.linked_networks()),
        }
        self.filters = NewsFilterForm(self.request.GET, **choices).filters()
        # Shown with the filters that apply, without errors: a stale value is simply dropped.
        self.filter_form = NewsFilterForm(initial=self.filters, **choices)
        items = NewsItem.objects.for_listing()
        if "year" in self.filters:
            items = items.in_year(self.filters["year"])
        if "network" in self.filters:
            items = items.for_network(self.filters["network"])
        return items

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context["page_obj"]
        context.update(
            filter_form=self.filter_form,
            filters=self.filters,
            network_name=dict(self.filter_form.fields["network"].choices).get(
                self.filters.get("network")
            ),
            page_range=page.paginator.get_elided_page_range(page.number, on_each_side=2),
        )
        return context


class NewsDetailView(DetailView):
    template_name = "news/newsitem_detail.html"

    def can_preview(self) -> bool:
        """Staff who may see news in the admin may also see drafts and scheduled items here."""
        user = self.request.user
        return user.is_staff and user.has_perm("news.view_newsitem")

    def get_queryset(self):
        items = NewsItem.objects.for_detail()
        return items if self.can_preview() else items.published()

    def get_object(self, queryset=None):
        queryset = self.get_queryset() if queryset is None else queryset
        return get_object_or_404(queryset.by_slug(self.kwargs["slug"])[:1])

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.object.slug != self.kwargs["slug"]:
            # Reached by the Catalan slug while the item has its own slug in this language.
            return redirect(self.object, permanent=True)
        response = self.render_to_response(self.get_context_data(object=self.object))
        if not self.object.is_published():
            # A staff preview must never be stored by a browser or a shared cache.
            add_never_cache_headers(response)
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        item = self.object
        image_url = ""
        if item.image and item.image.file:
            image_url = self.request.build_absolute_uri(item.image.og_image_url)
        data = structured_data.news_article(
            item, url=self.request.build_absolute_uri(item.get_absolute_url()), image_url=image_url
        )
        context.update(
            item=item,
            is_preview=not item.is_published(),
            previous_item=item.get_previous_published(),
            next_item=item.get_next_published(),
            og_image_url=image_url,
            json_ld=structured_data.to_script(data),
        )
        return context
