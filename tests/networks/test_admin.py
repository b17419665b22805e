import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext

from relacions.core.roles import EDITORS, NETWORK_ADMINISTRATORS
from relacions.networks.models import Membership, MembershipFee, Position, WorkingGroup
from relacions.workflow import conflicts
from tests.factories.networks import (
    ChallengeAreaFactory,
    ForumFactory,
    MembershipFactory,
    MembershipFeeFactory,
    NetworkFactory,
)
from tests.workflow.conftest import list_versions

from .conftest import staff_with

pytestmark = pytest.mark.django_db

D = datetime.date
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
# The fee as the (English) admin shows it: grouped thousands (relacions.core.money).
INTERNALS = ("Secret Contact Person", "Secret Politician", "Confidential note", "BL-4411", "98,765")


def in_admin_language(message: str) -> str:
    """The message as the admin shows it, HTML-escaped, in the language the test client asks for
    (English: tests/conftest.py)."""
    with translation.override("en"):
        return escape(gettext(message))


def result_list(response) -> str:
    body = response.content.decode()
    start = body.index('id="result_list"')
    return body[start : body.index("</table>", start)]


def membership_form(network, **overrides) -> dict:
    data = {
        "network": network.pk,
        "member_entity": "Ajuntament de Terrassa",
        "category": "full",
        "status": "active",
        "since": "2009-01-01",
        "until": "",
        "renewal_date": "",
        "internal_contact": "",
        "political_representative": "",
        "notes": "",
        "fees-TOTAL_FORMS": "0",
        "fees-INITIAL_FORMS": "0",
        "fees-MIN_NUM_FORMS": "0",
        "fees-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


def with_internals() -> Membership:
    membership = MembershipFactory(
        internal_contact="Secret Contact Person",
        political_representative="Secret Politician",
        notes="Confidential note",
        renewal_date=timezone.localdate() + datetime.timedelta(days=20),
    )
    MembershipFeeFactory(
        membership=membership,
        year=timezone.localdate().year,
        amount="98765.43",
        budget_line="BL-4411",
    )
    return membership


# --- Validation through the admin forms -----------------------------------------------------------


def test_until_before_since_is_a_form_error_not_a_crash(admin_client):
    network = NetworkFactory()
    response = admin_client.post(
        reverse("admin:networks_membership_add"),
        membership_form(network, since="2010-01-01", until="2009-01-01"),
    )
    assert response.status_code == 200
    assert (
        in_admin_language("The end date cannot be earlier than the start date.")
        in response.content.decode()
    )
    assert not Membership.objects.exists()


def test_an_overlapping_membership_is_a_form_error(admin_client):
    existing = MembershipFactory(since=D(2009, 1, 1))
    response = admin_client.post(
        reverse("admin:networks_membership_add"),
        membership_form(existing.network, category="observer", since="2015-01-01"),
    )
    assert response.status_code == 200
    assert "already has a membership of this network for these dates" in response.content.decode()
    assert Membership.objects.count() == 1


def test_a_negative_fee_is_a_form_error(admin_client):
    network = NetworkFactory()
    data = membership_form(
        network,
        **{
            "fees-TOTAL_FORMS": "1",
            "fees-0-year": "2024",
            "fees-0-amount": "-5.00",
            "fees-0-budget_line": "",
        },
    )
    response = admin_client.post(reverse("admin:networks_membership_add"), data)
    assert response.status_code == 200
    assert in_admin_language("A fee cannot be negative.") in response.content.decode()
    assert not MembershipFee.objects.exists()


def position_form(**overrides) -> dict:
    data = {
        "network": "",
        "forum": "",
        "working_group": "",
        "title_ca": "Vicepresidència",
        "title_es": "",
        "title_en": "",
        "holder": "Ajuntament de Terrassa",
        "start": "",
        "end": "",
    }
    data.update(overrides)
    return data


def test_a_position_ending_before_it_starts_is_a_form_error(admin_client):
    network = NetworkFactory()
    response = admin_client.post(
        reverse("admin:networks_position_add"),
        position_form(network=network.pk, start="2017-01-01", end="2016-12-31"),
    )
    assert response.status_code == 200
    assert in_admin_language("A position cannot end before it starts.") in response.content.decode()
    assert not Position.objects.exists()


def test_a_position_needs_exactly_one_body(admin_client):
    network = NetworkFactory()
    forum = ForumFactory(network=network)
    for data in (position_form(), position_form(network=network.pk, forum=forum.pk)):
        response = admin_client.post(reverse("admin:networks_position_add"), data)
        assert response.status_code == 200
        assert (
            in_admin_language("Choose exactly one of network, forum or working group.")
            in response.content.decode()
        )
    assert not Position.objects.exists()


def test_a_working_group_only_takes_forums_of_its_network(admin_client):
    network = NetworkFactory()
    foreign_forum = ForumFactory()
    data = {
        "network": network.pk,
        "forums": [foreign_forum.pk],
        "name_ca": "Grup",
        "name_es": "",
        "name_en": "",
        "mandate_ca": "",
        "mandate_es": "",
        "mandate_en": "",
        "chair_city": "",
        "vice_chair_city": "",
        "start": "",
        "end": "",
    }
    response = admin_client.post(reverse("admin:networks_workinggroup_add"), data)
    assert response.status_code == 200
    assert (
        in_admin_language("Choose only forums of the working group's own network.")
        in response.content.decode()
    )
    assert not WorkingGroup.objects.exists()


def test_documents_must_be_pdfs(admin_client):
    network = NetworkFactory()
    fake = SimpleUploadedFile(
        "agreement.pdf", b"<html>not a pdf</html>", content_type="application/pdf"
    )
    response = admin_client.post(
        reverse("admin:networks_membership_add"), membership_form(network, document=fake)
    )
    assert response.status_code == 200
    assert "This file is not a PDF" in response.content.decode()

    real = SimpleUploadedFile("agreement.pdf", PDF, content_type="application/pdf")
    response = admin_client.post(
        reverse("admin:networks_membership_add"), membership_form(network, document=real)
    )
    assert response.status_code == 302
    assert Membership.objects.get().document.read() == PDF


# --- Inlines --------------------------------------------------------------------------------------


def test_inlines_forums_under_a_network_challenges_under_a_forum_fees_under_a_membership(
    admin_client,
):
    forum = ForumFactory()
    ChallengeAreaFactory(forum=forum, name_ca="El repte digital")
    membership = MembershipFeeFactory(year=2024).membership

    network_page = admin_client.get(
        reverse("admin:networks_network_change", args=(forum.network.pk,))
    )
    forum_page = admin_client.get(reverse("admin:networks_forum_change", args=(forum.pk,)))
    membership_page = admin_client.get(
        reverse("admin:networks_membership_change", args=(membership.pk,))
    )

    assert 'name="forums-TOTAL_FORMS" value="1"' in network_page.content.decode()
    assert 'name="challenge_areas-TOTAL_FORMS" value="1"' in forum_page.content.decode()
    assert "El repte digital" in forum_page.content.decode()
    assert 'name="fees-TOTAL_FORMS" value="1"' in membership_page.content.decode()


# --- Change of category ---------------------------------------------------------------------------


def test_the_category_of_a_saved_membership_cannot_be_overwritten(admin_client):
    membership = MembershipFactory(category="associate", since=D(2003, 1, 1))
    url = reverse("admin:networks_membership_change", args=(membership.pk,))
    page = admin_client.get(url).content.decode()
    assert 'name="category"' not in page
    assert reverse("admin:networks_membership_change_category", args=(membership.pk,)) in page

    response = admin_client.post(
        url,
        membership_form(
            membership.network,
            category="full",
            since="2003-01-01",
            **{conflicts.FIELD: conflicts.token_of(membership)},
        ),
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.category == "associate"


def test_the_change_category_view_keeps_the_history(network_admin_client):
    membership = MembershipFactory(category="associate", since=D(2003, 1, 1))
    url = reverse("admin:networks_membership_change_category", args=(membership.pk,))
    assert network_admin_client.get(url).status_code == 200

    response = network_admin_client.post(url, {"category": "full", "since": "2009-01-01"})

    successor = Membership.objects.exclude(pk=membership.pk).get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:networks_membership_change", args=(successor.pk,))
    membership.refresh_from_db()
    assert (membership.until, membership.status) == (D(2008, 12, 31), "ended")
    assert (successor.category, successor.since) == ("full", D(2009, 1, 1))


def test_the_change_category_view_shows_refusals_as_form_errors(network_admin_client):
    membership = MembershipFactory(category="full", since=D(2009, 1, 1))
    url = reverse("admin:networks_membership_change_category", args=(membership.pk,))
    response = network_admin_client.post(url, {"category": "full", "since": "2010-01-01"})
    assert response.status_code == 200
    assert (
        in_admin_language("The membership is already in this category.")
        in response.content.decode()
    )
    response = network_admin_client.post(url, {"category": "observer", "since": "2001-01-01"})
    assert response.status_code == 200
    assert Membership.objects.count() == 1


# --- Roles ----------------------------------------------------------------------------------------


def test_setup_roles_gives_network_administrators_the_networks_and_editors_only_reading(roles):
    def codenames(role):
        return set(
            Group.objects.get(name=role)
            .permissions.filter(content_type__app_label="networks")
            .values_list("codename", flat=True)
        )

    administrators = codenames(NETWORK_ADMINISTRATORS)
    for model in (
        "network",
        "membership",
        "membershipfee",
        "forum",
        "workinggroup",
        "challengearea",
        "position",
    ):
        assert {
            f"add_{model}",
            f"change_{model}",
            f"delete_{model}",
            f"view_{model}",
        } <= administrators
    assert "view_membership_internals" in administrators
    editors = codenames(EDITORS)
    assert editors == {
        "view_network",
        "view_forum",
        "view_workinggroup",
        "view_challengearea",
        "view_membership",
        "view_position",
    }


def test_an_editor_reads_memberships_without_fees_contacts_documents_or_notes(editor_client):
    membership = with_internals()
    membership.document = SimpleUploadedFile("agreement.pdf", PDF)
    membership.save()

    changelist = editor_client.get(reverse("admin:networks_membership_changelist"))
    change = editor_client.get(reverse("admin:networks_membership_change", args=(membership.pk,)))

    for response in (changelist, change):
        body = response.content.decode()
        assert response.status_code == 200
        assert str(membership.network) in body
        for secret in (*INTERNALS, "98765", "fees-TOTAL_FORMS", "Export", "document/"):
            assert secret not in body, secret
    change_category = reverse("admin:networks_membership_change_category", args=(membership.pk,))
    assert change_category not in change.content.decode()


def test_an_editor_cannot_change_export_or_download(editor_client):
    membership = with_internals()
    membership.document = SimpleUploadedFile("agreement.pdf", PDF)
    membership.save()
    forbidden = [
        (
            "post",
            reverse("admin:networks_membership_change", args=(membership.pk,)),
            membership_form(membership.network),
        ),
        ("get", reverse("admin:networks_membership_add"), None),
        ("get", reverse("admin:networks_membership_change_category", args=(membership.pk,)), None),
        ("get", reverse("admin:networks_membership_document", args=(membership.pk,)), None),
        ("get", reverse("admin:networks_membership_export"), None),
        ("get", reverse("admin:networks_membership_export_fees"), None),
        ("get", reverse("admin:networks_network_add"), None),
    ]
    for method, url, data in forbidden:
        response = (
            getattr(editor_client, method)(url, data)
            if data
            else getattr(editor_client, method)(url)
        )
        assert response.status_code == 403, url
    actions = editor_client.post(
        reverse("admin:networks_membership_changelist"),
        {"action": "export_memberships", "_selected_action": [membership.pk]},
    )
    assert "text/csv" not in actions.get("Content-Type", "")
    membership.refresh_from_db()
    assert membership.notes == "Confidential note"


def test_a_network_administrator_manages_memberships_and_sees_internals(network_admin_client):
    membership = with_internals()
    changelist = network_admin_client.get(
        reverse("admin:networks_membership_changelist")
    ).content.decode()
    assert "€98,765.43" in changelist  # the client asks for English (tests/conftest.py)
    assert reverse("admin:networks_membership_export") in changelist

    change = network_admin_client.get(
        reverse("admin:networks_membership_change", args=(membership.pk,))
    )
    for value in INTERNALS:
        assert value in change.content.decode()

    network = NetworkFactory()
    response = network_admin_client.post(
        reverse("admin:networks_membership_add"),
        membership_form(
            network,
            notes="Kept internal",
            **{
                "fees-TOTAL_FORMS": "1",
                "fees-0-year": "2025",
                "fees-0-amount": "1500.00",
                "fees-0-budget_line": "",
                "fees-0-note": "",
            },
        ),
    )
    assert response.status_code == 302
    created = Membership.objects.get(network=network)
    assert created.notes == "Kept internal"
    assert created.fees.get().year == 2025


def test_documents_are_downloaded_only_through_the_admin(network_admin_client, client):
    membership = MembershipFactory(document=SimpleUploadedFile("agreement.pdf", PDF))
    url = reverse("admin:networks_membership_document", args=(membership.pk,))

    response = network_admin_client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF
    assert "attachment" in response["Content-Disposition"]

    change = network_admin_client.get(
        reverse("admin:networks_membership_change", args=(membership.pk,))
    )
    assert f'href="{url}"' in change.content.decode()

    assert client.get(url).status_code == 302  # to the login page


def test_each_role_client_acts_as_its_own_user(network_admin_client, editor_client):
    """Both signed in at once: the document is the Network administrator's to download, not the
    Editor's, whichever client signed in last."""
    membership = MembershipFactory(document=SimpleUploadedFile("agreement.pdf", PDF))
    url = reverse("admin:networks_membership_document", args=(membership.pk,))

    assert editor_client.get(url).status_code == 403
    assert network_admin_client.get(url).status_code == 200


# --- Lists, filters, totals and exports -----------------------------------------------------------


def test_the_renewal_filter_shows_memberships_due_within_60_days(admin_client):
    today = timezone.localdate()
    due = MembershipFactory(
        network=NetworkFactory(name_ca="Due soon", name_en="Due soon"),
        renewal_date=today + datetime.timedelta(days=59),
    )
    MembershipFactory(
        network=NetworkFactory(name_ca="Due later", name_en="Due later"),
        renewal_date=today + datetime.timedelta(days=61),
    )
    MembershipFactory(network=NetworkFactory(name_ca="No date", name_en="No date"))

    body = result_list(
        admin_client.get(reverse("admin:networks_membership_changelist"), {"renewal": "due"})
    )

    assert "Due soon" in body
    assert "Due later" not in body and "No date" not in body
    assert due.network.name_ca in body


def test_the_changelist_totals_fees_per_year_for_the_listed_memberships(admin_client):
    first, second = MembershipFactory(), MembershipFactory()
    MembershipFeeFactory(membership=first, year=2024, amount="1000.00")
    MembershipFeeFactory(membership=second, year=2024, amount="250.50")
    MembershipFeeFactory(membership=second, year=2023, amount="10.00")

    body = admin_client.get(reverse("admin:networks_membership_changelist")).content.decode()

    assert 'id="fee-totals-title"' in body
    assert "1.250,50" in body or "1,250.50" in body
    assert '<th scope="row">2023</th>' in body


@pytest.mark.parametrize("query_count", [1, 30])
def test_the_membership_list_does_not_query_per_row(
    admin_client, django_assert_max_num_queries, query_count
):
    for membership in MembershipFactory.create_batch(query_count):
        MembershipFeeFactory(membership=membership, year=timezone.localdate().year)
    with django_assert_max_num_queries(12):
        response = admin_client.get(reverse("admin:networks_membership_changelist"))
    assert response.status_code == 200


def read_csv(response) -> list[list[str]]:
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeff")
    # A semicolon between fields in Catalan and Spanish, a comma in English.
    delimiter = ";" if response.wsgi_request.LANGUAGE_CODE in ("ca", "es") else ","
    return list(csv.reader(io.StringIO(content[1:]), delimiter=delimiter))


def test_the_memberships_csv_has_translated_headers_and_follows_the_filters(admin_client):
    membership = with_internals()
    membership.notes = '=HYPERLINK("http://evil")'
    membership.save()
    MembershipFactory(renewal_date=None)

    response = admin_client.get(
        reverse("admin:networks_membership_export"), {"renewal": "due"}, HTTP_ACCEPT_LANGUAGE="es"
    )

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    header, *rows = read_csv(response)
    with translation.override("es"):
        assert header[:4] == [
            str(Membership._meta.get_field(name).verbose_name)
            for name in ("network", "member_entity", "category", "status")
        ]
    assert len(rows) == 1
    row = dict(zip(header, rows[0], strict=True))
    assert row[header[1]] == "Ajuntament de Terrassa"
    assert "98765,43" in rows[0]  # Spanish: a decimal comma
    assert "Secret Contact Person" in rows[0]
    assert '\'=HYPERLINK("http://evil")' in rows[0]


def test_the_fees_csv_lists_every_fee_of_the_memberships(admin_client):
    first = MembershipFactory()
    MembershipFeeFactory(membership=first, year=2023, amount="10.00", budget_line="BL-1")
    MembershipFeeFactory(membership=first, year=2024, amount="20.00")
    other = MembershipFeeFactory(year=2024, amount="30.00").membership

    changelist = reverse("admin:networks_membership_changelist")
    response = admin_client.post(
        changelist,
        {
            "action": "export_fees",
            "_selected_action": [first.pk],
            **list_versions(admin_client, changelist),
        },
    )

    header, *rows = read_csv(response)
    assert len(header) == 7
    assert [(row[3], row[4]) for row in rows] == [("2024", "20.00"), ("2023", "10.00")]
    assert rows[1][5] == "BL-1"
    assert str(other.network) not in response.content.decode()


@pytest.mark.parametrize(
    "name",
    [
        "network_add",
        "network_changelist",
        "forum_add",
        "forum_changelist",
        "workinggroup_add",
        "workinggroup_changelist",
        "challengearea_add",
        "position_add",
        "position_changelist",
        "membership_add",
        "membership_changelist",
        "renewalreminder_changelist",
    ],
)
def test_every_admin_page_opens_for_a_network_administrator(network_admin_client, name):
    MembershipFeeFactory()
    ChallengeAreaFactory()
    assert network_admin_client.get(reverse(f"admin:networks_{name}")).status_code == 200


def test_every_object_page_opens_for_an_editor_read_only(editor_client):
    membership = MembershipFeeFactory().membership
    area = ChallengeAreaFactory()
    pages = [
        ("network", membership.network.pk),
        ("forum", area.forum.pk),
        ("challengearea", area.pk),
        ("membership", membership.pk),
    ]
    for model, pk in pages:
        response = editor_client.get(reverse(f"admin:networks_{model}_change", args=(pk,)))
        assert response.status_code == 200, model
        assert 'name="_save"' not in response.content.decode(), model


def test_a_read_only_user_allowed_internals_gets_the_document_link(client, roles):
    auditor = staff_with(
        "auditor", "view_membership", "view_membership_internals", "view_membershipfee"
    )
    client.force_login(auditor)
    membership = MembershipFactory(
        document=SimpleUploadedFile("agreement.pdf", PDF), notes="Audit me"
    )

    response = client.get(reverse("admin:networks_membership_change", args=(membership.pk,)))

    body = response.content.decode()
    assert response.status_code == 200
    assert "Audit me" in body
    assert reverse("admin:networks_membership_document", args=(membership.pk,)) in body
    assert (
        client.get(reverse("admin:networks_membership_document", args=(membership.pk,))).status_code
        == 200
    )


# --- Membership documents: size limit and names ---------------------------------------------------


def test_documents_over_the_size_limit_are_refused_with_a_translated_error(admin_client, settings):
    assert settings.MEMBERSHIP_DOCUMENT_MAX_BYTES == 20 * 1024 * 1024
    network = NetworkFactory()
    too_big = PDF + b"0" * (settings.MEMBERSHIP_DOCUMENT_MAX_BYTES + 1 - len(PDF))
    upload = SimpleUploadedFile("agreement.pdf", too_big, content_type="application/pdf")
    response = admin_client.post(
        reverse("admin:networks_membership_add"),
        membership_form(network, document=upload),
        HTTP_ACCEPT_LANGUAGE="ca",
    )
    assert response.status_code == 200
    with translation.override("ca"):
        expected = gettext("The file is %(size)s; the largest accepted is %(max)s.") % {
            "size": "20,0\xa0MB",
            "max": "20,0\xa0MB",
        }
    assert expected != "The file is 20,0\xa0MB; the largest accepted is 20,0\xa0MB."
    assert escape(expected) in response.content.decode()
    assert not Membership.objects.exists()


def download(client, membership):
    return client.get(reverse("admin:networks_membership_document", args=(membership.pk,)))


def filename_of(response) -> str:
    """The file name a browser saves the download as (RFC 6266: filename* wins)."""
    from email.message import Message

    header = Message()
    header["Content-Disposition"] = response["Content-Disposition"]
    return header.get_filename()


@pytest.mark.parametrize(
    "name", ["Acord d'adhesió 2024 — Eurocities.pdf", "certificate.pdf", "Сертификат.PDF"]
)
def test_a_document_downloads_under_the_name_it_was_uploaded_with(network_admin_client, name):
    network = NetworkFactory()
    upload = SimpleUploadedFile(name, PDF, content_type="application/pdf")
    response = network_admin_client.post(
        reverse("admin:networks_membership_add"), membership_form(network, document=upload)
    )
    assert response.status_code == 302
    membership = Membership.objects.get()
    # Stored under a random name; given back under its own.
    assert name.rsplit(".", 1)[0] not in membership.document.name
    response = download(network_admin_client, membership)
    assert response["Content-Disposition"].startswith("attachment;")
    assert filename_of(response) == name.rsplit(".", 1)[0] + ".pdf"
    change = network_admin_client.get(
        reverse("admin:networks_membership_change", args=(membership.pk,))
    )
    assert escape(name.rsplit(".", 1)[0]) in change.content.decode()


@pytest.mark.parametrize(
    "name, saved_as",
    [
        ('acord"\r\nSet-Cookie: stolen=1.pdf', 'acord" Set-Cookie: stolen=1.pdf'),
        ("..\\..\\etc\\informe.pdf", "informe.pdf"),
        ("a\x00b\u202egnp.pdf", "a b gnp.pdf"),
        ("x" * 300 + ".pdf", "x" * 196 + ".pdf"),
        ("noextension", "noextension.pdf"),
    ],
)
def test_document_names_are_safe_in_the_download_header(network_admin_client, name, saved_as):
    membership = MembershipFactory(document=SimpleUploadedFile(name, PDF))
    assert membership.document_name == saved_as
    response = download(network_admin_client, membership)
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers
    assert (
        "\r" not in response["Content-Disposition"] and "\n" not in response["Content-Disposition"]
    )
    assert filename_of(response) == saved_as


def test_documents_uploaded_before_names_were_kept_still_download(network_admin_client):
    import importlib

    from django.apps import apps

    migration = importlib.import_module(
        "relacions.networks.migrations.0004_membership_document_name"
    )
    membership = MembershipFactory(document=SimpleUploadedFile("old.pdf", PDF))
    without_document = MembershipFactory()
    Membership.objects.update(document_name="")  # as the rows were before the migration

    assert filename_of(download(network_admin_client, membership)) == (
        f"membership-{membership.pk}.pdf"
    )
    migration.name_existing_documents(apps, None)
    membership.refresh_from_db()
    without_document.refresh_from_db()
    assert membership.document_name == f"membership-{membership.pk}.pdf"
    assert without_document.document_name == ""
    assert b"".join(download(network_admin_client, membership).streaming_content) == PDF


def test_a_networks_seat_is_chosen_from_the_places_never_typed(admin_client):
    network = NetworkFactory(headquarters_ca="Brussel·les (Bèlgica)")
    response = admin_client.get(reverse("admin:networks_network_change", args=(network.pk,)))
    body = response.content.decode()
    assert 'name="seat"' in body
    assert 'name="headquarters_ca"' not in body
    assert "Brussel·les (Bèlgica)" in body
