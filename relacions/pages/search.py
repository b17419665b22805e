"""How the site search indexes pages (registered in `PagesConfig.ready()`)."""

from django.utils.translation import gettext_lazy as _

from relacions.search.registry import Facet, Indexed, registry

from .models import Page

PAGES = Facet("pages", _("Pages"), order=50)


def register() -> None:
    registry.register(
        Indexed(Page, facet=PAGES, title="title", summary=("summary",), body=("body",))
    )
