"""What the Pla de Mandat gives the shared features (relacions.core.declaration)."""

from django.utils.translation import gettext_lazy as _

from relacions.core.declaration import Content
from relacions.core.roles import EDITORS, NETWORK_ADMINISTRATORS

from . import datasets, search, sitemaps

content = Content(
    urls=(_("mandate-plan/"), "relacions.mandate.urls"),
    # Administrators manage the plan (they hold every permission). The other roles only link
    # their news, events, memberships and forums to objectives, which needs seeing them.
    roles={
        EDITORS: ("mandate.view_objective",),
        NETWORK_ADMINISTRATORS: ("mandate.view_objective",),
    },
    search=search.INDEXED,
    sitemaps=sitemaps.SITEMAPS,
    datasets=(datasets.PLAN,),
    demo="demo.yaml",
)
