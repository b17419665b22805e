"""What the projects give the shared features (relacions.core.declaration)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from relacions.core.declaration import Content, Timeline

from . import datasets, search, sitemaps
from .models import Project

content = Content(
    # /ca/projectes/, /es/proyectos/, /en/projects/ (the segment is translated in locale/).
    urls=(_("projects/"), "relacions.projects.urls"),
    search=search.INDEXED,
    sitemaps=sitemaps.SITEMAPS,
    timelines=(
        Timeline(Project, pgettext_lazy("objective timeline", "Projects"), date="starts_on"),
    ),
    datasets=(datasets.PROJECTS, datasets.PARTNERS, datasets.YEARLY_TOTALS),
    demo="demo.yaml",
)
