"""What the register of places gives the shared features (relacions.core.declaration)."""

from django.utils.translation import gettext_lazy as _

from relacions.core.declaration import Content
from relacions.core.roles import EDITORS

content = Content(
    urls=(_("places/"), "relacions.places.urls"),
    # Editors choose (and add) the places of their events; Administrators do everything.
    roles={EDITORS: ("places.view_place", "places.add_place", "places.change_place")},
    demo="demo.yaml",
)
