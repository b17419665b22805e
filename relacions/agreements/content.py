"""What the agreements give the shared features (relacions.core.declaration)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from relacions.core.declaration import Content, PlaceLayer, Timeline
from relacions.core.models import Publishable
from relacions.core.roles import EDITORS

from . import dashboard, datasets, search, sitemaps
from .models import Agreement, Partner


def _agreement_date(partner):
    agreement = partner.agreement
    return agreement.signed_on or agreement.in_force_on or agreement.approved_on


def _describe_agreement(partner):
    kind = partner.agreement.get_kind_display()
    since = _agreement_date(partner)
    if since is None:
        return str(kind)
    return _("%(tie)s since %(year)s") % {"tie": kind, "year": since.year}


PARTNERS = PlaceLayer(
    key="agreements",
    label=_("Agreements and twin cities"),
    queryset=lambda: Partner.objects.filter(
        Publishable.published_q(prefix="agreement__"), place__isnull=False
    ).select_related("agreement"),
    place="place",
    title=lambda partner: partner.agreement.title,
    date=_agreement_date,
    url=lambda partner: partner.agreement.get_absolute_url(),
    describe=_describe_agreement,
    order=20,
)

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
    places=(PARTNERS,),
    dashboard=(dashboard.dormant_twinnings,),
    demo="demo.yaml",
)
