"""The projects' rendered fragments (projects.fragments): a card and a project's page below its
header, served from the cache while nothing they show changed, never after."""

import datetime

import pytest

from relacions.projects.models import Project
from tests.factories import EventFactory, NetworkFactory, NewsItemFactory, ObjectiveFactory
from tests.factories.agreements import AgreementFactory
from tests.factories.places import PlaceFactory
from tests.factories.projects import (
    DepartmentFactory,
    ProgrammeFactory,
    ProjectFactory,
    ProjectPartnerFactory,
    ResultFactory,
    ThemeFactory,
)
from tests.helpers import (
    check_a_linked_network_leaves_at_its_unpublish_at,
    check_each_language_has_its_fragment,
    structured_data,
    url_of,
    visit,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragment_cache", "site_settings")]

DRAFT = Project.Status.DRAFT


def test_the_list_reads_its_cards_from_the_cache_until_one_changes(client):
    projects = ProjectFactory.create_batch(3)
    first, _ = visit(client, url_of("projects:list"))
    again, _ = visit(client, url_of("projects:list"))
    assert again == first
    projects[0].title_ca = "Projecte reanomenat"
    projects[0].save()
    assert "Projecte reanomenat" in visit(client, url_of("projects:list"))[0]


def test_a_card_follows_its_programme_and_the_programme_s_parent(client):
    parent = ProgrammeFactory(name_ca="Interreg")
    strand = ProgrammeFactory(name_ca="Interreg Europe", parent=parent)
    ProjectFactory(programme=strand)
    assert "Interreg › Interreg Europe" in visit(client, url_of("projects:list"))[0]
    strand.name_ca = "Interreg Euro-MED"
    strand.save()
    assert "Interreg › Interreg Euro-MED" in visit(client, url_of("projects:list"))[0]
    parent.name_ca = "Interreg VI"
    parent.save()
    assert "Interreg VI › Interreg Euro-MED" in visit(client, url_of("projects:list"))[0]


def test_the_page_reads_its_body_from_the_cache(client):
    project = ProjectFactory()
    ResultFactory(project=project)
    first, first_queries = visit(client, url_of(project))
    again, again_queries = visit(client, url_of(project))
    assert again == first and "Description of project" in again
    # The page's own lookup: its body and its schema.org data (with the partners and themes
    # both read) come from the cache; the chrome too, unless something else in the run renewed
    # it (after the other tests of a full run one of its parts was read again).
    assert first_queries > 2 and again_queries <= 2


def test_the_page_follows_everything_its_body_shows(client):
    department = DepartmentFactory(name_ca="Relacions Internacionals")
    project = ProjectFactory(department=department, total_cost=100_000)
    partner = ProjectPartnerFactory(project=project, organisation="Comune di Prato")
    result = ResultFactory(project=project, title_ca="Guia de bones pràctiques")
    theme = ThemeFactory(name_ca="Ocupació")
    project.themes.add(theme)
    network = NetworkFactory(name_ca="Eurocities")
    agreement = AgreementFactory(title_ca="Agermanament amb Prato")
    objective = ObjectiveFactory(title_ca="Ciutat oberta")
    news = NewsItemFactory(title_ca="Comença el projecte")
    project.networks.add(network)
    project.agreements.add(agreement)
    project.objectives.add(objective)
    project.news_items.add(news)
    page = url_of(project)
    assert "Comune di Prato" in visit(client, page)[0]
    project.total_cost = 250_000
    project.save()
    assert "250.000" in visit(client, page)[0]
    department.name_ca = "Servei de Relacions Internacionals"
    department.save()
    assert "Servei de Relacions Internacionals" in visit(client, page)[0]
    project.programme.name_ca = "Horitzó Europa"
    project.programme.save()
    assert "Horitzó Europa" in visit(client, page)[0]
    partner.organisation = "Comune di Prato (capofila)"
    partner.save()
    assert "Comune di Prato (capofila)" in visit(client, page)[0]
    partner.place.name_ca = "Prato (Toscana)"
    partner.place.save()
    assert "Prato (Toscana)" in visit(client, page)[0]
    ProjectPartnerFactory(project=project, organisation="Ville de Lyon")
    assert "Ville de Lyon" in visit(client, page)[0]
    result.title_ca = "Guia final"
    result.save()
    assert "Guia final" in visit(client, page)[0]
    result.delete()
    assert "Guia final" not in visit(client, page)[0]
    theme.name_ca = "Ocupació i formació"
    theme.save()
    assert "Ocupació i formació" in visit(client, page)[0]
    for shown, title in ((network, "name_ca"), (agreement, "title_ca"), (objective, "title_ca")):
        setattr(shown, title, f"{getattr(shown, title)} (nou nom)")
        shown.save()
        assert f"{getattr(shown, title)}" in visit(client, page)[0]
    agreement.status = DRAFT
    agreement.save()
    assert "Agermanament amb Prato" not in visit(client, page)[0]
    news.status = DRAFT
    news.save()
    assert "Comença el projecte" not in visit(client, page)[0]
    project.events.add(EventFactory(title_ca="Reunió de socis"))
    assert "Reunió de socis" in visit(client, page)[0]


def test_a_related_object_leaves_when_its_unpublish_at_passes(client):
    check_a_linked_network_leaves_at_its_unpublish_at(client, ProjectFactory())


def test_each_language_and_its_fallback_has_its_own_fragment(client):
    obj = ProjectFactory(description_ca="<p>Descripció en català</p>", description_es="")
    check_each_language_has_its_fragment(
        client,
        obj,
        "description",
        "Descripció en català",
        "<p>Descripción en castellano</p>",
        "Descripción en castellano",
    )


def test_the_totals_and_the_filter_s_choices_follow_the_projects_at_once(client):
    """Kept with the content generation (pagecache.remember): a project saved, a programme or a
    theme renamed show in the register's totals and the filter's choices at once."""
    ProjectFactory()
    assert "Programa reanomenat" not in visit(client, url_of("projects:list"))[0]
    started = ProjectFactory(starts_on=datetime.date(2012, 3, 1))
    body = visit(client, url_of("projects:list"))[0]
    assert '<option value="2012"' in body
    started.programme.name_ca = "Programa reanomenat"
    started.programme.save()
    theme = ThemeFactory(name_ca="Tema nou")
    body = visit(client, url_of("projects:list"))[0]
    assert body.count("Programa reanomenat") >= 2 and "Tema nou" in body  # totals and filter
    started.status = Project.Status.DRAFT
    started.save()
    assert '<option value="2012"' not in visit(client, url_of("projects:list"))[0]
    theme.name_ca = "Tema reanomenat"
    theme.save()
    assert "Tema reanomenat" in visit(client, url_of("projects:list"))[0]


def test_the_schema_org_data_follows_its_partners_themes_and_programme(client):
    """The page's schema.org data is kept as its body is (fragments.STRUCTURED_DATA)."""
    parent = ProgrammeFactory(name_ca="Interreg")
    project = ProjectFactory(programme=ProgrammeFactory(name_ca="Interreg Europe", parent=parent))
    partner = ProjectPartnerFactory(project=project, place=PlaceFactory(name_ca="Prato"))
    theme = ThemeFactory(name_ca="Mobilitat")
    project.themes.add(theme)

    def data(language="ca") -> dict:
        return structured_data(visit(client, url_of(project, language))[0])

    partners = [member for member in data()["member"] if member["@type"] == "Organization"]
    assert partners[0]["location"]["name"] == "Prato" and data()["keywords"] == "Mobilitat"
    partner.place.name_ca = "Prato (Toscana)"
    partner.place.save()
    partners = [member for member in data()["member"] if member["@type"] == "Organization"]
    assert partners[0]["location"]["name"] == "Prato (Toscana)"
    theme.name_ca = "Mobilitat sostenible"
    theme.save()
    assert data()["keywords"] == "Mobilitat sostenible"
    parent.name_ca = "Interreg (FEDER)"
    parent.save()
    assert data()["funding"]["name"].startswith("Interreg (FEDER)")
    assert data("es")["inLanguage"] == "es"
