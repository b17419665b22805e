"""What the redirects app gives the roles (relacions.core.declaration)."""

from relacions.core.declaration import Content
from relacions.core.roles import EDITORS

content = Content(
    # Editors keep their own links working; sending visitors to another site is for
    # Administrators (redirects.allow_external_redirect).
    roles={
        EDITORS: (
            "redirects.add_redirect",
            "redirects.change_redirect",
            "redirects.delete_redirect",
            "redirects.view_redirect",
        ),
    },
    # A redirect answers only addresses that no page answers, which are never cached.
    page_cache=False,
)
