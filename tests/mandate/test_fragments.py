"""The Pla de Mandat's rendered fragments (mandate.fragments): an objective's card in the plan's
overview and an objective's body on its page, served from the cache while nothing they show
changed, never after. Their status, progress and last update come from the objective's latest
public progress update: each way an update changes must show at once.

Every test runs with whole pages not cached (`fragment_cache`), so each request is rendered, from
the fragments it finds."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from relacions.mandate.models import ProgressUpdate
from relacions.news.models import NewsItem
from relacions.operations.pagecache import fragments
from relacions.workflow import preview
from tests.factories import MembershipFactory, NetworkFactory
from tests.factories.mandate import (
    AxisFactory,
    ObjectiveFactory,
    PlanFactory,
    ProgressUpdateFactory,
)
from tests.helpers import address, signed_in_client, sleep_past

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragment_cache", "site_settings")]

Status = ProgressUpdate.Status


def visit(client, where: str, data=None) -> str:
    """The page's HTML, without the CSP nonce and the CSRF token, new for each response."""
    response = client.get(where, data)
    assert response.status_code == 200
    body = re.sub(r'nonce="[^"]*"', "", response.content.decode())
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", body)


def fetched_updates(queries) -> int:
    """How many of the queries fetched progress updates."""
    return sum(q["sql"].startswith('SELECT "mandate_progressupdate"."id"') for q in queries)


def page(obj, language: str = "ca") -> str:
    with translation.override(language):
        return obj.get_absolute_url()


def overview(language: str = "ca") -> str:
    return address("mandate:overview", language)


def card(body: str, objective) -> str:
    """The objective's card in the overview's HTML."""
    start = body.index(f'id="objective-{objective.pk}"')
    return body[body.rindex("<li", 0, start) : body.index("</li>", start)]


@pytest.fixture
def objective(plan):
    axis = AxisFactory(plan=plan, number=5, title_ca="Ciutat oberta", title_es="Ciudad abierta")
    objective = ObjectiveFactory(
        axis=axis,
        code="5.2",
        title_ca="Projectar Terrassa",
        title_es="Proyectar Terrassa",
        description_ca="<p>Descripció primera</p>",
        target_date=datetime.date(2027, 6, 30),
    )
    ProgressUpdateFactory(
        objective=objective, date=datetime.date(2024, 1, 31), progress=25, note_ca="Primer pas"
    )
    return objective


def test_a_second_visit_reads_the_cards_and_the_body_from_the_cache(client, objective):
    ObjectiveFactory(axis=objective.axis, code="5.3")
    ObjectiveFactory(axis=AxisFactory(plan=objective.plan, number=6), code="6.1")
    for where in (overview(), page(objective)):
        with CaptureQueriesContext(connection) as first_queries:
            first = visit(client, where)
        with CaptureQueriesContext(connection) as queries:
            again = visit(client, where)
        assert again == first
        # The progress updates the fragments show are not fetched again: only their stamps are.
        assert fetched_updates(first_queries) == 1 and fetched_updates(queries) == 0


def test_the_cache_gives_the_same_page_as_no_cache(client, objective, settings):
    cached = [visit(client, where) for where in (overview(), page(objective))]
    cached = [visit(client, where) for where in (overview(), page(objective))]
    settings.FRAGMENT_CACHE = False
    assert [visit(client, where) for where in (overview(), page(objective))] == cached


def test_the_objective_edited_shows_at_once(client, objective):
    visit(client, overview()), visit(client, page(objective))
    objective.title_ca = "Projectar Terrassa al món"
    objective.description_ca = "<p>Descripció segona</p>"
    objective.target_date = datetime.date(2026, 12, 31)
    objective.save()
    assert "Projectar Terrassa al món" in card(visit(client, overview()), objective)
    body = visit(client, page(objective))
    assert "Descripció segona" in body and "Descripció primera" not in body
    assert 'datetime="2026-12-31"' in body


def test_the_plan_renamed_gives_the_cards_their_new_address(client, objective):
    assert "/pla-prova/5.2/" in card(visit(client, overview()), objective)
    objective.plan.slug_ca = "pla-nou"
    objective.plan.save()
    assert "/pla-nou/5.2/" in card(visit(client, overview()), objective)


def test_the_axis_edited_shows_at_once_on_the_objectives_page(client, objective):
    assert "Ciutat oberta" in visit(client, page(objective))
    objective.axis.title_ca = "Ciutat oberta al món"
    objective.axis.save()
    assert "Ciutat oberta al món" in visit(client, page(objective))


def test_a_new_public_update_changes_the_status_and_progress_at_once(client, objective):
    before = card(visit(client, overview()), objective)
    assert "25 %" in before and "status-badge--in_progress" in before
    visit(client, page(objective))
    ProgressUpdateFactory(
        objective=objective, date=datetime.date(2024, 6, 30), progress=100, status=Status.DONE
    )
    after = card(visit(client, overview()), objective)
    assert "100 %" in after and "status-badge--done" in after and 'datetime="2024-06-30"' in after
    body = visit(client, page(objective))
    assert "status-badge--done" in body and "100 %" in body


def test_a_private_update_changes_nothing(client, objective):
    first = visit(client, overview())
    ProgressUpdateFactory(objective=objective, progress=87, is_public=False, note_ca="SECRET")
    assert visit(client, overview()) == first
    assert "SECRET" not in visit(client, page(objective))


def test_an_edited_update_shows_at_once(client, objective):
    update = objective.updates.get()
    visit(client, overview()), visit(client, page(objective))
    update.progress = 40
    update.note_ca = "Primer pas, revisat"
    update.save()
    assert "40 %" in card(visit(client, overview()), objective)
    body = visit(client, page(objective))
    assert "40 %" in body and "Primer pas, revisat" in body


def test_an_update_unpublished_or_deleted_leaves_at_once(client, objective):
    latest = ProgressUpdateFactory(
        objective=objective, date=datetime.date(2024, 6, 30), progress=60, note_ca="Segon pas"
    )
    assert "60 %" in card(visit(client, overview()), objective)
    assert "Segon pas" in visit(client, page(objective))
    latest.is_public = False
    latest.save()
    assert "25 %" in card(visit(client, overview()), objective)
    assert "Segon pas" not in visit(client, page(objective))
    objective.updates.filter(is_public=True).get().delete()
    now = card(visit(client, overview()), objective)
    assert "status-badge--not_started" in now and "0 %" in now
    assert "Primer pas" not in visit(client, page(objective))


def test_the_filters_follow_the_updates(client, objective):
    done = {"status": Status.DONE}
    assert 'id="objective-' not in visit(client, overview(), done)
    assert 'id="objective-' not in visit(client, overview(), {"done": 2024})
    assert f'id="objective-{objective.pk}"' in visit(client, overview(), {"updated": 2024})
    ProgressUpdateFactory(
        objective=objective, date=datetime.date(2025, 3, 1), progress=100, status=Status.DONE
    )
    for filters in (done, {"done": 2025}, {"updated": 2025}):
        listed = visit(client, overview(), filters)
        assert "100 %" in card(listed, objective)
    assert 'id="objective-' not in visit(client, overview(), {"status": Status.IN_PROGRESS})


def test_each_language_and_its_fallback_has_its_own_fragment(client, objective):
    objective.title_es = ""
    objective.save()
    objective.updates.update(note_es="")
    spanish = visit(client, overview("es"))
    assert 'lang="ca">Projectar Terrassa<' in card(spanish, objective)
    assert 'lang="ca">Primer pas<' in visit(client, page(objective, "es"))
    catalan = visit(client, overview("ca"))
    assert visit(client, overview("ca")) == catalan
    objective.title_es = "Proyectar Terrassa al mundo"
    objective.save()
    update = objective.updates.get()
    update.note_es = "Primer paso"
    update.save()
    assert ">Proyectar Terrassa al mundo<" in card(visit(client, overview("es")), objective)
    body = visit(client, page(objective, "es"))
    assert "Primer paso" in body and 'lang="ca">Primer pas<' not in body


def test_the_timeline_is_read_from_the_cache_until_what_it_shows_changes(
    client, objective, fragment_renders
):
    """The timeline of the work serving the objective is a fragment: a second visit renders
    nothing and queries none of the linked registers; an item linked, renamed or unpublished, a
    membership's network renamed or unpublished show at once."""
    assert "Notícia de l'objectiu" not in visit(client, page(objective))
    item = NewsItem.objects.create(
        title_ca="Notícia de l'objectiu",
        slug_ca="noticia-objectiu",
        published_on=datetime.date(2024, 2, 1),
        status="published",
    )
    item.objectives.add(objective)
    assert "Notícia de l&#x27;objectiu" in visit(client, page(objective))
    renders = fragment_renders["mandate/_objective_timeline.html"]
    with CaptureQueriesContext(connection) as queries:
        assert "Notícia de l&#x27;objectiu" in visit(client, page(objective))
    assert fragment_renders["mandate/_objective_timeline.html"] == renders
    assert not [q for q in queries if "_prefetch_related_val_objective_id" in q["sql"]]
    item.title_ca = "Notícia reanomenada"
    item.save()
    assert "Notícia reanomenada" in visit(client, page(objective))

    network = NetworkFactory(name_ca="Xarxa servidora")
    MembershipFactory(network=network).objectives.add(objective)
    assert "Xarxa servidora" in visit(client, page(objective))
    network.name_ca = "Xarxa reanomenada"
    network.save()
    body = visit(client, page(objective))
    assert "Xarxa reanomenada" in body and "Xarxa servidora" not in body
    network.status = "draft"
    network.save()
    item.status = "draft"
    item.save()
    body = visit(client, page(objective))
    assert "Xarxa reanomenada" not in body and "Notícia reanomenada" not in body


def test_a_linked_item_leaves_the_timeline_when_its_unpublish_at_passes(client, objective):
    item = NewsItem.objects.create(
        title_ca="Notícia que caduca",
        slug_ca="noticia-caduca",
        published_on=datetime.date(2024, 2, 1),
        status="published",
        unpublish_at=timezone.now() + datetime.timedelta(seconds=3),
    )
    item.objectives.add(objective)
    assert "Notícia que caduca" in visit(client, page(objective))
    sleep_past(item.unpublish_at)
    assert "Notícia que caduca" not in visit(client, page(objective))


def test_a_draft_plans_preview_shows_its_cards_and_keeps_none(administrator):
    draft = PlanFactory(status="draft", is_current=False)
    objective = ObjectiveFactory(axis=AxisFactory(plan=draft), title_en="Previewed objective")
    ProgressUpdateFactory(objective=objective, progress=35)
    body = signed_in_client(administrator).get(preview.preview_url(draft, "en")).text
    assert "Previewed objective" in body and "35 %" in body
    assert not [key for key in fragments.cache_backend()._cache if "mandate.card" in key]
