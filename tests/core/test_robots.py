import pytest

# Every public page reads the site settings.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_settings")]


def test_robots_txt_points_at_the_sitemap_with_an_absolute_address(client, settings):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert f"Disallow: /{settings.ADMIN_URL}" in lines
    assert client.get("/sitemap.xml").status_code == 200


def test_the_sitemap_address_follows_the_host_and_scheme_of_the_request(client):
    response = client.get("/robots.txt", HTTP_HOST="localhost", secure=True)

    assert "Sitemap: https://localhost/sitemap.xml" in response.content.decode().splitlines()
