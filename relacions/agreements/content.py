"""What the agreements give the shared features (relacions.core.declaration)."""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from relacions.core.declaration import Content, Indicator, PlaceLayer, ReportArea, Timeline
from relacions.core.models import Publishable
from relacions.core.roles import EDITORS

from . import dashboard, datasets, fragments, search, sitemaps
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
    queryset=lambda now=None: Partner.objects.filter(
        Publishable.published_q(now, prefix="agreement__"), place__isnull=False
    ).select_related("agreement"),
    place="place",
    title=lambda partner: partner.agreement.title,
    date=_agreement_date,
    url=lambda partner: partner.agreement.get_absolute_url(),
    describe=_describe_agreement,
    order=20,
)


def _list(**filters) -> str:
    """The agreements' list in the active language, with `filters`."""
    return f"{reverse('agreements:list')}?{urlencode(filters)}"


def _public():
    return Agreement.objects.published()


# The yearly report (relacions.reports): the published agreements of a calendar year, each
# figure linked to the list filtered to exactly its agreements.
REPORT = ReportArea(
    key="agreements",
    label=_("Agreements and twin cities"),
    order=20,
    indicators=(
        Indicator(
            key="agreements.signed",
            label=_("Agreements signed"),
            records=lambda year: _public().signed_in(year),
            url=lambda year: _list(signed=year),
        ),
        Indicator(
            key="agreements.amended",
            label=_("Agreements amended or extended"),
            records=lambda year: _public().amended_in(year),
            url=lambda year: _list(amended=year),
        ),
        Indicator(
            key="agreements.ended",
            label=_("Agreements ended"),
            records=lambda year: _public().ended_in(year),
            url=lambda year: _list(ended=year),
        ),
        Indicator(
            key="agreements.in_force",
            label=_("Agreements in force"),
            records=lambda year: _public().in_force_in(year),
            url=lambda year: _list(in_force=year),
        ),
        Indicator(
            key="agreements.twinnings_in_force",
            label=_("Twin cities (twinnings in force)"),
            records=lambda year: _public().twinnings().in_force_in(year),
            url=lambda year: _list(kind=Agreement.Kind.TWINNING, in_force=year),
        ),
        Indicator(
            key="agreements.with_activity",
            label=_("Agreements with news or events"),
            records=lambda year: _public().with_activity_in(year),
            url=lambda year: _list(activity=year),
        ),
        # The news themselves: the news list selects them (?about=agreements); no list selects
        # events by agreement (each agreement's page lists its own): that figure has no link.
        Indicator(
            key="agreements.news",
            label=_("News about agreements"),
            records=lambda year: _public().linked_news(year),
            url=lambda year: (
                f"{reverse('news:list')}?{urlencode({'year': year, 'about': 'agreements'})}"
            ),
        ),
        Indicator(
            key="agreements.events",
            label=_("Events of agreements"),
            records=lambda year: _public().linked_events(year),
        ),
    ),
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
    fragments={
        "card": fragments.CARD,
        "detail": fragments.DETAIL,
        "structured_data": fragments.STRUCTURED_DATA,
    },
    places=(PARTNERS,),
    dashboard=(dashboard.dormant_twinnings,),
    report=REPORT,
    demo="demo.yaml",
)
