"""The projects' admin in Chromium as an Editor uses it: the list, the forms, the import (with a
preview of errors) and the export, under the site's CSP, with axe at a laptop's and a phone's
width."""

import datetime

import pytest

from relacions.core.models import Publishable
from relacions.core.roles import EDITORS
from relacions.projects.models import Role
from tests.factories.projects import ProjectFactory, ProjectPartnerFactory, ResultFactory
from tests.fixtures.browser import after_repaints, serious_violations, sign_in
from tests.helpers import change_url, staff_member

pytestmark = [
    pytest.mark.django_db(transaction=True),
]

WIDTHS = (1280, 375)


def _problems(page) -> list[str]:
    found = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        after_repaints(page)
        found += [f"{width}px: {v}" for v in serious_violations(page)]
        if page.evaluate("document.documentElement.scrollWidth") > width:
            found.append(f"{width}px: the page scrolls sideways")
    page.set_viewport_size({"width": WIDTHS[0], "height": 900})
    return found


def test_the_projects_admin_pages_are_accessible_and_keep_the_csp(
    page, client, live_server, site_settings, tmp_path
):
    from django.core.management import call_command

    call_command("setup_roles", verbosity=0)
    editor = staff_member("editor", EDITORS)
    project = ProjectFactory(
        status=Publishable.Status.DRAFT,
        city_role=Role.PARTNER,
        starts_on=datetime.date(2024, 1, 1),
    )
    ProjectPartnerFactory(project=project, role=Role.COORDINATOR)
    ResultFactory(project=project)
    sign_in(page, client, live_server, editor)

    problems = {}
    for path in (
        "/admin/projects/project/",
        "/admin/projects/project/add/",
        change_url(project),
        "/admin/projects/project/import/",
        "/admin/projects/project/export/",
        "/admin/projects/programme/",
    ):
        assert page.goto(path).status == 200, path
        problems[path] = _problems(page)

    # The export, then the same file with an end before its start: the errors preview.
    page.goto("/admin/projects/project/export/")
    page.select_option("#id_format", label="csv")
    with page.expect_download() as download:
        page.click("input[type=submit]")
    exported = tmp_path / "projects.csv"
    download.value.save_as(exported)
    broken = tmp_path / "broken.csv"
    broken.write_bytes(exported.read_bytes().replace(b"2024-01-01", b"2030-01-01"))
    page.goto("/admin/projects/project/import/")
    page.set_input_files("#id_import_file", str(broken))
    page.select_option("#id_format", label="csv")
    with page.expect_navigation():
        page.click("form[enctype='multipart/form-data'] input[type=submit]")
    errors = page.locator(".errorlist li")
    assert errors.count() == 1
    assert errors.first.is_visible()
    message = "ends_on: The end date cannot be earlier than the start date."
    assert message in errors.first.inner_text()
    problems["import errors"] = _problems(page)

    # The file as exported: a preview, confirmed, changes nothing.
    page.goto("/admin/projects/project/import/")
    page.set_input_files("#id_import_file", str(exported))
    # The format is guessed from the file's name (the library's script, allowed by the CSP).
    assert page.input_value("#id_format") == page.eval_on_selector(
        "#id_format option:text-is('csv')", "o => o.value"
    )
    with page.expect_navigation():
        page.click("form[enctype='multipart/form-data'] input[type=submit]")
    problems["import preview"] = _problems(page)
    with page.expect_navigation():
        page.click("input[name=confirm]")
    page.wait_for_url("**/admin/projects/project/")
    assert "Import finished: 0 added, 0 updated, 1 unchanged." in page.inner_text(".messagelist")
    project.refresh_from_db()
    assert project.version == 1

    assert not {path: found for path, found in problems.items() if found}
    assert page.csp_errors == []
