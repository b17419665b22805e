"""The apps' declarations (content.py) reach every shared feature, and a declaration that points
at nothing is named by `manage.py check`."""

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from relacions.core import declaration
from relacions.core.declaration import Content, Timeline, declarations
from relacions.core.sitemaps import collect
from relacions.events.models import Event
from relacions.news.models import NewsItem
from relacions.search.registry import registry


def test_apps_declare_in_installed_apps_order():
    names = [config.name for config, _content in declarations()]
    installed = [config.name for config in apps.get_app_configs() if config.name in names]
    assert names == installed
    assert {"relacions.news", "relacions.events", "relacions.networks"} <= set(names)


def test_search_and_sitemap_hold_what_the_apps_declare():
    assert registry.get(NewsItem) is not None
    assert registry.get(Event) is not None
    assert {"news", "events", "networks", "forums", "open-data"} <= set(collect())


def test_a_declared_schedule_field_is_one_of_the_page_caches():
    assert declaration.schedule_fields(Event) == ("start", "end")
    assert declaration.schedule_fields(NewsItem) == ()


@pytest.mark.parametrize(
    "bad, named",
    [
        (
            Content(timelines=(Timeline(NewsItem, "News", date="headline"),)),
            "news.NewsItem.headline",
        ),
        (Content(schedule={Event: ("title",)}), "events.Event.title"),
        (Content(roles={"Editors": ("add_newsitem",)}), "'add_newsitem'"),
    ],
)
def test_check_names_a_declaration_that_points_at_nothing(monkeypatch, bad, named):
    news = apps.get_app_config("news")
    monkeypatch.setattr(declaration, "declarations", lambda: ((news, bad),))
    with pytest.raises(SystemCheckError, match=named):
        call_command("check")


def test_check_passes_on_the_projects_declarations():
    call_command("check")
