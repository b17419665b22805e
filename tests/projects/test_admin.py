"""The projects' admin: what Editors and Administrators may do, and every validation rule as an
Editor meets it on the project's page (the error shown, translated, and nothing saved)."""

import datetime
import html
import re

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from relacions.core.models import Publishable
from relacions.core.roles import EDITORS
from relacions.projects.models import Partner, Programme, Project, Role
from tests.factories.places import PlaceFactory
from tests.factories.projects import ProjectFactory, ProjectPartnerFactory, ThemeFactory
from tests.helpers import change_url, seed_programmes
from tests.workflow.conftest import form_data

pytestmark = [pytest.mark.django_db]


@pytest.fixture(autouse=True)
def _programmes(db):
    seed_programmes()


CHANGELIST = "admin:projects_project_changelist"


def _draft(**fields) -> Project:
    # Drafts: the admin of a published project links to its public page, which is not this
    # folder's subject.
    return ProjectFactory(status=Publishable.Status.DRAFT, **fields)


def _client_in(user, language: str) -> Client:
    client = Client(headers={"accept-language": language})
    client.force_login(user)
    return client


def _visible(page: str) -> str:
    """The page's text, without its scripts and styles (whose code is no reader's)."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def _post(client, project, **changes):
    url = change_url(project)
    return client.post(url, form_data(client.get(url), **changes))


def _partner_rows(*roles) -> dict:
    """The partner inline's data for a project without partners: one new row per role."""
    data = {
        "partners-TOTAL_FORMS": str(len(roles)),
        "partners-INITIAL_FORMS": "0",
    }
    for index, role in enumerate(roles):
        data |= {
            f"partners-{index}-organisation": f"Partner {index}",
            f"partners-{index}-kind": Partner.Kind.LOCAL_GOVERNMENT,
            f"partners-{index}-role": role,
            f"partners-{index}-order": str(index),
        }
    return data


def test_setup_roles_gives_editors_the_projects_and_only_a_view_of_the_code_lists(roles):
    editors = Group.objects.get(name=EDITORS)
    codenames = set(editors.permissions.values_list("codename", flat=True))
    assert {"add_project", "change_project", "add_partner", "add_result"} <= codenames
    assert {"view_programme", "view_theme", "view_department"} <= codenames
    assert not {"add_programme", "change_programme", "add_theme", "change_department"} & codenames


def test_an_editor_writes_a_project_with_partners_and_results(editor_client):
    project = _draft(city_role=Role.COORDINATOR)
    place = PlaceFactory()
    response = _post(
        editor_client,
        project,
        **_partner_rows(Role.PARTNER, Role.ASSOCIATED),
        **{"partners-0-place": str(place.pk), "title_en": "Renamed"},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    project.refresh_from_db()
    assert project.title_en == "Renamed"
    assert list(project.partners.values_list("organisation", "role", "place")) == [
        ("Partner 0", Role.PARTNER, place.pk),
        ("Partner 1", Role.ASSOCIATED, None),
    ]


def test_an_editor_opens_every_projects_page_and_the_import_and_export(editor_client):
    project = _draft()
    ProjectPartnerFactory(project=project, role=Role.COORDINATOR)
    changelist = editor_client.get(reverse(CHANGELIST))
    assert changelist.status_code == 200
    page = changelist.content.decode()
    assert reverse("admin:projects_project_import") in page
    assert reverse("admin:projects_project_export") in page
    for url in (
        reverse("admin:projects_project_add"),
        change_url(project),
        reverse("admin:projects_project_import"),
        reverse("admin:projects_project_export"),
        reverse("admin:projects_programme_changelist"),
        reverse("admin:projects_theme_changelist"),
        reverse("admin:projects_department_changelist"),
    ):
        assert editor_client.get(url).status_code == 200, url


def test_an_editor_reads_the_code_lists_but_never_changes_them(editor_client):
    programme = Programme.objects.get(name_en="Interreg", parent=None)
    assert editor_client.get(reverse("admin:projects_programme_add")).status_code == 403
    assert editor_client.get(reverse("admin:projects_theme_add")).status_code == 403
    response = editor_client.post(change_url(programme), {"name_ca": "Canviat"})
    assert response.status_code == 403
    programme.refresh_from_db()
    assert programme.name_ca == "Interreg"


def test_an_administrator_adds_a_strand_to_a_programme(administrator):
    client = _client_in(administrator, "en")
    interreg = Programme.objects.get(name_en="Interreg", parent=None)
    response = client.post(
        reverse("admin:projects_programme_add"),
        {
            "name_ca": "Interreg NEXT MED",
            "name_es": "Interreg NEXT MED",
            "name_en": "Interreg NEXT MED",
            "parent": str(interreg.pk),
            "eu_funded": "on",
            "current": "on",
            "order": "9",
        },
    )
    assert response.status_code == 302
    assert interreg.strands.filter(name_en="Interreg NEXT MED").exists()


def test_the_programmes_list_shows_each_strand_after_its_programme(administrator):
    client = _client_in(administrator, "en")
    response = client.get(reverse("admin:projects_programme_changelist") + "?all=")
    listed = list(response.context["cl"].result_list)
    assert len(listed) == Programme.objects.count()
    current = None
    for programme in listed:
        if programme.parent_id is None:
            current = programme
        else:
            assert programme.parent_id == current.pk, programme.full_name()
    assert any(programme.parent_id for programme in listed)


def test_the_co_financing_rates_are_shown_computed(editor_client):
    project = _draft()
    page = editor_client.get(change_url(project)).content.decode()
    assert "80.00 %" in page  # 80,000 of 100,000
    assert "EU co-financing rate of the city&#x27;s budget" in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"starts_on": "2025-01-01", "ends_on": "2024-12-31"},
            "The end date cannot be earlier than the start date.",
        ),
        (
            {
                "total_cost": "1000",
                "eu_contribution": "2000",
                "city_budget": "",
                "city_eu_contribution": "",
            },
            "The EU contribution cannot be higher than the project&#x27;s total cost.",
        ),
        (
            {"city_budget": "200000"},
            "The city&#x27;s budget cannot be higher than the project&#x27;s total cost.",
        ),
        (
            {"city_budget": "100000", "city_eu_contribution": "90000"},
            "The city&#x27;s EU contribution cannot be higher than the project&#x27;s EU "
            "contribution.",
        ),
        (
            {"city_eu_contribution": "30000"},
            "The city&#x27;s EU contribution cannot be higher than the city&#x27;s budget.",
        ),
    ],
    ids=[
        "end-before-start",
        "eu-above-total",
        "city-above-project",
        "city-eu-above-eu",
        "city-eu-above-budget",
    ],
)
def test_a_project_that_breaks_a_rule_is_refused_with_the_reason(editor_client, changes, message):
    project = _draft(title_en="Before")
    response = _post(editor_client, project, title_en="After", **changes)
    assert response.status_code == 200
    assert message in response.content.decode()
    project.refresh_from_db()
    assert project.title_en == "Before"
    assert project.version == 1


def test_a_duplicate_grant_agreement_number_is_refused(editor_client):
    _draft(grant_agreement_number="101234567")
    project = _draft(title_en="Before")
    response = _post(editor_client, project, title_en="After", grant_agreement_number="101234567")
    assert response.status_code == 200
    assert "Another project already has this grant agreement number." in response.content.decode()
    project.refresh_from_db()
    assert (project.title_en, project.grant_agreement_number) == ("Before", "")


@pytest.mark.parametrize(
    ("city_role", "partner_roles", "message"),
    [
        (
            Role.COORDINATOR,
            (Role.COORDINATOR, Role.PARTNER),
            "The city is the coordinator: no partner can be the coordinator too.",
        ),
        (Role.PARTNER, (Role.COORDINATOR, Role.COORDINATOR), "A project has one coordinator."),
        (Role.PARTNER, (Role.PARTNER, Role.ASSOCIATED), "No participant is the coordinator"),
    ],
    ids=["city-and-partner", "two-partners", "none"],
)
def test_the_partners_have_one_coordinator(editor_client, city_role, partner_roles, message):
    project = _draft(city_role=Role.PARTNER, title_en="Before")
    response = _post(
        editor_client,
        project,
        title_en="After",
        city_role=city_role,
        **_partner_rows(*partner_roles),
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    project.refresh_from_db()
    assert (project.title_en, project.city_role, project.version) == ("Before", Role.PARTNER, 1)
    assert not project.partners.exists()


def test_the_city_role_read_for_the_coordinator_check_is_the_one_posted(editor_client):
    # The city was the coordinator; the editor makes a partner the coordinator and the city a
    # partner in the same save: accepted.
    project = _draft(city_role=Role.COORDINATOR)
    response = _post(
        editor_client, project, city_role=Role.PARTNER, **_partner_rows(Role.COORDINATOR)
    )
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.city_role == Role.PARTNER
    assert project.partners.get().role == Role.COORDINATOR


def test_a_deleted_partner_no_longer_counts_as_coordinator(editor_client):
    project = _draft(city_role=Role.PARTNER)
    partner = ProjectPartnerFactory(project=project, role=Role.COORDINATOR)
    url = change_url(project)
    data = form_data(
        editor_client.get(url),
        city_role=Role.COORDINATOR,
        **{"partners-0-DELETE": "on"},
    )
    assert editor_client.post(url, data).status_code == 302
    assert not Partner.objects.filter(pk=partner.pk).exists()


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ca", "La ciutat és la coordinadora: cap soci no pot ser també el coordinador."),
        ("es", "La ciudad es la coordinadora: ningún socio puede ser también el coordinador."),
    ],
)
def test_the_coordinator_error_is_in_the_editors_language(editor, language, expected):
    client = _client_in(editor, language)
    project = _draft(city_role=Role.COORDINATOR)
    url = change_url(project)
    data = form_data(client.get(url), **_partner_rows(Role.COORDINATOR))
    response = client.post(url, data)
    assert response.status_code == 200
    assert expected in response.content.decode()
    assert not project.partners.exists()


@pytest.mark.parametrize(
    ("language", "words"),
    [
        (
            "ca",
            (
                "Programa i subvenció",
                "Diners (euros)",
                "Socis",
                "Resultats i lliurables",
                "Importa",
                "Exporta",
            ),
        ),
        (
            "es",
            (
                "Programa y subvención",
                "Dinero (euros)",
                "Socios",
                "Resultados y entregables",
                "Importar",
                "Exportar",
            ),
        ),
    ],
)
def test_the_project_pages_speak_the_editors_language(editor, language, words):
    client = _client_in(editor, language)
    project = _draft()
    ProjectPartnerFactory(project=project, role=Role.COORDINATOR)
    page = client.get(change_url(project)).content.decode()
    page += client.get(reverse(CHANGELIST)).content.decode()
    for word in words:
        assert word in page, word
    for english in (
        "Programme and grant",
        "Money (euros)",
        "EU co-financing rate",
        "the city&#x27;s role",
    ):
        assert english not in page, english


@pytest.mark.parametrize("language", ["ca", "es"])
def test_the_import_and_export_pages_speak_the_editors_language(editor, language):
    client = _client_in(editor, language)
    project = _draft(starts_on=datetime.date(2024, 1, 1))
    ProjectPartnerFactory(project=project, role=Role.COORDINATOR)
    export = reverse("admin:projects_project_export")
    exported = client.post(export, {"format": "1", "resource": "0"}).content
    invalid = SimpleUploadedFile("p.csv", exported.replace(b"2024-01-01", b"2030-01-01"))
    pages = {
        "import": client.get(reverse("admin:projects_project_import")).content.decode(),
        "export": client.get(export).content.decode(),
        "errors": client.post(
            reverse("admin:projects_project_import"),
            {"format": "1", "resource": "0", "import_file": invalid},
        ).content.decode(),
    }
    assert "ends_on" in pages["errors"]  # the row's error, by its column
    for name, page in pages.items():
        text = _visible(page)
        for english in (
            "Upload a file",
            "Partners go in one cell",
            "File to import",
            "This importer will import",
            "This exporter will export",
            "Some rows failed to validate",
            "Please correct these errors",
            "Non field specific",
            "The end date cannot be earlier",
            "Traceback",
        ):
            assert english not in text, (name, english)


def test_a_theme_filter_and_search_answer(editor_client):
    theme = ThemeFactory(name_en="Climate")
    _draft(title_en="Green", acronym="GRN").themes.add(theme)
    _draft(title_en="Grey", acronym="GRY")
    page = editor_client.get(reverse(CHANGELIST) + f"?themes__id__exact={theme.pk}")
    assert page.status_code == 200
    assert "GRN" in page.content.decode() and "GRY" not in page.content.decode()
    found = editor_client.get(reverse(CHANGELIST) + "?q=GRY").content.decode()
    assert "GRY" in found and "GRN" not in found


def test_an_end_date_is_kept_when_valid(editor_client):
    project = _draft()
    response = _post(editor_client, project, ends_on="2026-06-30")
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.ends_on == datetime.date(2026, 6, 30)


@pytest.mark.parametrize("count", [1, 20])
def test_the_projects_list_keeps_its_queries_whatever_the_number(
    editor_client, django_assert_max_num_queries, count
):
    theme = ThemeFactory()
    for _ in range(count):
        _draft().themes.add(theme)
    editor_client.get(reverse(CHANGELIST))  # the session and caches warm
    with django_assert_max_num_queries(25):
        response = editor_client.get(reverse(CHANGELIST))
    assert response.status_code == 200
    assert response.context["cl"].result_count == count
