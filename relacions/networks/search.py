"""How the site search indexes networks and their forums (the `search` part of
content.py). A forum is public only while its network is, and its address names
the network: its entries are rewritten whenever the network is saved."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from relacions.search.registry import Facet, Indexed, window_within

from .models import Forum, Network

NETWORKS = Facet("networks", _("Networks"), order=30)

INDEXED = (
    Indexed(
        Network,
        facet=NETWORKS,
        title="name",
        summary=("acronym", "headquarters"),
        body=("description",),
    ),
    Indexed(
        Forum,
        facet=NETWORKS,
        title="name",
        summary=("network.name",),
        body=("description", "chair_city"),
        window=window_within("network"),
        queryset=lambda: Forum.objects.select_related("network"),
        depends_on={Network: lambda network: Q(network=network)},
    ),
)
