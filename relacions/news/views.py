from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import get_language
from django.views.generic import DetailView, ListView

from relacions.core.declaration import year_bounds
from relacions.core.filtering import FilteredListMixin
from relacions.core.prepared import published_by_slug
from relacions.core.structured_data import default_image_url, to_script
from relacions.operations import pagecache
from relacions.operations.pagecache.counts import KeptCount
from relacions.operations.pagecache.fragments import with_stamps
from relacions.workflow.preview import PreviewMixin

from . import structured_data
from .forms import AGREEMENTS, EVENTS, NETWORKS, NewsFilterForm, filter_choices
from .models import NewsItem


class NewsListView(FilteredListMixin, KeptCount, ListView):
    paginate_by = 10
    template_name = "news/newsitem_list.html"
    context_object_name = "items"
    query_parameters = ("year", "network", "about")

    def get_filter_form(self):
        # Read over every published item: kept until the content changes
        # (relacions.operations.pagecache), per language since the networks' names and slugs are.
        choices = pagecache.remember(
            f"news:filter-choices:v3:{get_language()}",
            lambda: filter_choices(NewsItem.objects.published()),
        )
        self.network_slugs = choices.pop("slugs")
        self.network_ids = choices.pop("ids")
        # The template writes the options itself (one loop rather than two widget templates per
        # option: the network filter has one option per network).
        return NewsFilterForm(self.request.GET, **choices)

    # Its pages are prepared per shape of the filters (KeptCount); `about` chooses a branch.
    shape_filters = ("about",)

    def row_filters(self) -> dict:
        filters = dict(self.filters)
        if "year" in filters:
            # As its first and last days (the ORM would turn the year into them: not prepared).
            filters["first_day"], filters["last_day"] = year_bounds(filters.pop("year"))
        if "network" in filters:
            # By its id: matched by slug, in three languages, the query read every link.
            filters["network"] = self.network_ids[filters["network"]]
        return filters

    @staticmethod
    def rows(now, **filters):
        """The list at `now`, a year given by its `first_day` and `last_day`, `network` by its
        id."""
        items = NewsItem.objects.for_listing(now)
        if "first_day" in filters:
            items = items.published_between(filters["first_day"], filters["last_day"])
        if "network" in filters:
            items = items.for_network(filters["network"])
        if filters.get("about") == NETWORKS:
            items = items.about_networks(now)
        elif filters.get("about") == EVENTS:
            items = items.about_events(now)
        elif filters.get("about") == AGREEMENTS:
            items = items.about_agreements(now)
        return items

    def get_context_data(self, **kwargs):
        network = self.filters.get("network")
        network_name = dict(self.filter_form.fields["network"].choices).get(network)
        return super().get_context_data(network_name=network_name, **kwargs)

    def localise_query(self, query: dict, language: str) -> dict:
        """The filters of `query` as the list in `language` names them (its network slug), for
        the canonical, hreflang and language links (`{% translated_url %}`)."""
        network = self.filters.get("network")
        if network and "network" in query:
            query["network"] = self.network_slugs[network][language]
        return query


# An item's page is one query, compiled once (relacions.core.prepared): the item, its article's
# stamp and the links to the items before and after it.
BY_SLUG = published_by_slug(
    lambda now: with_stamps(
        NewsItem.objects.for_detail().published(now).with_adjacent(now), now, "news.article"
    )
)


def adjacent_to(item: NewsItem) -> tuple[NewsItem | None, NewsItem | None]:
    """(the published item just older than `item`, the one just newer), either None, as links:
    read with `item` (`with_adjacent`)."""
    older, newer = (NewsItem(**link) if link else None for link in (item.older, item.newer))  # type: ignore[attr-defined]
    return older, newer


class NewsDetailView(PreviewMixin, DetailView):
    """A published item; drafts are seen through the admin's signed preview links."""

    template_name = "news/newsitem_detail.html"

    def get_preview_object(self, obj):
        return NewsItem.objects.for_detail().with_adjacent(timezone.now()).get(pk=obj.pk)

    def get_object(self, queryset=None):
        return BY_SLUG.first_or_404(now=timezone.now(), slug=self.kwargs["slug"])

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.object.slug != self.kwargs["slug"]:
            # Reached by the Catalan slug while the item has its own slug in this language.
            return redirect(self.object, permanent=True)
        return self.render_to_response(self.get_context_data(object=self.object))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        item = self.object
        build = self.request.build_absolute_uri
        image_url = build(item.image.og_image_url) if item.image and item.image.file else ""
        data = structured_data.news_article(
            item,
            url=build(item.get_absolute_url()),
            image_url=image_url or default_image_url(build_absolute_uri=build),
        )
        previous_item, next_item = adjacent_to(item)
        context.update(
            item=item,
            is_preview=False,
            previous_item=previous_item,
            next_item=next_item,
            og_image_url=image_url,
            json_ld=to_script(data),
        )
        return context
