"""How the site search indexes the projects (declared in content.py)."""

from django.utils.translation import gettext_lazy as _

from relacions.search.registry import Facet, Indexed

from .models import Project

PROJECTS = Facet("projects", _("Projects"), order=37)

INDEXED = (
    Indexed(
        Project,
        facet=PROJECTS,
        title="title",
        summary=("acronym", "summary"),
        body=("description",),
        date=lambda project: project.starts_on,
    ),
)
