"""axe on every admin page an Editor and a Network administrator use (index and dashboard,
translation status, each list, add and change form they can reach, histories), at a laptop's
1280 px and a phone's 375 px: no serious or critical violation of WCAG 2.1 A/AA (and 2.2's target
size), and no page wider than the screen. The pages are found as the users find them, from the
links of the admin's index and of each list, over the demo content. One page is reused: each
address is loaded once and checked at both widths. Pages that repeat a template already checked
(each app's own index, every history but one) are left out to keep the run short."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from relacions.core.roles import EDITORS, NETWORK_ADMINISTRATORS
from relacions.networks.models import Membership
from tests.fixtures.browser import after_repaints, serious_violations, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

WIDTHS = (1280, 375)
CHANGELIST = re.compile(r"^/admin/\w+/\w+/$")
CHANGE_FORM = re.compile(r"/\d+/change/$")
APP_INDEX = re.compile(r"^/admin/\w+/$")


@pytest.fixture
def staff_by_role(db):
    call_command("load_demo_content", verbosity=0)
    call_command("setup_roles", verbosity=0)

    def make(role: str):
        user = get_user_model().objects.create_user(
            role.split()[0].lower(), password="a-long-passphrase-1", is_staff=True
        )
        user.groups.add(Group.objects.get(name=role))
        return user

    return {role: make(role) for role in (EDITORS, NETWORK_ADMINISTRATORS)}


def links(page, selector: str) -> list[str]:
    found = page.eval_on_selector_all(selector, "els => els.map(e => e.getAttribute('href'))")
    return [href.split("?")[0] for href in found]


def admin_pages(page, extra=()) -> list[str]:
    """The index, the pages its app list and dashboard link to, and for each list the change
    form and history of its first row: what a user reaches by clicking from the index."""
    page.goto("/admin/")
    # The dashboard's links to single items lead to change forms checked through their lists.
    # An app's own index is the index's app list again.
    index = links(page, "#content-main a[href^='/admin/']")
    skipped = (CHANGE_FORM, APP_INDEX)
    found = ["/admin/", *(p for p in index if not any(r.search(p) for r in skipped)), *extra]
    for changelist in [path for path in dict.fromkeys(found) if CHANGELIST.match(path)]:
        page.goto(changelist)
        rows = links(page, "#result_list tbody tr:first-child a[href$='/change/']")
        found += rows[:1]
    # Every history is the same template (WorkflowAdmin's): the first list's first row's.
    first_change_form = next(path for path in found if CHANGE_FORM.search(path))
    return [*dict.fromkeys(found), f"{first_change_form}history/"]


def check(page, paths) -> dict[str, list[str]]:
    problems = {}
    for path in paths:
        response = page.goto(path)
        assert response.status == 200, path
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            after_repaints(page)
            found = serious_violations(page)
            if page.evaluate("document.documentElement.scrollWidth") > width:
                found.append("the page scrolls sideways")
            if found:
                problems[f"{path} @ {width}px"] = found
        page.set_viewport_size({"width": WIDTHS[0], "height": 900})
    return problems


def test_the_editors_admin_pages_are_accessible(page, client, live_server, staff_by_role):
    sign_in(page, client, live_server, staff_by_role[EDITORS])
    paths = admin_pages(page)

    for expected in (
        "/admin/workflow/translations/",
        "/admin/news/newsitem/",
        "/admin/news/newsitem/add/",
        "/admin/events/event/add/",
        "/admin/images/image/",
        "/admin/images/image/add/",
        "/admin/pages/page/add/",
        "/admin/networks/membership/",
    ):
        assert expected in paths
    assert any(p.endswith("/change/history/") for p in paths)
    assert any(re.match(r"^/admin/events/event/\d+/change/$", p) for p in paths)
    assert check(page, paths) == {}
    assert page.csp_errors == []


def test_the_network_administrators_admin_pages_are_accessible(
    page, client, live_server, staff_by_role
):
    sign_in(page, client, live_server, staff_by_role[NETWORK_ADMINISTRATORS])
    membership = Membership.objects.filter(until=None).first()
    paths = admin_pages(
        page, extra=[f"/admin/networks/membership/{membership.pk}/change-category/"]
    )

    for expected in (
        "/admin/workflow/translations/",
        "/admin/networks/membership/",
        "/admin/networks/membership/add/",
        "/admin/networks/forum/add/",
        "/admin/networks/network/add/",
        "/admin/networks/workinggroup/add/",
        "/admin/networks/position/add/",
    ):
        assert expected in paths
    assert any(re.match(r"^/admin/networks/forum/\d+/change/$", p) for p in paths)
    assert check(page, paths) == {}
    assert page.csp_errors == []


def test_the_log_in_page_is_accessible_at_both_widths(page):
    assert check(page, ["/admin/login/"]) == {}
    assert page.csp_errors == []
