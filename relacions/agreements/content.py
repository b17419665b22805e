"""What the agreements give the shared features (relacions.core.declaration)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from relacions.core.declaration import Content, Timeline
from relacions.core.roles import EDITORS

from . import dashboard, datasets, search, sitemaps
from .models import Agreement

content = Content(
    urls=(_("agreements/"), "relacions.agreements.urls"),
    # Agreements are legal records: Administrators (who have every permission) change them;
    # Editors read them (to link news and events) but never the internal yearly reviews.
    roles={
        EDITORS: (
            "agreements.view_agreement",
            "agreements.view_partner",
            "agreements.view_amendment",
            "agreements.view_document",
            "agreements.view_cooperationarea",
        ),
    },
    search=search.INDEXED,
    sitemaps=sitemaps.SITEMAPS,
    timelines=(
        Timeline(Agreement, pgettext_lazy("objective timeline", "Agreements"), date="signed_on"),
    ),
    datasets=(datasets.AGREEMENTS,),
    dashboard=(dashboard.dormant_twinnings,),
    demo="demo.yaml",
)
