"""HEAD answers wherever GET does (load balancers and link checkers probe with it): every public
page, feed and calendar, the open data, media, robots.txt, the sitemap and the health checks."""

import pytest
from django.urls import reverse
from django.utils import translation

from relacions.opendata.datasets import downloadable
from tests.perf.conftest import chrome, content  # noqa: F401
from tests.perf.test_queries import page_urls

pytestmark = pytest.mark.django_db


def every_address(objects) -> dict[str, str]:
    addresses = dict(page_urls(objects))
    with translation.override("ca"):
        addresses["open data"] = reverse("opendata:index")
        for slug in downloadable():
            addresses[f"{slug}.json"] = reverse("opendata:json", kwargs={"dataset": slug})
            addresses[f"{slug}.csv"] = reverse("opendata:csv", kwargs={"dataset": slug})
    image = objects["item"].image
    addresses.update({
        "livez": reverse("livez"),
        "healthz": reverse("healthz"),
        "robots.txt": reverse("robots"),
        "sitemap": reverse("sitemap"),
        "media": image.file.url,
        "rendition": image.renditions.first().file.url,
    })  # fmt: skip
    return addresses


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_head_answers_wherever_get_does(client, content):  # noqa: F811
    checked = []
    for name, address in every_address(content(2)).items():
        get = client.get(address)
        head = client.head(address)
        assert get.status_code == 200, (name, address)
        assert head.status_code == get.status_code, (name, address, head.status_code)
        assert head["Content-Type"] == get["Content-Type"], name
        assert body(head) == b"", name
        checked.append(name)
    assert {"livez", "healthz", "robots.txt", "media", "news rss", "agenda ics", "event ics",
            "home", "news detail"} <= set(checked)  # fmt: skip


def test_the_redirect_from_the_root_answers_head_too(client):
    assert client.head("/", headers={"accept-language": "es"})["Location"] == "/es/"
