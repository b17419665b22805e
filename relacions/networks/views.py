import datetime

from django.utils import timezone
from django.views.generic import DetailView, ListView

from relacions.core.filtering import FilteredListMixin
from relacions.core.prepared import Prepared, published_by_slug
from relacions.core.structured_data import to_script
from relacions.operations import pagecache
from relacions.operations.pagecache.counts import KeptCount
from relacions.operations.pagecache.fragments import kept_for, with_stamps
from relacions.workflow.preview import PreviewMixin

from . import structured_data
from .forms import DirectoryFilterForm
from .models import ChallengeArea, Forum, Membership, Network, Position, WorkingGroup
from .querysets import local_today


class NetworkListView(FilteredListMixin, KeptCount, ListView):
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


# A network's and a forum's page: their lookups (with their fragments' stamps) and positions,
# compiled once (relacions.core.prepared).
NETWORK = published_by_slug(
    lambda now: with_stamps(
        Network.objects.published(now).page_row(),
        now,
        "networks.detail",
        "networks.forums",
        "networks.related",
    ),
)
NETWORK_POSITIONS = Prepared(
    lambda now, network: Position.objects.held_in_network(network, now),
    now=datetime.datetime,
    network=int,
)
FORUM = Prepared(
    lambda now, network_slug, slug: with_stamps(
        Forum.objects.published(now).page_row().by_network_slug(network_slug).by_slug(slug),
        now,
        "networks.related",
    )[:1],
    now=datetime.datetime,
    network_slug=str,
    slug=str,
)
FORUM_POSITIONS = Prepared(lambda forum: Position.objects.held_in_forum(forum), forum=int)


# Their working groups and a forum's challenge areas, each shown as a fragment: read with those
# fragments' stamps (what the previews prefetch: the querysets' page_prefetches()).
def _working_groups(owner: str) -> Prepared:
    """The working groups of a network (`owner` "network") or of a forum ("forums")."""
    return Prepared(
        lambda now, owner_id: with_stamps(
            WorkingGroup.objects.filter(**{owner: owner_id}).order_by("name", "pk"),
            now,
            "networks.working-group",
        ),
        now=datetime.datetime,
        owner_id=int,
    )


NETWORK_GROUPS = _working_groups("network")
FORUM_GROUPS = _working_groups("forums")
FORUM_AREAS = Prepared(
    lambda now, forum: with_stamps(
        ChallengeArea.objects.filter(forum=forum), now, "networks.challenge-area"
    ),
    now=datetime.datetime,
    forum=int,
)


class NetworkDetailView(PreviewMixin, DetailView):
    """A published network: its lookup, then its working groups and the positions Terrassa holds
    in it, kept with the content generation (`kept_for`); a preview reads its own."""

    template_name = "networks/network_detail.html"
    context_object_name = "network"
    positions = None

    def get_object(self, queryset=None):
        now = timezone.now()
        network = NETWORK.first_or_404(now=now, slug=self.kwargs["slug"])
        network.all_working_groups, self.positions = kept_for(
            network,
            "parts",
            lambda: (
                NETWORK_GROUPS.fetch(now=now, owner_id=network.pk),
                NETWORK_POSITIONS.fetch(now=now, network=network.pk),
            ),
        )
        return network

    def get_preview_object(self, obj):
        return Network.objects.for_page().get(pk=obj.pk)

    def get_context_data(self, **kwargs):
        network = self.object
        logo_url = network.logo.og_image_url if network.logo else ""
        if self.positions is None:
            self.positions = NETWORK_POSITIONS.fetch(now=timezone.now(), network=network.pk)
        return super().get_context_data(
            **kwargs,
            positions=self.positions,
            json_ld=to_script(
                structured_data.organization(
                    network,
                    url=self.request.build_absolute_uri(network.get_absolute_url()),
                    logo_url=self.request.build_absolute_uri(logo_url) if logo_url else "",
                )
            ),
        )


class ForumDetailView(PreviewMixin, DetailView):
    """A published forum: its lookup, then its challenge areas, working groups and positions,
    kept with the content generation (`kept_for`); a preview reads its own."""

    template_name = "networks/forum_detail.html"
    context_object_name = "forum"
    positions = None

    def get_object(self, queryset=None):
        now = timezone.now()
        forum = FORUM.first_or_404(
            now=now, network_slug=self.kwargs["network_slug"], slug=self.kwargs["slug"]
        )
        forum.all_challenge_areas, forum.all_working_groups, self.positions = kept_for(
            forum,
            "parts",
            lambda: (
                FORUM_AREAS.fetch(now=now, forum=forum.pk),
                FORUM_GROUPS.fetch(now=now, owner_id=forum.pk),
                FORUM_POSITIONS.fetch(forum=forum.pk),
            ),
        )
        return forum

    def get_preview_object(self, obj):
        return Forum.objects.for_page().get(pk=obj.pk)

    def get_context_data(self, **kwargs):
        if self.positions is None:
            self.positions = FORUM_POSITIONS.fetch(forum=self.object.pk)
        return super().get_context_data(**kwargs, positions=self.positions)
