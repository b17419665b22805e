"""What the yearly reports give the shared features (relacions.core.declaration)."""

from django.utils.translation import gettext_lazy as _

from relacions.core.declaration import Content
from relacions.core.roles import EDITORS

from . import dashboard, datasets, fragments, sitemaps

content = Content(
    # /ca/memoria/, /es/memoria/, /en/annual-report/ (the segment is translated in locale/).
    urls=(_("annual-report/"), "relacions.reports.urls"),
    # Editors write the narrative and the press review; publishing (freezing the figures) is the
    # Administrators' (who have every permission, `reports.publish_yearreport` among them).
    roles={
        EDITORS: (
            "reports.add_yearreport",
            "reports.change_yearreport",
            "reports.view_yearreport",
            "reports.add_areatext",
            "reports.change_areatext",
            "reports.delete_areatext",
            "reports.view_areatext",
            "reports.add_clipping",
            "reports.change_clipping",
            "reports.delete_clipping",
            "reports.view_clipping",
            "reports.view_edition",
        ),
    },
    sitemaps=sitemaps.SITEMAPS,
    datasets=(datasets.FIGURES,),
    dashboard=(dashboard.last_year,),
    fragments={"body": fragments.BODY},
    demo="demo.yaml",
)
