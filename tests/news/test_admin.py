import datetime
import re

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from relacions.core.roles import EDITORS, setup_roles
from relacions.news.models import NewsItem
from tests.factories.news import NewsItemFactory
from tests.helpers import change_url

from .conftest import make_network

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:news_newsitem_changelist"


def test_the_form_has_tabs_per_language_the_rich_text_editor_and_choosers(admin_client):
    body = admin_client.get(reverse("admin:news_newsitem_add")).content.decode()
    for language in ("ca", "es", "en"):
        for field in ("title", "slug", "summary", "body"):
            assert f'name="{field}_{language}"' in body
    assert "tabbed_translation_fields.js" in body
    assert "django_ckeditor_5" in body
    # Choosers that search as you type (autocomplete), for the image and every link.
    for field in ("image", "networks", "forums", "events", "objectives"):
        assert re.search(rf'<select name="{field}"[^>]*class="[^"]*admin-autocomplete', body), field
    assert "“publish at”" in body  # the date's help explains it is not the publication moment


def test_saving_from_the_admin(admin_client):
    network = make_network(1)
    data = {
        "title_ca": "Nova notícia",
        "slug_ca": "nova-noticia",
        "summary_ca": "Resum",
        "body_ca": "<p>Text</p><script>alert(1)</script>",
        "title_es": "",
        "slug_es": "",
        "summary_es": "",
        "body_es": "",
        "title_en": "New item",
        "slug_en": "new-item",
        "summary_en": "",
        "body_en": "",
        "published_on": "2024-05-09",
        "status": NewsItem.Status.PUBLISHED,
        "publish_at_0": "",
        "publish_at_1": "",
        "unpublish_at_0": "",
        "unpublish_at_1": "",
        "networks": [network.pk],
    }
    response = admin_client.post(reverse("admin:news_newsitem_add"), data)
    assert response.status_code == 302, response.context["adminform"].errors
    item = NewsItem.objects.get()
    assert (item.title_ca, item.title_en, item.body_ca) == (
        "Nova notícia",
        "New item",
        "<p>Text</p>",
    )
    assert item.published_on == datetime.date(2024, 5, 9)
    assert list(item.networks.all()) == [network]


def test_the_changelist_columns_filters_and_search(admin_client, make_image):
    image = make_image()
    with_image = NewsItemFactory(
        title_ca="Amb imatge",
        title_en="Amb imatge",
        image=image,
        published_on=datetime.date(2019, 9, 20),
    )
    with_image.networks.add(make_network(1))
    NewsItemFactory(
        title_ca="Esborrany", title_en="Esborrany", status=NewsItem.Status.DRAFT, featured=True
    )
    url = reverse(CHANGELIST)

    body = admin_client.get(url).content.decode()
    assert 'class="state state--draft"' in body and 'class="state state--live"' in body
    assert re.search(r'<img src="/media/images/renditions/[^"]+-480w\.jpg" width="80"', body)
    assert 'name="form-0-featured"' in body  # editable in the list
    for parameter in ("status__exact", "featured__exact", "networks__id__exact", "year=2019"):
        assert parameter in body, parameter
    assert "published_on__year=2019" in body  # the date hierarchy

    def titles(query: str) -> list[str]:
        page = admin_client.get(url + query).content.decode()
        return re.findall(r'<th class="field-title"><a href="[^"]+">([^<]+)</a>', page)

    assert titles("?year=2019") == ["Amb imatge"]
    assert titles("?featured__exact=1") == ["Esborrany"]
    assert titles("?q=imatge") == ["Amb imatge"]


def test_view_on_site_only_for_a_published_item(admin_client):
    live = NewsItemFactory()
    draft = NewsItemFactory(status=NewsItem.Status.DRAFT)
    assert 'class="viewsitelink"' in admin_client.get(change_url(live)).content.decode()
    body = admin_client.get(change_url(draft)).content.decode()
    assert 'class="viewsitelink"' not in body
    assert "/workflow/preview/" in body  # the signed preview links instead (relacions.workflow)


def test_editors_may_write_news():
    setup_roles()
    editors = Group.objects.get(name=EDITORS)
    codenames = set(
        editors.permissions.filter(content_type__app_label="news").values_list(
            "codename", flat=True
        )
    )
    assert codenames == {"add_newsitem", "change_newsitem", "view_newsitem", "delete_newsitem"}


def test_an_editor_can_open_the_news_admin(client):
    setup_roles()
    editor = User.objects.create_user("editor", is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(editor)
    NewsItemFactory()
    assert client.get(reverse(CHANGELIST)).status_code == 200
    assert client.get(reverse("admin:news_newsitem_add")).status_code == 200
