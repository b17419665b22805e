from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from relacions.core.roles import EDITORS


class NewsConfig(AppConfig):
    name = "relacions.news"
    verbose_name = _("News")
    role_permissions = {
        EDITORS: (
            "news.add_newsitem",
            "news.change_newsitem",
            "news.view_newsitem",
            "news.delete_newsitem",
        ),
    }

    def ready(self):
        from . import search

        search.register()
