"""How the site search indexes news (the `search` part of content.py)."""

from django.utils.translation import gettext_lazy as _

from relacions.search.registry import Facet, Indexed

from .models import NewsItem

NEWS = Facet("news", _("News"), order=10)

INDEXED = (
    Indexed(
        NewsItem,
        facet=NEWS,
        title="title",
        summary=("summary",),
        body=("body",),
        date=lambda item: item.published_on,
    ),
)
