"""What Network administrators and Editors see of memberships: fees written one way (list, totals,
form) in the user's language, CSV files a Catalan or Spanish spreadsheet opens as they are, and
the Editor's read-only page offering nothing the Editor cannot do."""

import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from relacions.networks.models import MembershipFee
from relacions.workflow import conflicts
from tests.factories.networks import MembershipFactory, MembershipFeeFactory

pytestmark = pytest.mark.django_db

# How a person reading each language writes this year's fee of 1234.50 (with a no-break space).
WRITTEN = {"ca": "1.234,50\xa0€", "es": "1.234,50\xa0€", "en": "€1,234.50"}
TYPED = {"ca": "1.234,50", "es": "1.234,50", "en": "1,234.50"}


@pytest.fixture
def membership(db):
    membership = MembershipFactory(member_entity="Ajuntament de Terrassa")
    MembershipFeeFactory(membership=membership, year=timezone.localdate().year, amount="1234.50")
    return membership


def fee_form(membership, amount: str) -> dict:
    fee = membership.fees.get()
    return {
        "network": membership.network.pk,
        "member_entity": membership.member_entity,
        "status": membership.status,
        "since": "2009-01-01",
        "fees-TOTAL_FORMS": "1",
        "fees-INITIAL_FORMS": "1",
        "fees-MIN_NUM_FORMS": "0",
        "fees-MAX_NUM_FORMS": "1000",
        "fees-0-id": fee.pk,
        "fees-0-membership": membership.pk,
        "fees-0-year": fee.year,
        "fees-0-amount": amount,
        "fees-0-budget_line": "",
        "fees-0-note": "",
        conflicts.FIELD: conflicts.token_of(membership),
    }


@pytest.mark.parametrize("language", ["ca", "es", "en"])
def test_a_fee_is_written_the_same_way_in_the_list_the_totals_and_the_form(
    network_admin_client, membership, language
):
    changelist = network_admin_client.get(
        reverse("admin:networks_membership_changelist"), HTTP_ACCEPT_LANGUAGE=language
    ).content.decode()
    change = network_admin_client.get(
        reverse("admin:networks_membership_change", args=(membership.pk,)),
        HTTP_ACCEPT_LANGUAGE=language,
    ).content.decode()

    column = changelist[changelist.index('class="field-this_year_fee"') :]
    assert column[: column.index("</td>")].endswith(WRITTEN[language])
    totals = changelist[changelist.index('class="module fee-totals"') :]
    assert f'<td class="money">{WRITTEN[language]}</td>' in totals
    assert f'value="{TYPED[language]}"' in change
    assert "1234.5" not in changelist + change


@pytest.mark.parametrize(
    ("language", "typed"),
    [("ca", "1.234,50 €"), ("ca", "1234,5"), ("es", "1.234,50"), ("en", "1,234.50")],
)
def test_a_fee_typed_as_the_language_writes_it_is_saved(
    network_admin_client, membership, language, typed
):
    MembershipFee.objects.update(amount="1.00")
    response = network_admin_client.post(
        reverse("admin:networks_membership_change", args=(membership.pk,)),
        fee_form(membership, typed),
        HTTP_ACCEPT_LANGUAGE=language,
    )

    assert response.status_code == 302, response.context["errors"]
    assert membership.fees.get().amount == Decimal("1234.50")


def test_a_fee_that_is_not_an_amount_is_a_translated_form_error(network_admin_client, membership):
    response = network_admin_client.post(
        reverse("admin:networks_membership_change", args=(membership.pk,)),
        fee_form(membership, "mil euros"),
        HTTP_ACCEPT_LANGUAGE="ca",
    )

    assert response.status_code == 200
    assert "Introduïu un número." in response.content.decode()
    assert 'value="mil euros"' in response.content.decode()
    assert membership.fees.get().amount == Decimal("1234.50")


def test_only_users_allowed_the_internals_see_the_fee_column(
    editor_client, network_admin_client, membership
):
    url = reverse("admin:networks_membership_changelist")
    for client, shown in ((network_admin_client, True), (editor_client, False)):
        body = client.get(url, HTTP_ACCEPT_LANGUAGE="ca").content.decode()
        assert ("column-this_year_fee" in body) is shown
        assert (WRITTEN["ca"] in body) is shown


def test_the_memberships_list_shows_short_dates_and_no_member_entity(
    network_admin_client, membership
):
    membership.renewal_date = timezone.localdate().replace(month=3, day=1)
    membership.save()
    body = network_admin_client.get(
        reverse("admin:networks_membership_changelist"), HTTP_ACCEPT_LANGUAGE="ca"
    ).content.decode()

    assert f"01/03/{membership.renewal_date.year}" in body
    assert "01/01/2009" in body
    for column in ("status", "category", "since_column", "until_column", "renewal_date_column"):
        assert f"column-{column}" in body
    assert "column-member_entity" not in body


def read_csv(response) -> tuple[str, list[list[str]]]:
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeff")  # so spreadsheets read UTF-8 (accents)
    dialect = csv.Sniffer().sniff(content[1:].splitlines()[0], delimiters=",;")
    return dialect.delimiter, list(csv.reader(io.StringIO(content[1:]), dialect))


@pytest.mark.parametrize(
    ("language", "delimiter", "amount"),
    [("ca", ";", "1234,50"), ("es", ";", "1234,50"), ("en", ",", "1234.50")],
)
def test_the_csv_files_use_the_separators_of_the_users_spreadsheet(
    network_admin_client, membership, language, delimiter, amount
):
    for name in ("export", "export_fees"):
        response = network_admin_client.get(
            reverse(f"admin:networks_membership_{name}"), HTTP_ACCEPT_LANGUAGE=language
        )
        found, (header, *rows) = read_csv(response)
        assert found == delimiter
        assert len(rows) == 1 and len(rows[0]) == len(header)
        assert amount in rows[0]
        assert "2009-01-01" in rows[0] or str(timezone.localdate().year) in rows[0]


def test_the_editors_read_only_membership_page_offers_nothing_it_cannot_do(
    editor_client, network_admin_client, membership
):
    url = reverse("admin:networks_membership_change", args=(membership.pk,))
    page = editor_client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert 'name="revision_comment"' not in page  # no comment box: nothing is saved
    assert 'name="_preview"' not in page  # no "preview unsaved changes" buttons
    assert "/workflow/preview/" not in page  # no preview links
    assert "Change category" not in page  # neither the button nor a mention of it
    assert "send_renewal_reminders" not in page  # no internal command names
    assert "_save" not in page
    # A Network administrator, who may change it, still has all of them.
    admin_page = network_admin_client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'name="revision_comment"' in admin_page
    assert "Change category" in admin_page
