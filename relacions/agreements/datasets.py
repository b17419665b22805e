"""The agreements' open-data download (JSON and CSV; the columns are its field dictionary):
the public fields only, as the agreement's page shows them; never the yearly reviews."""

from django.utils.translation import gettext_lazy as _

from relacions.opendata.datasets import (
    Column,
    Dataset,
    absolute,
    attribute,
    local,
    only_in_catalan,
    plain,
)

from .models import Agreement


def _partners(agreement, _build_uri) -> list[str]:
    return [
        f"{partner.organisation} ({partner.place.label()})"
        if partner.place
        else partner.organisation
        for partner in agreement.partners.all()
    ]


def _countries(agreement, _build_uri) -> list[str]:
    return sorted({str(place.country.code) for place in agreement.partner_places()})


def _amendments(agreement, _build_uri) -> list[str]:
    return [
        f"{amendment.date.isoformat()} {amendment.get_kind_display()}: {amendment.description}"
        for amendment in agreement.amendments.all()
    ]


def _areas(agreement, _build_uri) -> list[str]:
    return [area["name"] for area in agreement.areas_shown]


AGREEMENTS = Dataset(
    slug="agreements",
    title=_("Agreements and twin cities"),
    description=_(
        "The agreements Terrassa has signed with other cities and organisations, twinnings "
        "included, with the fields Llei 19/2014 (art. 14) asks to publish."
    ),
    queryset=lambda: Agreement.objects.for_detail().prefetch_related("amendments").order_by("pk"),
    columns=(
        Column("id", _("Identifier"), attribute("pk")),
        Column("title", _("Title"), attribute("title")),
        Column("kind", _("Kind"), lambda agreement, _b: agreement.get_kind_display()),
        Column("partners", _("Partners and their places"), _partners),
        Column("countries", _("Partners' countries (ISO 3166)"), _countries),
        Column("object", _("Object"), lambda agreement, _b: plain(agreement.object)),
        Column("approved_on", _("Approved by the plenary"), attribute("approved_on")),
        Column("signed_on", _("Signature"), attribute("signed_on")),
        Column("in_force_on", _("Entry into force"), attribute("in_force_on")),
        Column("ends_on", _("End"), attribute("ends_on")),
        Column("term", _("Term"), attribute("term")),
        Column(
            "signatories",
            _("Signatories"),
            lambda agreement, _b: agreement.signatories.splitlines(),
        ),
        Column(
            "rights_and_obligations",
            _("Rights and obligations"),
            lambda agreement, _b: plain(agreement.rights_and_obligations),
        ),
        Column(
            "economic_obligations", _("Economic obligations"), attribute("economic_obligations")
        ),
        Column("amount", _("Amount (EUR)"), attribute("amount")),
        Column("paid_by", _("Paid by"), attribute("paid_by")),
        Column(
            "status", _("Status"), lambda agreement, _b: agreement.get_agreement_status_display()
        ),
        Column("status_since", _("Status since"), attribute("status_changed_on")),
        Column("status_reason", _("Reason for the status"), attribute("status_reason")),
        Column("amendments", _("Amendments and extensions"), _amendments),
        Column(
            "areas",
            _("Areas of cooperation"),
            lambda agreement, _b: [area["name"] for area in agreement.areas_shown],
        ),
        Column("last_activity", _("Last activity"), attribute("last_activity")),
        Column("gazette_url", _("Official gazette"), attribute("gazette_url")),
        Column("url", _("Address"), absolute(lambda agreement: agreement.get_absolute_url())),
        Column("updated_at", _("Last modified"), lambda agreement, _b: local(agreement.updated_at)),
        only_in_catalan(
            "title", "object", "term", "rights_and_obligations", "economic_obligations", "paid_by"
        ),
    ),
)
