import html
import re
from pathlib import Path

import pytest
import yaml
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from relacions.core.demo import Counts, load_apps, load_demo_content
from relacions.news.models import NewsItem

pytestmark = pytest.mark.django_db

SEED_SLUG = "forum-de-cultura-eurocities-leeds"
MARKS = {"ca": "(exemple)", "es": "(ejemplo)", "en": "(example)"}


@pytest.fixture
def demo_site(db):
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115


def seed_item() -> NewsItem:
    return NewsItem.objects.get(slug_ca=SEED_SLUG)


def office_text() -> dict:
    """The office's own news item as the repository keeps it: its entry in news/demo.yaml, whose
    Catalan title and paragraphs are the seed text (servei-relacions-internacionals.ca.txt) word
    for word."""
    path = Path(apps.get_app_config("news").path) / "demo.yaml"
    sections = yaml.safe_load(path.read_text(encoding="utf-8"))
    (items,) = [section["objects"] for section in sections if section["model"] == "news.NewsItem"]
    (item,) = [item for item in items if item["slug"]["ca"] == SEED_SLUG]
    return item


def paragraphs(body: str) -> list[str]:
    return [html.unescape(paragraph) for paragraph in re.findall(r"<p>(.*?)</p>", body)]


def test_the_seed_item_links_what_it_is_about(demo_site):
    item = seed_item()
    assert item.is_published() and item.featured
    assert str(item.published_on) == "2019-09-20"
    assert [network.name_en for network in item.networks.all()] == ["EUROCITIES"]
    assert [forum.name_en for forum in item.forums.all()] == ["Culture Forum"]
    event = item.events.get()
    assert event.city == "Leeds" and event.first_day.isoformat() == "2019-10-09"
    assert item.published_on < event.first_day
    assert [objective.code for objective in item.objectives.all()] == ["5.2"]
    assert item.image.alt_text_ca and item.image.alt_text_es and item.image.alt_text_en
    assert item.image.renditions.count() == 6  # 480, 960 and 1600 px, in WebP and JPEG


def test_the_seed_item_keeps_the_offices_text(demo_site):
    seed = office_text()
    assert seed_item().title_ca == seed["title"]["ca"]
    assert paragraphs(seed_item().body_ca) == paragraphs(seed["body"]["ca"])
    assert len(paragraphs(seed["body"]["ca"])) == 3
    # The summary is the office's first sentence; the item is neither rewritten nor an example.
    assert paragraphs(seed["body"]["ca"])[0].startswith(seed_item().summary_ca.removesuffix("."))
    assert "exemple" not in seed_item().title_ca + seed_item().body_ca


def test_every_other_item_is_marked_as_an_example_in_each_language(demo_site):
    examples = NewsItem.objects.exclude(pk=seed_item().pk)
    assert examples.count() >= 12
    assert len({item.published_on.year for item in examples}) >= 4
    assert 1 <= examples.filter(featured=True).count() <= 2
    for item in examples:
        for language, mark in MARKS.items():
            assert getattr(item, f"title_{language}").endswith(mark)
            assert getattr(item, f"slug_{language}")
        assert "exemple" in item.body_ca and "ejemplo" in item.body_es and "example" in item.body_en


def test_loading_twice_changes_nothing(db, demo_day):
    load_demo_content(today=demo_day)
    before = list(NewsItem.objects.values_list("pk", "version", "updated_at"))
    assert load_apps("news", today=demo_day) == Counts()
    assert list(NewsItem.objects.values_list("pk", "version", "updated_at")) == before


@pytest.mark.parametrize("language", ["ca", "es", "en"])
def test_the_demo_news_list_paginates_and_every_page_answers(demo_site, client, language):
    with translation.override(language):
        list_url = reverse("news:list")
        detail_urls = [item.get_absolute_url() for item in NewsItem.objects.published()]
    assert client.get(list_url + "?page=2").status_code == 200
    for url in detail_urls:
        assert client.get(url).status_code == 200, url
