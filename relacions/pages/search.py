"""How the site search indexes pages (the `search` part of content.py)."""

from django.utils.translation import gettext_lazy as _

from relacions.search.registry import Facet, Indexed

from .models import Page

PAGES = Facet("pages", _("Pages"), order=50)

INDEXED = (Indexed(Page, facet=PAGES, title="title", summary=("summary",), body=("body",)),)
