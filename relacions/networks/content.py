"""What the networks app gives the shared features (relacions.core.declaration)."""

from urllib.parse import urlencode

from django.db.models import Count, Min
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from relacions.core.declaration import Content, Indicator, PlaceLayer, ReportArea, Timeline
from relacions.core.roles import EDITORS, NETWORK_ADMINISTRATORS

from . import dashboard, datasets, fragments, search, sitemaps
from .models import Forum, Membership, Network, Position
from .models.memberships import YEAR_ENDED, YEAR_STARTED

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
    queryset=lambda now=None: (
        Network.objects.published(now)
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


def directory_url(year: int, membership: str | None = None, section: str = "") -> str:
    """The networks' directory filtered by `year` (and `membership`), in the active language;
    `section`: the part of the page that lists the records (#positions, #forums)."""
    query = {"year": year, **({"membership": membership} if membership else {})}
    return f"{reverse('networks:list')}?{urlencode(query)}{f'#{section}' if section else ''}"


# Public facts only: memberships of listed networks, not applications, by their dates (never a
# fee or an internal field); positions and forums as their pages show them. A start not recorded
# counts (as on the pages) and is listed by the report's check, so the office records it.
REPORT = ReportArea(
    key="networks",
    label=_("Networks"),
    order=10,
    indicators=(
        Indicator(
            key="networks.member",
            label=_("Networks Terrassa was a member of"),
            records=lambda year: Membership.objects.of_year(year),
            measure=lambda: Count("network", distinct=True),
            url=lambda year: directory_url(year),
            required=("since",),
        ),
        Indicator(
            key="networks.memberships",
            label=_("Memberships in force"),
            records=lambda year: Membership.objects.of_year(year),
            url=lambda year: directory_url(year),
            required=("since",),
        ),
        Indicator(
            key="networks.memberships_started",
            label=_("Memberships started"),
            records=lambda year: Membership.objects.of_year(year, YEAR_STARTED),
            url=lambda year: directory_url(year, YEAR_STARTED),
        ),
        Indicator(
            key="networks.memberships_ended",
            label=_("Memberships ended"),
            records=lambda year: Membership.objects.of_year(year, YEAR_ENDED),
            url=lambda year: directory_url(year, YEAR_ENDED),
        ),
        Indicator(
            key="networks.positions",
            label=_("Positions held in networks"),
            records=lambda year: Position.objects.public().during(year),
            url=lambda year: directory_url(year, section="positions"),
            required=("start",),
        ),
        Indicator(
            key="networks.forums",
            label=_("Forums Terrassa takes part in"),
            records=lambda year: Forum.objects.participating_by(year),
            url=lambda year: directory_url(year, section="forums"),
            required=("participating_since",),
        ),
    ),
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
            queryset=lambda now: Membership.objects.for_objective_timeline(now),
        ),
        Timeline(
            Forum,
            pgettext_lazy("objective timeline", "Forum"),
            date="participating_since",
            queryset=lambda now: Forum.objects.for_objective_timeline(now),
        ),
    ),
    datasets=(datasets.NETWORKS,),
    fragments={
        "card": fragments.CARD,
        "detail": fragments.DETAIL,
        "forums": fragments.FORUMS,
        "working-group": fragments.WORKING_GROUP,
        "challenge-area": fragments.CHALLENGE_AREA,
        "related": fragments.RELATED,
    },
    places=(SEATS,),
    dashboard=(dashboard.renewals_due,),
    report=REPORT,
    demo="demo.yaml",
)
