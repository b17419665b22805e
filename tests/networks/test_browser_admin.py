"""The Network administrators' membership pages on a laptop (1280 px, the menu and the filters
open): the list shows its columns without scrolling sideways, and the fee rows of a membership
show their headers and notes whole."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone

from relacions.core.roles import NETWORK_ADMINISTRATORS
from tests.factories.networks import MembershipFactory, MembershipFeeFactory, NetworkFactory
from tests.fixtures.browser import sign_in

pytestmark = pytest.mark.django_db(transaction=True)

LONG_NOTE = (
    "Quota aprovada pel ple; inclou la participació al Fòrum de Cultura i als grups de treball"
)


@pytest.fixture
def network_admin_page(page, client, live_server):
    call_command("setup_roles", verbosity=0)
    user = get_user_model().objects.create_user("netadmin", password="x-long-pass-1", is_staff=True)
    user.groups.add(Group.objects.get(name=NETWORK_ADMINISTRATORS))
    sign_in(page, client, live_server, user)
    return page


@pytest.fixture
def memberships(db):
    year = timezone.localdate().year
    names = ("Ciutats i Governs Locals Units", "Eurocities", "Xarxa de Ciutats Educadores")
    found = []
    for name in names:
        membership = MembershipFactory(
            network=NetworkFactory(name_ca=name, name_es=name, name_en=name),
            member_entity="Ajuntament de Terrassa",
            status="applying",  # the longest status label
            renewal_date=timezone.localdate(),
        )
        MembershipFeeFactory(membership=membership, year=year, amount="123456.78", note=LONG_NOTE)
        found.append(membership)
    return found


def overflowing(page, selector: str) -> list[str]:
    return page.eval_on_selector_all(
        selector,
        "els => els.filter(e => e.scrollWidth > e.clientWidth)"
        ".map(e => `${e.tagName}.${e.className}: ${e.scrollWidth} > ${e.clientWidth}`)",
    )


@pytest.mark.parametrize("language", ["ca", "es", "en"])
def test_the_memberships_list_fits_a_laptop(network_admin_page, memberships, language):
    page = network_admin_page
    page.set_extra_http_headers({"Accept-Language": language})
    page.goto("/admin/networks/membership/")

    headers = page.eval_on_selector_all("#result_list thead th", "els => els.map(e => e.className)")
    for column in ("category", "status", "since", "until", "renewal_date", "this_year_fee"):
        assert any(f"column-{column}" in header for header in headers), column
    assert overflowing(page, "html, #changelist .results, #result_list th, #result_list td") == []
    assert (
        page.locator("#result_list").bounding_box()["width"]
        <= page.locator("#changelist .results").bounding_box()["width"]
    )


def test_a_memberships_fee_rows_show_their_headers_and_notes_whole(network_admin_page, memberships):
    page = network_admin_page
    page.set_extra_http_headers({"Accept-Language": "ca"})
    page.goto(f"/admin/networks/membership/{memberships[0].pk}/change/")

    assert overflowing(page, "#fees-group .wrapper, #fees-group th, #fees-group td") == []
    note = page.locator("#id_fees-0-note")
    assert note.input_value() == LONG_NOTE
    assert note.evaluate(
        "e => e.scrollHeight <= e.clientHeight + 1 && e.scrollWidth <= e.clientWidth"
    )
    assert page.locator("#id_fees-0-amount").input_value() == "123.456,78"
