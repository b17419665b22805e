"""What the register of places gives the shared features (relacions.core.content)."""

from relacions.core.content import Content
from relacions.core.roles import EDITORS

content = Content(
    # Editors choose (and add) the places of their events; Administrators do everything.
    roles={EDITORS: ("places.view_place", "places.add_place", "places.change_place")},
    demo="demo.yaml",
)
