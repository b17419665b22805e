"""How the site search indexes news (registered in `NewsConfig.ready()`)."""

from django.utils.translation import gettext_lazy as _

from relacions.search.registry import Facet, Indexed, registry

from .models import NewsItem

NEWS = Facet("news", _("News"), order=10)


def register() -> None:
    registry.register(
        Indexed(
            NewsItem,
            facet=NEWS,
            title="title",
            summary=("summary",),
            body=("body",),
            date=lambda item: item.published_on,
        )
    )
