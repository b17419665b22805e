"""What the pages app gives the shared features (relacions.core.declaration)."""

from relacions.core.declaration import Content
from relacions.core.roles import EDITORS

from . import search, sitemaps

content = Content(
    # Under no segment of its own: its page pattern matches any slug, so it is mounted last.
    urls=("", "relacions.pages.urls"),
    roles={
        EDITORS: (
            "pages.add_page",
            "pages.change_page",
            "pages.view_page",
            # Drafts only: deleting a published page needs workflow.delete_published.
            "pages.delete_page",
            "pages.view_sitesettings",
        ),
    },
    search=search.INDEXED,
    sitemaps=sitemaps.SITEMAPS,
    demo="demo.yaml",
)
