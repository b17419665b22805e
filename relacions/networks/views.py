from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from relacions.core.filtering import FilteredListMixin
from relacions.core.structured_data import to_script
from relacions.operations import pagecache
from relacions.workflow.preview import PreviewMixin

from . import structured_data
from .forms import DirectoryFilterForm
from .models import Forum, Membership, Network, Position
from .querysets import local_today


class NetworkListView(FilteredListMixin, ListView):
    """The networks, current memberships first. Filtered by a year, the networks Terrassa was a
    member of during it (or whose membership started or ended in it), each with that year's
    memberships, and the positions held and forums taken part in that year."""

    template_name = "networks/network_list.html"
    context_object_name = "networks"
    paginate_by = 50
    query_parameters = ("year", "membership")

    def get_filter_form(self):
        # Read over every public membership: kept until the content changes (or the day does).
        today = local_today()
        years = pagecache.remember(
            f"networks:directory-years:{today.isoformat()}",
            lambda: Membership.objects.years(today),
        )
        return DirectoryFilterForm(self.request.GET, years=years)

    def filter_queryset(self, filters):
        networks = Network.objects.for_listing()
        if "year" in filters:
            memberships = Membership.objects.of_year(filters["year"], filters.get("membership"))
            networks = networks.with_year_memberships(memberships)
        return networks

    def get_context_data(self, **kwargs):
        year = self.filters.get("year")
        if year is not None and "membership" not in self.filters:
            kwargs.update(
                year_positions=list(Position.objects.for_year(year)),
                year_forums=list(Forum.objects.for_year(year)),
            )
        return super().get_context_data(**kwargs)


class NetworkDetailView(PreviewMixin, DetailView):
    template_name = "networks/network_detail.html"
    context_object_name = "network"

    def get_object(self, queryset=None):
        return get_object_or_404(Network.objects.for_detail().by_slug(self.kwargs["slug"])[:1])

    def get_preview_object(self, obj):
        return Network.objects.for_page().get(pk=obj.pk)

    def get_context_data(self, **kwargs):
        network = self.object
        logo_url = network.logo.og_image_url if network.logo else ""
        return super().get_context_data(
            **kwargs,
            positions=list(Position.objects.held_in_network(network)),
            json_ld=to_script(
                structured_data.organization(
                    network,
                    url=self.request.build_absolute_uri(network.get_absolute_url()),
                    logo_url=self.request.build_absolute_uri(logo_url) if logo_url else "",
                )
            ),
        )


class ForumDetailView(PreviewMixin, DetailView):
    template_name = "networks/forum_detail.html"
    context_object_name = "forum"

    def get_object(self, queryset=None):
        forums = Forum.objects.for_detail().by_network_slug(self.kwargs["network_slug"])
        return get_object_or_404(forums.by_slug(self.kwargs["slug"])[:1])

    def get_preview_object(self, obj):
        return Forum.objects.for_page().get(pk=obj.pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **kwargs, positions=list(Position.objects.held_in_forum(self.object))
        )
