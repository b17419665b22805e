"""The open-data page and the JSON and CSV downloads of the news, the agenda and the networks."""

import csv
import io
import json

import pytest
from django.utils import translation

from relacions.opendata.datasets import LICENCE_URL, downloadable
from tests.factories import (
    EventFactory,
    ForumFactory,
    MembershipFactory,
    MembershipFeeFactory,
    NetworkFactory,
    NewsItemFactory,
)
from tests.fixtures.site import HIDDEN
from tests.helpers import LANGUAGES, address

# Every public page reads the site settings.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_settings")]


def download_json(client, dataset: str, language: str = "ca") -> dict:
    response = client.get(address("opendata:json", language, dataset=dataset))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)


def download_csv(client, dataset: str, language: str = "ca") -> list[list[str]]:
    response = client.get(address("opendata:csv", language, dataset=dataset))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{dataset}-{language}.csv"'
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff"), "a byte-order mark, so spreadsheets read UTF-8"
    return list(csv.reader(io.StringIO(text[1:])))


# --- The page ----------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_page_lists_every_output_in_every_language_with_its_licence(client, language):
    response = client.get(address("opendata:index", language))

    assert response.status_code == 200
    body = response.content.decode()
    assert f'href="{LICENCE_URL}deed.{language}" rel="license"' in body
    assert "CC BY 4.0" in body
    for other in LANGUAGES:
        for name, kwargs in [
            ("news:rss", {}),
            ("news:atom", {}),
            ("events:ical", {}),
            ("mandate:json", {}),
            ("mandate:csv", {}),
            *[("opendata:json", {"dataset": slug}) for slug in downloadable()],
            *[("opendata:csv", {"dataset": slug}) for slug in downloadable()],
        ]:
            assert f'href="{address(name, other, **kwargs)}" hreflang="{other}"' in body, (
                name,
                other,
            )
    assert 'href="http://testserver/sitemap.xml"' in body


def test_every_page_links_to_the_open_data_page(client):
    for language in LANGUAGES:
        body = client.get(address("pages:home", language)).content.decode()
        assert f'href="{address("opendata:index", language)}"' in body


# --- The downloads -----------------------------------------------------------------------------


@pytest.mark.parametrize("dataset", list(downloadable()))
def test_downloads_hold_only_published_items(client, site, dataset):
    for language in LANGUAGES:
        data = download_json(client, dataset, language)
        assert data["items"], dataset
        assert HIDDEN not in json.dumps(data, ensure_ascii=False)
        assert HIDDEN not in "".join(map(str, download_csv(client, dataset, language)))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_json_names_its_licence_language_and_source(client, language):
    NewsItemFactory(title_es="Noticia en castellano")

    data = download_json(client, "news", language)

    assert data["licence"] == {"name": "CC BY 4.0", "url": LICENCE_URL}
    assert data["publisher"] == "Ajuntament de Terrassa"
    assert data["language"] == language
    assert data["source"] == "http://testserver" + address("opendata:index", language)
    item = data["items"][0]
    assert set(item) == {column.key for column in downloadable()["news"].columns}
    assert item["title"].endswith(language) or item["title"] == "Noticia en castellano"
    assert item["url"].startswith(f"http://testserver/{language}/")


def test_the_downloads_carry_a_licence_link_header(client):
    for name in ("opendata:json", "opendata:csv"):
        response = client.get(address(name, dataset="events"))
        assert response["Link"] == f'<{LICENCE_URL}>; rel="license"'


@pytest.mark.parametrize("language", LANGUAGES)
def test_csv_headers_are_in_the_language_of_the_address(client, language):
    EventFactory()

    header, row = download_csv(client, "events", language)

    with translation.override(language):
        assert header == downloadable()["events"].headers()
    assert len(row) == len(header)


def test_json_and_csv_carry_the_same_fields(client):
    EventFactory(title_ca="Fòrum", all_day=False)

    item = download_json(client, "events")["items"][0]
    header, row = download_csv(client, "events")

    assert len(header) == len(item)
    assert row[list(item).index("title")] == "Fòrum"
    # Times in the site's time zone, ISO 8601, to the second.
    assert row[list(item).index("start")] == item["start"]
    assert item["start"][-6:] in ("+01:00", "+02:00")


def test_a_cell_that_a_spreadsheet_would_run_is_written_as_text(client):
    NewsItemFactory(title_ca='=HYPERLINK("http://x.example","click")', summary_ca="-2+3")

    header, row = download_csv(client, "news")

    assert row[header.index(str(downloadable()["news"].columns[1].label))].startswith("'=HYPERLINK")
    assert "'-2+3" in row


def test_the_networks_download_shows_no_internal_membership_fields(client):
    network = NetworkFactory()
    membership = MembershipFactory(
        network=network,
        internal_contact="SECRET-CONTACT",
        political_representative="SECRET-REPRESENTATIVE",
        notes="SECRET-NOTES",
    )
    MembershipFeeFactory(membership=membership, amount="12345.67", budget_line="SECRET-LINE")
    ForumFactory(network=network, name_ca="Fòrum de cultura")

    text = json.dumps(download_json(client, "networks"), ensure_ascii=False)
    text += "".join(map(str, download_csv(client, "networks")))

    assert "SECRET" not in text and "12345" not in text
    assert "Fòrum de cultura" in text


def test_an_unknown_dataset_is_a_404(client):
    assert client.get(address("opendata:json", dataset="memberships")).status_code == 404
    assert client.get(address("opendata:csv", dataset="fees")).status_code == 404


def make_items(count: int) -> None:
    for _i in range(count):
        network = NetworkFactory()
        MembershipFactory(network=network)
        ForumFactory(network=network)
        event = EventFactory()
        event.networks.add(network)
        NewsItemFactory().networks.add(network)


@pytest.mark.parametrize("count", [1, 50])
def test_the_number_of_queries_does_not_grow_with_the_content(
    client, count, django_assert_max_num_queries
):
    make_items(count)
    for dataset in downloadable():
        for name in ("opendata:json", "opendata:csv"):
            with django_assert_max_num_queries(8):
                response = client.get(address(name, dataset=dataset))
            assert response.status_code == 200
    with django_assert_max_num_queries(3):
        assert client.get(address("opendata:index")).status_code == 200
