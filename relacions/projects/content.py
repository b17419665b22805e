"""What the projects give the shared features (relacions.core.declaration)."""

from django.utils.translation import gettext_lazy as _

from relacions.core.declaration import Content, PlaceLayer
from relacions.core.models import Publishable

from . import datasets
from .models import Partner

# The partners' places on the world map and the place pages.
PARTNERS = PlaceLayer(
    key="projects",
    label=_("Project partners"),
    queryset=lambda: Partner.objects.filter(
        Publishable.published_q(prefix="project__"), place__isnull=False
    ).select_related("project"),
    place="place",
    title=lambda partner: str(partner.project),
    date=lambda partner: partner.project.starts_on,
    url=lambda partner: partner.project.get_absolute_url(),
    describe=lambda partner: (
        _("Partner in %(project)s since %(year)s")
        % {
            "project": partner.project.acronym or partner.project.title,
            "year": partner.project.starts_on.year,
        }
    ),
    order=30,
)

content = Content(
    datasets=(datasets.PROJECTS, datasets.PARTNERS, datasets.YEARLY_TOTALS),
    places=(PARTNERS,),
    demo="demo.yaml",
)
