"""What the image library gives the shared features (relacions.core.declaration)."""

from relacions.core.declaration import Content
from relacions.core.roles import EDITORS

content = Content(
    roles={
        EDITORS: (
            "images.add_image",
            "images.change_image",
            "images.view_image",
            "images.delete_image",
        ),
    },
)
