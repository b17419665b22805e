"""What the news gives the shared features (relacions.core.declaration)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from relacions.core.declaration import Content, Timeline
from relacions.core.roles import EDITORS

from . import datasets, search, sitemaps
from .models import NewsItem

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
    demo="demo.yaml",
)
