"""The networks dataset of the open-data page (the `datasets` part of content.py)."""

from django.utils.translation import gettext_lazy as _

from relacions.opendata.datasets import (
    BuildUri,
    Column,
    Dataset,
    absolute,
    attribute,
    local,
    names,
    only_in_catalan,
    plain,
)

from .models import Network


def current_category(network: Network, _build_uri: BuildUri) -> str:
    membership = network.current_membership()
    return membership.get_category_display() if membership else ""


NETWORKS = Dataset(
    order=30,
    slug="networks",
    title=_("Networks"),
    # Twinnings are agreements now (relacions.agreements has their dataset).
    description=_(
        "The city networks and organisations Terrassa belongs to, with its current membership."
    ),
    queryset=lambda: Network.objects.for_dataset(),
    columns=(
        Column("id", _("Identifier"), attribute("pk")),
        Column("name", _("Name"), attribute("name")),
        Column("acronym", _("Acronym"), attribute("acronym")),
        Column("kind", _("Kind"), lambda network, _b: network.get_kind_display()),
        Column("headquarters", _("Headquarters"), attribute("headquarters")),
        Column("website", _("Website"), attribute("website")),
        Column("description", _("Description"), lambda network, _b: plain(network.description)),
        Column("membership_category", _("Current membership category"), current_category),
        Column("member_since", _("Member since"), lambda network, _b: network.member_since()),
        Column("forums", _("Forums"), lambda network, _b: names(network.public_forums)),
        Column("url", _("Address"), absolute(lambda network: network.get_absolute_url())),
        Column("updated_at", _("Last modified"), lambda network, _b: local(network.updated_at)),
        only_in_catalan("name", "acronym", "headquarters", "description"),
    ),
)
