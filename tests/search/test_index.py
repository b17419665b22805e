"""The index follows the content: on save, publication, unpublication and deletion, with the
parents' windows for forums and objectives, and the same rows whether built one save at a time or
rebuilt at once."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from relacions.core.models import Publishable
from relacions.search.models import SearchEntry
from tests.factories import (
    AxisFactory,
    ForumFactory,
    NetworkFactory,
    NewsItemFactory,
    ObjectiveFactory,
    PageFactory,
    PlanFactory,
)

from .conftest import found, news, texts

pytestmark = pytest.mark.django_db

DRAFT = Publishable.Status.DRAFT
PUBLISHED = Publishable.Status.PUBLISHED
HOUR = datetime.timedelta(hours=1)


# --- Publication -------------------------------------------------------------------------------


def test_drafts_are_never_indexed_nor_found():
    item = news("Esborrany secret", status=DRAFT)
    assert not SearchEntry.objects.filter(object_id=item.pk).exists()
    assert found("secret") == []


def test_scheduled_items_are_found_from_their_publication_time_with_no_job():
    now = timezone.now()
    news("Programada Tramuntana", publish_at=now + HOUR)
    assert found("tramuntana") == []
    assert found("tramuntana", now=now + 2 * HOUR) == ["Programada Tramuntana"]


def test_expired_items_are_not_found():
    now = timezone.now()
    news("Caducada Tramuntana", unpublish_at=now - HOUR)
    news("Caducarà Tramuntana", unpublish_at=now + HOUR)
    assert found("tramuntana") == ["Caducarà Tramuntana"]
    assert found("tramuntana", now=now + 2 * HOUR) == []


def test_unpublishing_removes_an_item_at_once():
    item = news("Publicada Tramuntana")
    assert found("tramuntana") == ["Publicada Tramuntana"]
    item.status = DRAFT
    item.save()
    assert found("tramuntana") == []
    assert not SearchEntry.objects.filter(object_id=item.pk).exists()
    item.status = PUBLISHED
    item.save()
    assert found("tramuntana") == ["Publicada Tramuntana"]


def test_an_edit_is_found_at_once_and_the_old_text_no_more():
    item = news("Títol antic")
    item.title_ca = "Títol nou"
    item.save()
    assert found("nou") == ["Títol nou"]
    assert found("antic") == []


def test_deleting_removes_an_item():
    item = news("Esborrada Tramuntana")
    page = PageFactory(**texts("title", "Pàgina Tramuntana", "x", "x"))
    item.delete()
    assert found("tramuntana") == ["Pàgina Tramuntana"]
    page.delete()
    assert SearchEntry.objects.count() == 0


# --- Languages ---------------------------------------------------------------------------------


def test_one_entry_per_language_with_its_own_text_and_address():
    item = NewsItemFactory(
        **texts("title", "Ciutats", "Ciudades", "Cities")
        | texts("slug", "ciutats", "ciudades", "cities")
    )
    entries = {entry.language: entry for entry in SearchEntry.objects.filter(object_id=item.pk)}
    assert {lang: entry.title for lang, entry in entries.items()} == {
        "ca": "Ciutats", "es": "Ciudades", "en": "Cities",
    }  # fmt: skip
    assert entries["ca"].url.startswith("/ca/") and entries["ca"].url.endswith("/ciutats/")
    assert entries["es"].url.startswith("/es/") and entries["es"].url.endswith("/ciudades/")
    assert not any(entry.is_fallback or entry.text_is_fallback for entry in entries.values())


def test_an_untranslated_item_is_indexed_in_catalan_and_marked():
    item = NewsItemFactory(
        **texts("title", "Agermanament amb Pamiers")
        | texts("slug", "agermanament")
        | texts("summary", "Visita institucional")
        | texts("body", "<p>Cultura i educació</p>")
    )
    entry = SearchEntry.objects.get(object_id=item.pk, language="es")
    assert entry.title == "Agermanament amb Pamiers"
    assert entry.is_fallback and entry.text_is_fallback
    assert entry.url.startswith("/es/") and entry.url.endswith("/agermanament/")
    assert found("agermanament", "es") == ["Agermanament amb Pamiers"]
    assert found("cultura", "en") == ["Agermanament amb Pamiers"]


def test_a_partly_translated_item_marks_only_what_falls_back():
    item = NewsItemFactory(
        **texts("title", "Xarxa", "Red", "")
        | texts("summary", "Resum", "", "")
        | texts("body", "<p>Cos</p>", "", "")
    )
    es = SearchEntry.objects.get(object_id=item.pk, language="es")
    assert es.title == "Red" and not es.is_fallback and es.text_is_fallback
    en = SearchEntry.objects.get(object_id=item.pk, language="en")
    assert en.title == "Xarxa" and en.is_fallback


# --- Parents -----------------------------------------------------------------------------------


def test_a_forum_follows_its_networks_publication():
    network = NetworkFactory(**texts("name", "Eurocities", "Eurocities", "Eurocities"))
    ForumFactory(
        network=network, **texts("name", "Fòrum de Cultura", "Foro de Cultura", "Culture Forum")
    )
    assert found("cultura") == ["Fòrum de Cultura"]

    network.status = DRAFT
    network.save()
    assert found("cultura") == []
    assert found("eurocities") == []

    network.status = PUBLISHED
    network.save()
    assert found("cultura") == ["Fòrum de Cultura"]


def test_a_forum_is_public_only_within_its_networks_window():
    now = timezone.now()
    network = NetworkFactory(unpublish_at=now + HOUR)
    ForumFactory(
        network=network, publish_at=now - HOUR, **texts("name", "Fòrum Tramuntana", "x", "x")
    )
    assert found("tramuntana") == ["Fòrum Tramuntana"]
    assert found("tramuntana", now=now + 2 * HOUR) == []


def test_a_forums_address_follows_its_networks_slug():
    network = NetworkFactory(**texts("slug", "eurocities", "eurocities-es", "eurocities-en"))
    forum = ForumFactory(network=network)
    network.slug_ca = "eurocities-nou"
    network.save()
    entry = SearchEntry.objects.get(
        object_id=forum.pk, language="ca", facet="networks", title=forum.name_ca
    )
    assert "/eurocities-nou/" in entry.url


def test_objectives_are_public_exactly_while_their_plan_is():
    plan = PlanFactory(**texts("title", "Pla", "Plan", "Plan"))
    axis = AxisFactory(plan=plan)
    ObjectiveFactory(axis=axis, **texts("title", "Objectiu Tramuntana", "x", "x"))
    assert found("tramuntana") == ["Objectiu Tramuntana"]

    plan.status = DRAFT
    plan.save()
    assert found("tramuntana") == []

    plan.status = PUBLISHED
    plan.unpublish_at = timezone.now() + HOUR
    plan.save()
    assert found("tramuntana") == ["Objectiu Tramuntana"]
    assert found("tramuntana", now=timezone.now() + 2 * HOUR) == []


def test_an_objective_of_a_draft_plan_is_never_indexed():
    plan = PlanFactory(status=DRAFT)
    objective = ObjectiveFactory(axis=AxisFactory(plan=plan), **texts("title", "Amagat", "x", "x"))
    assert (
        not SearchEntry.objects.filter(object_id=objective.pk, facet="objectives")
        .exclude(title__startswith="Plan")
        .exists()
    )
    assert found("amagat") == []


def test_the_current_plans_address_changes_when_another_becomes_current():
    old = PlanFactory(**texts("title", "Pla antic", "x", "x"), is_current=True)
    entry = SearchEntry.objects.get(object_id=old.pk, language="ca", title="Pla antic")
    overview = entry.url
    PlanFactory(**texts("title", "Pla nou", "x", "x"), is_current=True)
    entry.refresh_from_db()
    assert entry.url != overview
    assert SearchEntry.objects.get(title="Pla nou", language="ca").url == overview


def test_moving_an_axis_to_a_draft_plan_hides_its_objectives():
    axis = AxisFactory()
    ObjectiveFactory(axis=axis, **texts("title", "Objectiu Tramuntana", "x", "x"))
    assert found("tramuntana") == ["Objectiu Tramuntana"]
    axis.plan = PlanFactory(status=DRAFT, is_current=False)
    axis.save()
    assert found("tramuntana") == []
    axis.plan = plan = PlanFactory(**texts("slug", "pla-nou", "plan-nuevo", "new-plan"))
    axis.save()
    assert found("tramuntana") == ["Objectiu Tramuntana"]
    entry = SearchEntry.objects.get(language="es", title="x", facet="objectives")
    assert entry.url.startswith("/es/") and "/plan-nuevo/" in entry.url
    assert plan.objectives.count() == 1


def test_deleting_a_plan_removes_its_objectives():
    objective = ObjectiveFactory(**texts("title", "Objectiu Tramuntana", "x", "x"))
    objective.plan.delete()
    assert found("tramuntana") == []
    assert SearchEntry.objects.count() == 0


# --- Rebuilding --------------------------------------------------------------------------------


def index_rows() -> list[tuple]:
    fields = (
        "content_type_id", "object_id", "language", "facet", "title", "text", "url", "date",
        "is_fallback", "text_is_fallback", "publish_at", "unpublish_at", "document",
    )  # fmt: skip
    return sorted(SearchEntry.objects.values_list(*fields))


def make_mixed_content():
    now = timezone.now()
    news("Notícia publicada")
    news("Notícia programada", publish_at=now + HOUR)
    news("Notícia caducada", unpublish_at=now - HOUR)
    news("Esborrany", status=DRAFT)
    NewsItemFactory(**texts("title", "Només en català"))
    network = NetworkFactory()
    ForumFactory(network=network)
    ForumFactory(network=NetworkFactory(status=DRAFT))
    ObjectiveFactory(axis=AxisFactory(plan=PlanFactory()))
    ObjectiveFactory(axis=AxisFactory(plan=PlanFactory(status=DRAFT, is_current=False)))
    PageFactory()
    unpublished = news("Despublicada")
    unpublished.status = DRAFT
    unpublished.save()
    news("Esborrada").delete()


def test_rebuild_gives_the_same_index_as_incremental_updates():
    make_mixed_content()
    incremental = index_rows()
    assert incremental
    call_command("rebuild_search_index", stdout=io.StringIO())
    assert index_rows() == incremental


def test_rebuild_is_idempotent_and_repairs_a_damaged_index():
    make_mixed_content()
    call_command("rebuild_search_index", stdout=io.StringIO())
    expected = index_rows()
    SearchEntry.objects.filter(language="es").delete()
    SearchEntry.objects.filter(language="ca").update(title="Damaged")
    call_command("rebuild_search_index", stdout=io.StringIO())
    call_command("rebuild_search_index", stdout=io.StringIO())
    assert index_rows() == expected


def test_rebuild_indexes_content_saved_without_signals():
    item = news("Carregada a l'engròs")
    SearchEntry.objects.all().delete()
    assert found("engros") == []
    call_command("rebuild_search_index", stdout=io.StringIO())
    assert found("engros") == ["Carregada a l'engròs"]
    assert SearchEntry.objects.filter(object_id=item.pk).count() == 3


def test_rebuild_shows_its_progress():
    for n in range(3):
        news(f"Notícia {n}")
    out = io.StringIO()
    call_command("rebuild_search_index", stdout=out)
    output = out.getvalue()
    assert "news.newsitem" in output
    assert "[##############################] 3/3" in output
    assert "9 entries written" in output


@pytest.mark.parametrize("count", [1, 30])
def test_saving_a_plan_reindexes_its_objectives_in_constant_queries(
    count, django_assert_max_num_queries
):
    plan = PlanFactory()
    axis = AxisFactory(plan=plan)
    for _ in range(count):
        ObjectiveFactory(axis=axis)
    plan.status = DRAFT
    # The plan's own save (a savepoint, the other plans unmarked, the row) and entries, the other
    # plans, then the objectives: one read, one delete or one write, whatever their number.
    with django_assert_max_num_queries(10):
        plan.save()
    assert not SearchEntry.objects.filter(facet="objectives").exists()
    plan.status = PUBLISHED
    with django_assert_max_num_queries(10):
        plan.save()
    assert SearchEntry.objects.filter(facet="objectives").count() == 3 * (count + 1)
