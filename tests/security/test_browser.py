"""The log-in, lock-out and two-factor pages in a real browser: strict CSP, accessible."""

import pytest
from django.conf import settings

from tests.helpers import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_log_in_through_the_form(page, staff_user, axe):
    response = page.goto("/admin/login/?next=/admin/two-factor/")
    assert response.headers["permissions-policy"].startswith("accelerometer=()")
    axe(page)
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/two-factor/")
    assert page.locator("#user-tools").is_visible()
    assert page.locator("svg.qr-code").is_visible()
    assert page.csp_errors == []


def test_the_lock_out_page(page, staff_user, client, axe):
    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):  # quicker without the browser
        client.post("/admin/login/", {"username": "editor", "password": f"wrong-{attempt}"})
    page.goto("/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "wrong-again")
    page.click("input[type=submit]")
    assert page.locator("h1").count() == 1
    assert page.locator("#login-form").count() == 0
    assert page.locator(".errornote").is_visible()
    axe(page)
    assert page.csp_errors == []


def test_two_factor_enrolment_page_shows_the_qr_code(page, staff_user, client, live_server, axe):
    client.force_login(staff_user)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    page.goto("/admin/two-factor/")
    qr = page.locator("svg.qr-code")
    assert qr.is_visible()
    box = qr.bounding_box()
    assert box["width"] >= 100 and box["height"] >= 100
    assert page.locator(".two-factor__secret").inner_text().strip()
    axe(page)
    assert page.csp_errors == []
