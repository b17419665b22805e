"""CSV exports of memberships and fees for Network administrators (admin only).

Headers and choice labels are in the language of the request, and so are the separators: in
Catalan and Spanish `;` between fields and a decimal comma, as a spreadsheet set to those
languages opens a CSV (relacions.core.csv_export). Files start with a byte-order mark so
spreadsheet programs read the accents right, and a cell that a spreadsheet would run as a formula
(starting with =, +, -, @) is written with a leading apostrophe.
"""

from collections.abc import Callable, Iterable

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from relacions.core.csv_export import csv_response

from .models import Membership, MembershipFee


def _label(model, field: str) -> str:
    return str(model._meta.get_field(field).verbose_name)


def membership_columns(year: int) -> list[tuple[str, Callable[[Membership], object]]]:
    return [
        (_label(Membership, "network"), lambda m: m.network.name),
        (_label(Membership, "member_entity"), lambda m: m.member_entity),
        (_label(Membership, "category"), lambda m: m.get_category_display()),
        (_label(Membership, "status"), lambda m: m.get_status_display()),
        (_label(Membership, "since"), lambda m: m.since),
        (_label(Membership, "until"), lambda m: m.until),
        (_label(Membership, "voting_rights"), lambda m: m.voting_rights),
        (_label(Membership, "renewal_date"), lambda m: m.renewal_date),
        (_("Fee %(year)s (EUR)") % {"year": year}, lambda m: m.year_fee),
        (_label(Membership, "internal_contact"), lambda m: m.internal_contact),
        (_label(Membership, "political_representative"), lambda m: m.political_representative),
        (_label(Membership, "notes"), lambda m: m.notes),
    ]


def fee_columns() -> list[tuple[str, Callable[[MembershipFee], object]]]:
    return [
        (_label(Membership, "network"), lambda f: f.membership.network.name),
        (_label(Membership, "member_entity"), lambda f: f.membership.member_entity),
        (_label(Membership, "category"), lambda f: f.membership.get_category_display()),
        (_label(MembershipFee, "year"), lambda f: f.year),
        (_label(MembershipFee, "amount"), lambda f: f.amount),
        (_label(MembershipFee, "budget_line"), lambda f: f.budget_line),
        (_label(MembershipFee, "note"), lambda f: f.note),
    ]


def _csv_response(filename: str, columns, rows: Iterable) -> HttpResponse:
    return csv_response(
        filename=filename,
        headers=[header for header, _value in columns],
        rows=([value(row) for _header, value in columns] for row in rows),
        for_spreadsheet=True,
    )


def memberships_csv(memberships) -> HttpResponse:
    """`memberships`: a Membership queryset (the admin's, filtered or selected)."""
    year = timezone.localdate().year
    if "year_fee" not in memberships.query.annotations:
        memberships = memberships.with_fee_for(year)
    rows = memberships.select_related("network")
    today = timezone.localdate().isoformat()
    return _csv_response(f"memberships-{today}.csv", membership_columns(year), rows)


def fees_csv(memberships) -> HttpResponse:
    """The fees of `memberships`, newest year first."""
    fees = (
        MembershipFee.objects.filter(membership__in=memberships.order_by().values("pk"))
        .select_related("membership__network")
        .order_by("-year", "membership__network_id", "membership__since", "pk")
    )
    today = timezone.localdate().isoformat()
    return _csv_response(f"membership-fees-{today}.csv", fee_columns(), fees)
