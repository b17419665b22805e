"""What the register of places gives the shared features (relacions.core.declaration)."""

from django.utils.translation import gettext_lazy as _

from relacions.core.declaration import Content
from relacions.core.roles import EDITORS
from relacions.core.sitemaps import ViewsSitemap

from . import datasets

content = Content(
    # The world map at /ca/mon/ (/es/mundo/, /en/world/) and each place's page under it.
    urls=(_("world/"), "relacions.places.urls"),
    # Editors choose (and add) the places of their events; Administrators do everything.
    roles={EDITORS: ("places.view_place", "places.add_place", "places.change_place")},
    sitemaps={"world": ViewsSitemap(["places:world"])},
    datasets=(datasets.WORLD,),
    demo="demo.yaml",
)
