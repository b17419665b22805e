"""A membership's internals as an attacker with an Editor's account would go after them.

A secret is secret_membership in every confidential field and fee, through the admin as a Network
administrator would (so the history, the audit log and the dashboard hold it too). Then every
admin URL of memberships, fees, networks and their history is asked as an Editor, with lookups,
orderings and searches that guess the secret right and wrong: the right and the wrong guess must
get the same answer, and no answer may hold the secret or name a confidential field.
"""

import re
from urllib.parse import quote_plus

import pytest
from django.contrib.admin.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from relacions.networks.models import Membership
from relacions.workflow import conflicts
from tests.factories.networks import MembershipFactory

from .conftest import staff_with
from .test_admin import PDF, membership_form

pytestmark = pytest.mark.django_db

CONTACT = "Qx7contact Rosalind"
POLITICIAN = "Qx7politician Bartomeu"
NOTES = "Qx7notes about the negotiation"
BUDGET_LINE = "Qx7BL-5531"
FEE_NOTE = "Qx7fee note"
AMOUNT = "73519.27"
# The amount as any locale could print it.
SECRETS = (
    CONTACT,
    POLITICIAN,
    NOTES,
    BUDGET_LINE,
    FEE_NOTE,
    "Qx7",
    "73519",
    "73.519",
    "73,519",
    "agreement-qx7",
)
# The names of the internal fields, as a change message would print them (English admin).
INTERNAL_LABELS = (
    "Internal contact",
    "Political representative",
    "Notes",
    "Document",
    "membership fee",
    "Amount",
    "Budget line",
)
# (lookup, right guess, wrong guess)
GUESSES = [
    (f"{field}__{lookup}", right, right[:-1] + "#")
    for field, secret in (
        ("internal_contact", CONTACT),
        ("political_representative", POLITICIAN),
        ("notes", NOTES),
        ("document", "membership-documents/"),
        ("document_name", "agreement-qx7.pdf"),
        ("fees__budget_line", BUDGET_LINE),
        ("fees__note", FEE_NOTE),
    )
    for lookup, right in (("startswith", secret[:4]), ("contains", secret[3:9]))
] + [
    ("year_fee__gt", "73519", "73520"),
    ("year_fee__lt", "73520", "73519"),
    ("year_fee", AMOUNT, "73519.28"),
    ("fees__amount__gt", "73519", "73520"),
    ("notes__regex", "^Qx7", "^Qx8"),
    ("internal_contact__iexact", CONTACT.lower(), "nobody"),
]


def normalised(response) -> str:
    """The page without what differs on every response anyway: the CSRF token and the nonce."""
    body = response.content.decode()
    body = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", body)
    body = re.sub(r'nonce="[^"]+"', "", body)
    body = re.sub(r"csrfToken[^,;]+", "", body)
    return body


@pytest.fixture
def secret_membership(network_admin_client, editor):
    """A membership whose internals and fee were entered and changed through the admin."""
    membership = MembershipFactory(
        renewal_date=timezone.localdate() + timezone.timedelta(days=20),
    )
    url = reverse("admin:networks_membership_change", args=(membership.pk,))
    year = timezone.localdate().year

    def save(fee_rows: dict, **fields) -> None:
        data = membership_form(membership.network, **fields, **fee_rows)
        data[conflicts.FIELD] = loaded_version(membership)
        response = network_admin_client.post(url, data)
        assert response.status_code == 302, response.context["adminform"].form.errors

    def fee_row(amount: str, fee=None) -> dict:
        row = {
            "fees-TOTAL_FORMS": "1",
            "fees-0-year": str(year),
            "fees-0-amount": amount,
            "fees-0-budget_line": BUDGET_LINE,
            "fees-0-note": FEE_NOTE,
        }
        if fee is not None:
            row |= {
                "fees-INITIAL_FORMS": "1",
                "fees-0-id": str(fee.pk),
                "fees-0-membership": str(membership.pk),
            }
        return row

    save(
        fee_row(AMOUNT),
        internal_contact=CONTACT,
        political_representative=POLITICIAN,
        notes=NOTES,
        document=SimpleUploadedFile("agreement-qx7.pdf", PDF),
    )
    fee = membership.fees.get()
    save(
        fee_row("73519.28", fee),
        status="suspended",
        internal_contact=CONTACT + " II",
        political_representative=POLITICIAN,
        notes=NOTES + " (continued)",
        revision_comment="Qx7 typed: raised the fee to 73519.27",
    )
    save(
        fee_row("73519.29", fee),
        status="active",
        internal_contact=CONTACT,
        political_representative=POLITICIAN,
        notes=NOTES,
    )
    membership.refresh_from_db()
    assert membership.notes == NOTES and membership.document
    assert Version.objects.get_for_object(membership).count() == 3
    return membership


def loaded_version(membership: Membership) -> str:
    """The version a browser's form carries: the one the page was opened at."""
    return conflicts.token_of(Membership.objects.get(pk=membership.pk))


def editor_urls(membership: Membership) -> list[str]:
    """Every admin page an Editor could ask about this membership, its fees and its network."""
    pk, network = membership.pk, membership.network_id
    versions = list(Version.objects.get_for_object(membership).order_by("pk"))
    network_versions = list(Version.objects.get_for_object(membership.network))

    def url(name, *args):
        return reverse(f"admin:{name}", args=args)

    urls = [
        url("index"),
        url("networks_membership_changelist"),
        url("networks_membership_change", pk),
        url("networks_membership_history", pk),
        url("networks_membership_delete", pk),
        url("networks_membership_change_category", pk),
        url("networks_membership_document", pk),
        url("networks_membership_export"),
        url("networks_membership_export_fees"),
        url("networks_membership_recoverlist"),
        url("networks_network_changelist"),
        url("networks_network_change", network),
        url("networks_network_history", network),
        url("networks_network_delete", network),
        url("admin_logentry_changelist"),
        url("networks_renewalreminder_changelist"),
        reverse("admin:autocomplete")
        + f"?app_label=networks&model_name=renewalreminder&field_name=membership&term={pk}",
    ]
    urls += [url("networks_membership_revision", pk, version.pk) for version in versions]
    urls += [url("networks_membership_recover", version.pk) for version in versions]
    urls += [
        url("networks_membership_compare", pk) + f"?from={old.pk}&to={new.pk}"
        for old in versions
        for new in versions
        if old.pk < new.pk
    ]
    urls += [url("networks_network_revision", network, v.pk) for v in network_versions]
    return urls


def test_no_page_an_editor_opens_holds_a_secret_or_names_an_internal_field(
    secret_membership, editor_client
):
    for address in editor_urls(secret_membership):
        response = editor_client.get(address)
        assert response.status_code in (200, 302, 403, 404), (address, response.status_code)
        body = response.content.decode(errors="replace")
        for secret in SECRETS:
            assert secret not in body, (address, secret)
        if "/membership/" in address or address == reverse("admin:index"):
            for label in INTERNAL_LABELS:
                assert label not in body, (address, label)


def test_right_and_wrong_guesses_get_the_same_answer(secret_membership, editor_client):
    for lookup, right, wrong in GUESSES:
        assert_same_answers(editor_client, lookup, right, wrong)


def assert_same_answers(editor_client, lookup: str, right: str, wrong: str) -> None:
    changelists = [
        reverse("admin:networks_membership_changelist"),
        reverse("admin:networks_network_changelist"),
        reverse("admin:admin_logentry_changelist"),
        reverse("admin:index"),
    ]
    prefixes = {
        reverse("admin:networks_network_changelist"): "memberships__",
    }
    for address in changelists:
        key = prefixes.get(address, "") + lookup
        right_answer = editor_client.get(address, {key: right})
        wrong_answer = editor_client.get(address, {key: wrong})
        assert right_answer.status_code == wrong_answer.status_code, (address, key)
        # A list echoes its own filters in its links: that much may differ.
        assert normalised(right_answer).replace(f"{key}={quote_plus(right)}", "") == normalised(
            wrong_answer
        ).replace(f"{key}={quote_plus(wrong)}", ""), (address, key)


def test_searches_and_orderings_do_not_reach_the_internals(secret_membership, editor_client):
    changelist = reverse("admin:networks_membership_changelist")
    nothing = editor_client.get(changelist, {"q": "zzzz-nothing"})
    for term in ("Qx7", "73519", "Rosalind", "negotiation", "BL-5531"):
        search = editor_client.get(changelist, {"q": term})
        assert normalised(search).replace(term, "") == normalised(nothing).replace(
            "zzzz-nothing", ""
        )
    for index in range(12):
        assert editor_client.get(changelist, {"o": str(index)}).status_code == 200


def test_an_editor_sees_the_visible_changes_of_a_membership_in_its_history(
    secret_membership, editor_client
):
    history = editor_client.get(
        reverse("admin:networks_membership_history", args=(secret_membership.pk,))
    )
    body = history.content.decode()
    assert history.status_code == 200
    assert "Changed Status." in body
    assert "Qx7" not in body


def test_a_network_administrator_still_reads_the_whole_history(
    secret_membership, network_admin_client
):
    client = network_admin_client
    history = client.get(reverse("admin:networks_membership_history", args=(secret_membership.pk,)))
    body = history.content.decode()
    assert "Internal contact" in body and "Political representative" in body
    assert "Added membership fee" in body
    assert "loaded_version" not in body
    assert "Qx7 typed: raised the fee" in body
    entry = LogEntry.objects.filter(object_id=str(secret_membership.pk)).first()
    log = client.get(reverse("admin:admin_logentry_changelist"))
    # Network administrators have no audit log; the dashboard names what changed.
    assert log.status_code == 403 and entry is not None
    assert "Internal contact" in client.get(reverse("admin:index")).content.decode()


def test_the_membership_autocomplete_refuses_editors_only(
    secret_membership, editor_client, network_admin
):
    from django.test import Client

    address = reverse("admin:autocomplete")
    query = {
        "app_label": "networks",
        "model_name": "renewalreminder",
        "field_name": "membership",
        "term": "",
    }
    assert editor_client.get(address, query).status_code == 403
    client = Client(headers={"accept-language": "en"})
    client.force_login(network_admin)
    assert client.get(address, query).json()["results"][0]["id"] == str(secret_membership.pk)


def test_the_delete_confirmation_names_no_fee_for_a_reader_without_internals(
    secret_membership, client
):
    clerk = staff_with("clerk", "view_membership", "delete_membership", "delete_membershipfee")
    client.force_login(clerk)
    page = client.get(reverse("admin:networks_membership_delete", args=(secret_membership.pk,)))
    body = page.content.decode()
    assert page.status_code == 200
    assert str(secret_membership) in body
    for secret in SECRETS:
        assert secret not in body
    assert "Membership fee" not in body and "membership fees" not in body.lower()


def test_an_audit_log_reader_without_internals_learns_nothing_of_them(secret_membership, client):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    auditor = get_user_model().objects.create_user("auditor", is_staff=True)
    auditor.user_permissions.set(
        Permission.objects.filter(codename__in=("view_logentry", "view_membership"))
    )
    client.force_login(auditor)
    log = reverse("admin:admin_logentry_changelist")
    page = client.get(log)
    body = page.content.decode()
    assert page.status_code == 200
    assert "Changed Status." in body
    # (The content-type filter names the model "membership fee": no value of it.)
    for text in (*SECRETS, *INTERNAL_LABELS[:3], "Amount", "fee “"):
        assert text not in body, text
    # Its search leaves the change messages out: a guess finds what a wrong one finds.
    right, wrong = client.get(log, {"q": "73519"}), client.get(log, {"q": "99999"})
    assert normalised(right).replace("73519", "") == normalised(wrong).replace("99999", "")
