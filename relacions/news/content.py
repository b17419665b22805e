"""What the news gives the shared features (relacions.core.declaration)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from relacions.core.declaration import Content, PlaceLayer, Timeline
from relacions.core.roles import EDITORS

from . import datasets, search, sitemaps
from .models import NewsItem

# News shows on a place's page through what it is about: an event held there, a network based
# there, an agreement or a project with a partner there (not on the map: news has no place).
NEWS = PlaceLayer(
    key="news",
    label=_("News"),
    queryset=lambda: NewsItem.objects.published(),
    place=(
        "events__location",
        "networks__seat",
        "agreements__partners__place",
        "projects__partners__place",
    ),
    title=lambda item: item.title,
    date=lambda item: item.published_on,
    url=lambda item: item.get_absolute_url(),
    describe=lambda item: item.title,
    on_map=False,
    order=50,
)

content = Content(
    urls=(_("news/"), "relacions.news.urls"),
    roles={
        EDITORS: (
            "news.add_newsitem",
            "news.change_newsitem",
            "news.view_newsitem",
            "news.delete_newsitem",
        ),
    },
    search=search.INDEXED,
    sitemaps=sitemaps.SITEMAPS,
    timelines=(
        Timeline(NewsItem, pgettext_lazy("objective timeline", "News"), date="published_on"),
    ),
    datasets=(datasets.NEWS,),
    places=(NEWS,),
    demo="demo.yaml",
)
