from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpenDataConfig(AppConfig):
    """The site's machine-readable outputs: a page that lists them with their licence, and the
    JSON and CSV downloads of the news, the agenda and the networks. It stands on the content
    apps (it reads their published items); none of them knows it."""

    name = "relacions.opendata"
    label = "opendata"
    verbose_name = _("Open data")
