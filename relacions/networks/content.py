"""What the networks app gives the shared features (relacions.core.declaration)."""

from django.db.models import Min
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from relacions.core.declaration import Content, PlaceLayer, Timeline
from relacions.core.roles import EDITORS, NETWORK_ADMINISTRATORS

from . import dashboard, datasets, search, sitemaps
from .models import Forum, Membership, Network

MANAGED_MODELS = (
    "network",
    "membership",
    "membershipfee",
    "forum",
    "workinggroup",
    "challengearea",
    "position",
)

SEATS = PlaceLayer(
    key="networks",
    label=_("Networks' seats"),
    # Since when the city belongs to the network: its first membership.
    queryset=lambda: (
        Network.objects.published()
        .filter(seat__isnull=False)
        .annotate(member_since=Min("memberships__since"))
    ),
    place="seat",
    title=lambda network: network.name,
    date=lambda network: network.member_since,
    url=lambda network: network.get_absolute_url(),
    describe=lambda network: _("Seat of %(network)s") % {"network": network.name},
    order=10,
)

content = Content(
    urls=(_("networks/"), "relacions.networks.urls"),
    roles={
        NETWORK_ADMINISTRATORS: (
            *(
                f"networks.{action}_{model}"
                for model in MANAGED_MODELS
                for action in ("add", "change", "delete", "view")
            ),
            "networks.view_membership_internals",
            "networks.view_renewalreminder",
        ),
        # Editors link news and events to networks and forums: they read what is public about
        # them, memberships included, but never a membership's fees, contacts, documents or notes
        # (which need view_membership_internals) and change nothing here.
        EDITORS: (
            "networks.view_network",
            "networks.view_forum",
            "networks.view_workinggroup",
            "networks.view_challengearea",
            "networks.view_membership",
            "networks.view_position",
        ),
    },
    search=search.INDEXED,
    sitemaps=sitemaps.SITEMAPS,
    timelines=(
        # What the public may know of a membership is its network's page: only memberships of
        # published networks are listed.
        Timeline(
            Membership,
            pgettext_lazy("objective timeline", "Network membership"),
            date="since",
            queryset=lambda: Membership.objects.for_objective_timeline(),
        ),
        Timeline(
            Forum,
            pgettext_lazy("objective timeline", "Forum"),
            date="participating_since",
            queryset=lambda: Forum.objects.for_objective_timeline(),
        ),
    ),
    datasets=(datasets.NETWORKS,),
    places=(SEATS,),
    dashboard=(dashboard.renewals_due,),
    demo="demo.yaml",
)
