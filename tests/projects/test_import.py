"""The projects' import and export (relacions/projects/imports.py), through the admin as the office
uses them: export, import the file back, the preview, per-row errors, nothing saved until every
row validates."""

import csv
import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation
from reversion.models import Version

from relacions.core.demo import load_apps
from relacions.core.models import Publishable
from relacions.core.roles import NETWORK_ADMINISTRATORS
from relacions.projects.imports import FORMATS, ProjectCSV, ProjectXLSX
from relacions.projects.models import Department, Partner, Programme, Project, Role
from tests.factories.agreements import AgreementFactory
from tests.factories.events import EventFactory
from tests.factories.mandate import ObjectiveFactory
from tests.factories.networks import NetworkFactory
from tests.factories.news import NewsItemFactory
from tests.factories.places import PlaceFactory
from tests.factories.projects import ProjectFactory, ProjectPartnerFactory, ThemeFactory
from tests.helpers import seed_programmes, signed_in_client, staff_member

pytestmark = [pytest.mark.django_db]


@pytest.fixture(autouse=True)
def _programmes(db):
    seed_programmes()


IMPORT = "admin:projects_project_import"
CONFIRM = "admin:projects_project_process_import"
EXPORT = "admin:projects_project_export"
CSV_FORMAT = str(FORMATS.index(ProjectCSV))
XLSX_FORMAT = str(FORMATS.index(ProjectXLSX))


def _export(client, file_format: str) -> bytes:
    response = client.post(reverse(EXPORT), {"format": file_format, "resource": "0"})
    assert response.status_code == 200, response.content[:2000]
    return response.content


def _preview(client, content: bytes, file_format: str, name="projects.csv"):
    upload = SimpleUploadedFile(name, content)
    response = client.post(
        reverse(IMPORT), {"format": file_format, "resource": "0", "import_file": upload}
    )
    assert response.status_code == 200
    return response


def _confirm(client, preview):
    form = preview.context["confirm_form"]
    assert form is not None, "The preview offers to confirm the import"
    return client.post(reverse(CONFIRM), {**form.initial, "confirm": "Confirm import"})


def _csv(rows: list[dict]) -> bytes:
    headers = list({key: None for row in rows for key in row})
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=headers)
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _snapshot() -> dict:
    """Every project with every field, its related items and partners (with their ids)."""
    # In one language: a translated field's own name reads the active language's value.
    with translation.override("ca"):
        return {project.pk: _fields(project) for project in Project.objects.order_by("pk")}


def _fields(project) -> dict:
    fields = {
        field.attname: getattr(project, field.attname) for field in Project._meta.concrete_fields
    }
    for name in ("themes", "objectives", "networks", "agreements", "news_items", "events"):
        fields[name] = sorted(getattr(project, name).values_list("pk", flat=True))
    fields["partners"] = list(
        project.partners.order_by("order", "pk").values_list(
            "pk", "organisation", "kind", "place", "role", "participant_code", "order"
        )
    )
    return fields


@pytest.fixture
def register(db):
    """Three projects as the office has them: strands and programmes, partners with and without
    places, themes, a department, ties to every kind of item, odd text."""
    interreg_europe = Programme.objects.get(name_en="Interreg Europe")
    urbact = Programme.objects.get(name_en="URBACT", parent=None)
    department = Department.objects.create(
        name_ca="Relacions internacionals", name_es="Relaciones internacionales"
    )
    climate = ThemeFactory(name_ca="Clima", order=1)
    culture = ThemeFactory(name_ca="Cultura; i lleure", order=2)
    first = ProjectFactory(
        acronym="IA4END",
        title_ca="=Intel·ligència artificial",
        summary_es="-Resumen con guion",
        programme=interreg_europe,
        grant_agreement_number="101234567",
        city_role=Role.COORDINATOR,
        department=department,
        website="https://example.org/ia4end",
        publish_at=datetime.datetime(2025, 3, 1, 9, 30, tzinfo=datetime.UTC),
        total_cost=Decimal("1234567.89"),
    )
    first.themes.add(climate, culture)
    first.objectives.add(ObjectiveFactory())
    first.networks.add(NetworkFactory())
    first.agreements.add(AgreementFactory())
    first.news_items.add(NewsItemFactory())
    first.events.add(EventFactory())
    ProjectPartnerFactory(project=first, role=Role.PARTNER, participant_code="999999999")
    ProjectPartnerFactory(project=first, role=Role.ASSOCIATED, place=None, kind="80")
    second = ProjectFactory(
        acronym="LOOK WIDE",
        programme=urbact,
        city_role=Role.PARTNER,
        status=Publishable.Status.DRAFT,
        total_cost=None,
        eu_contribution=None,
        city_budget=Decimal("5000"),
        city_eu_contribution=None,
        project_status=Project.ProjectStatus.CLOSED,
    )
    ProjectPartnerFactory(project=second, role=Role.COORDINATOR, organisation="Ville | de Pau")
    ProjectFactory(acronym="EMPTY", title_en="", summary_ca="Línia 1\nLínia 2")
    return [first, second]


@pytest.mark.parametrize("file_format", [CSV_FORMAT, XLSX_FORMAT], ids=["csv", "xlsx"])
def test_an_export_imported_back_changes_nothing(editor_client, register, file_format):
    before = _snapshot()
    versions = Version.objects.count()
    exported = _export(editor_client, file_format)
    preview = _preview(editor_client, exported, file_format)
    result = preview.context["result"]
    assert not result.has_errors() and not result.has_validation_errors(), [
        (row.number, row.error_dict) for row in result.invalid_rows
    ]
    assert {row.import_type for row in result.rows} == {"skip"}
    response = _confirm(editor_client, preview)
    assert response.status_code == 302
    assert _snapshot() == before
    assert Version.objects.count() == versions


def test_the_export_names_related_items_by_stable_keys(editor_client, register):
    book = openpyxl.load_workbook(io.BytesIO(_export(editor_client, XLSX_FORMAT)))
    rows = list(book.active.values)
    headers = rows[0]
    first = next(
        dict(zip(headers, row, strict=True))
        for row in rows[1:]
        if row[headers.index("acronym")] == "IA4END"
    )
    assert {"title_ca", "title_es", "title_en", "slug_ca", "partners"} <= set(headers)
    assert first["programme"] == "Interreg › Interreg Europe"
    assert first["department"] == "Relacions internacionals"
    assert first["themes"].splitlines() == ["Clima", "Cultura; i lleure"]
    assert first["title_ca"] == "=Intel·ligència artificial"  # text, never a formula
    partner = register[0].partners.order_by("order", "pk").first()
    assert first["partners"].splitlines()[0] == (
        f"{partner.organisation} | 11 | {partner.place.slug_ca} | partner | 999999999"
    )


def test_the_csv_export_guards_formulas_and_follows_the_language(editor, register):
    client = Client(headers={"accept-language": "ca"})
    client.force_login(editor)
    text = _export(client, CSV_FORMAT).decode("utf-8-sig")
    assert text.splitlines()[0].startswith("slug_ca;slug_es;slug_en;acronym")
    assert "'=Intel·ligència artificial" in text
    assert "1234567,89" in text


def _row(**values) -> dict:
    programme = Programme.objects.get(name_en="Interreg Europe")
    row = {
        "slug_ca": "nou-projecte",
        "acronym": "NOU",
        "title_ca": "Nou projecte",
        "title_es": "Nuevo proyecto",
        "title_en": "New project",
        "programme": f"Interreg › {programme.name_ca}",
        "grant_agreement_number": "",
        "city_role": "coordinator",
        "project_status": "2",
        "starts_on": "2026-01-01",
        "ends_on": "2027-12-31",
        "total_cost": "100000",
        "eu_contribution": "80000,50",
        "city_budget": "20000",
        "city_eu_contribution": "16000",
        "partners": "",
        "status": "draft",
    }
    row.update(values)
    return row


def test_an_import_adds_projects_after_a_preview_that_saved_nothing(editor_client, editor):
    place = PlaceFactory(slug_ca="pamiers")
    theme = ThemeFactory(name_ca="Clima")
    content = _csv(
        [
            _row(
                partners="Ajuntament de Pamiers | 11 | pamiers | partner | 999999999\n"
                "Universitat | 80 |  | associated",
                themes="Clima",
            ),
            _row(
                slug_ca="segon",
                acronym="SEG",
                city_role="partner",
                partners="Lead | 11 | | coordinator",
            ),
        ]
    )
    preview = _preview(editor_client, content, CSV_FORMAT)
    assert [row.import_type for row in preview.context["result"].rows] == ["new", "new"]
    assert not Project.objects.exists()
    response = _confirm(editor_client, preview)
    assert response.status_code == 302
    project = Project.objects.get(slug_ca="nou-projecte")
    assert project.eu_contribution == Decimal("80000.50")
    assert list(project.themes.all()) == [theme]
    assert list(project.partners.values_list("organisation", "kind", "place", "role")) == [
        ("Ajuntament de Pamiers", "11", place.pk, "partner"),
        ("Universitat", "80", None, "associated"),
    ]
    assert Project.objects.get(slug_ca="segon").partners.get().role == Role.COORDINATOR
    # One revision by the editor, naming the file; the audit log has both projects.
    version = Version.objects.get_for_object(project).get()
    assert version.revision.user == editor
    assert "projects.csv" in version.revision.comment
    from django.contrib.admin.models import LogEntry

    assert LogEntry.objects.filter(user=editor, action_flag=1).count() == 2


def test_a_reimport_updates_by_slug_or_grant_number_and_never_duplicates(editor_client):
    existing = ProjectFactory(slug_ca="nou-projecte", title_en="Old", grant_agreement_number="")
    other = ProjectFactory(grant_agreement_number="101000001", title_en="Other old")
    content = _csv(
        [
            _row(title_en="Updated"),
            _row(
                slug_ca="renamed",
                acronym="REN",
                grant_agreement_number="101000001",
                title_en="Found",
            ),
        ]
    )
    preview = _preview(editor_client, content, CSV_FORMAT)
    assert [row.import_type for row in preview.context["result"].rows] == ["update", "update"]
    assert _confirm(editor_client, preview).status_code == 302
    assert Project.objects.count() == 2
    existing.refresh_from_db()
    other.refresh_from_db()
    assert (existing.title_en, existing.version) == ("Updated", 2)
    assert (other.title_en, other.slug_ca) == ("Found", "renamed")


@pytest.mark.parametrize(
    ("values", "message"),
    [
        (
            {"starts_on": "2026-01-01", "ends_on": "2025-01-01"},
            "The end date cannot be earlier than the start date.",
        ),
        (
            {"eu_contribution": "200000"},
            "The EU contribution cannot be higher than the project&#x27;s total cost.",
        ),
        (
            {"city_budget": "200000"},
            "The city&#x27;s budget cannot be higher than the project&#x27;s total cost.",
        ),
        (
            {"city_budget": "90000", "city_eu_contribution": "85000"},
            "The city&#x27;s EU contribution cannot be higher than the project&#x27;s EU",
        ),
        (
            {"city_eu_contribution": "30000"},
            "The city&#x27;s EU contribution cannot be higher than the city&#x27;s budget.",
        ),
        (
            {"grant_agreement_number": "101999999"},
            "Another project already has this grant agreement number.",
        ),
        (
            {"partners": "Lead | 11 | | coordinator"},
            "The city is the coordinator: no partner can be the coordinator too.",
        ),
        (
            {"city_role": "partner", "partners": "A | 11 | | partner"},
            "No participant is the coordinator",
        ),
        (
            {"city_role": "partner", "partners": "A | 11 | | coordinator\nB | 11 | | coordinator"},
            "A project has one coordinator.",
        ),
        ({"programme": "Interreg › Nowhere"}, "There is no programme “Interreg › Nowhere”"),
        ({"partners": "A | 11 | atlantis | partner"}, "there is no place with the slug “atlantis”"),
        ({"partners": "A | 99 | | partner"}, "Partner 1, kind"),
        ({"partners": "A | 11 | | partner | 12"}, "nine digits"),
        ({"total_cost": "lots"}, "“lots” is not an amount in euros"),
        ({"starts_on": "31/02/2026"}, "“31/02/2026” is not a date"),
        ({"themes": "Nowhere"}, "There is no theme named “Nowhere”."),
        ({"networks": "no-network"}, "There is no network with the slug “no-network”."),
        ({"city_role": "boss"}, "is not a valid choice"),
        ({"slug_ca": "", "title_ca": ""}, "This field cannot be blank."),
    ],
    ids=lambda value: None if isinstance(value, dict) else value[:25],
)
def test_one_invalid_row_and_nothing_is_saved(editor_client, values, message):
    ProjectFactory(grant_agreement_number="101999999", slug_ca="taken")
    ProjectFactory(slug_ca="nou-projecte")  # the invalid row updates it
    projects, partners = Project.objects.count(), Partner.objects.count()
    content = _csv(
        [
            _row(
                slug_ca="valid-row",
                acronym="OK",
                city_role="partner",
                partners="L | 11 | | coordinator",
            ),
            _row(**values),
        ]
    )
    preview = _preview(editor_client, content, CSV_FORMAT)
    page = preview.content.decode()
    assert message in page, page[page.find("<main") :][:4000]
    assert preview.context.get("confirm_form") is None
    assert (Project.objects.count(), Partner.objects.count()) == (projects, partners)


def test_the_same_project_twice_in_a_file_is_refused(editor_client):
    preview = _preview(editor_client, _csv([_row(), _row(acronym="AGAIN")]), CSV_FORMAT)
    assert "Row 1 of the file already has this value." in preview.content.decode()
    assert not Project.objects.exists()


def test_a_file_without_the_slug_column_is_refused(editor_client):
    row = _row()
    del row["slug_ca"]
    preview = _preview(editor_client, _csv([row]), CSV_FORMAT)
    assert preview.context.get("confirm_form") is None
    page = preview.content.decode()
    assert "The file has no “slug_ca” column" in page
    assert "Traceback" not in page
    assert not Project.objects.exists()


def test_a_row_that_became_invalid_after_the_preview_saves_nothing(editor_client):
    second = ProjectFactory(slug_ca="second", title_en="Second")
    preview = _preview(
        editor_client,
        _csv(
            [_row(), _row(slug_ca="second", title_en="Changed", grant_agreement_number="101000002")]
        ),
        CSV_FORMAT,
    )
    # Meanwhile another project takes the grant number the file gives the second row.
    ProjectFactory(grant_agreement_number="101000002", slug_ca="meanwhile")
    response = _confirm(editor_client, preview)
    assert response.status_code == 302
    assert response.url == reverse(IMPORT)
    assert sorted(Project.objects.values_list("slug_ca", flat=True)) == ["meanwhile", "second"]
    second.refresh_from_db()
    assert (second.title_en, second.version) == ("Second", 1)


def test_an_xlsx_typed_by_hand_imports(editor_client):
    book = openpyxl.Workbook()
    row = _row(total_cost=100000, eu_contribution=80000.5, grant_agreement_number=101234567)
    row["starts_on"] = datetime.datetime(2026, 1, 1)
    book.active.append(list(row))
    book.active.append(list(row.values()))
    buffer = io.BytesIO()
    book.save(buffer)
    preview = _preview(editor_client, buffer.getvalue(), XLSX_FORMAT, name="projects.xlsx")
    assert _confirm(editor_client, preview).status_code == 302
    project = Project.objects.get()
    assert (project.eu_contribution, project.grant_agreement_number, project.starts_on) == (
        Decimal("80000.50"),
        "101234567",
        datetime.date(2026, 1, 1),
    )


def test_the_errors_are_in_the_editors_language(editor):
    client = Client(headers={"accept-language": "ca"})
    client.force_login(editor)
    preview = _preview(client, _csv([_row(partners="Lead | 11 | | coordinator")]), CSV_FORMAT)
    assert "La ciutat és la coordinadora" in preview.content.decode()


def test_only_staff_who_write_projects_import_them(roles):
    reader = staff_member("reader", NETWORK_ADMINISTRATORS)
    client = signed_in_client(reader)
    assert client.get(reverse(IMPORT)).status_code == 403
    assert client.post(reverse(CONFIRM), {}).status_code == 403
    assert client.get(reverse(EXPORT)).status_code == 403


def test_a_forged_confirmation_reads_no_other_file(editor_client, tmp_path):
    response = editor_client.post(
        reverse(CONFIRM),
        {
            "import_file_name": "../../etc/passwd",
            "original_file_name": "x.csv",
            "format": CSV_FORMAT,
            "resource": "0",
        },
    )
    assert response.status_code in (302, 400) or b"expired" in response.content
    assert not Project.objects.exists()


@pytest.mark.parametrize("file_format", [CSV_FORMAT, XLSX_FORMAT], ids=["csv", "xlsx"])
def test_the_demo_projects_round_trip_unchanged(editor_client, file_format):
    load_apps("places", "mandate", "networks", "events", "news", "agreements", "projects")
    assert Project.objects.count() >= 2 and Partner.objects.exists()
    before, versions = _snapshot(), Version.objects.count()
    preview = _preview(editor_client, _export(editor_client, file_format), file_format)
    assert {row.import_type for row in preview.context["result"].rows} == {"skip"}
    assert _confirm(editor_client, preview).status_code == 302
    assert _snapshot() == before
    assert Version.objects.count() == versions


@pytest.mark.parametrize("count", [1, 20])
def test_the_export_keeps_its_queries_whatever_the_number(
    editor_client, django_assert_max_num_queries, count
):
    theme, place = ThemeFactory(), PlaceFactory()
    for _ in range(count):
        project = ProjectFactory(city_role=Role.PARTNER)
        project.themes.add(theme)
        project.networks.add(NetworkFactory())
        project.objectives.add(ObjectiveFactory())
        ProjectPartnerFactory(project=project, role=Role.COORDINATOR, place=place)
    _export(editor_client, CSV_FORMAT)  # the session and caches warm
    with django_assert_max_num_queries(30):
        exported = _export(editor_client, CSV_FORMAT)
    assert len(exported.decode("utf-8-sig").splitlines()) == count + 1
