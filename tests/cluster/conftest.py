"""The stack of tests/cluster/harness.py, started once for the module: two gunicorn replicas
behind Varnish, with PostgreSQL (the session's throwaway cluster), Redis and the S3 server.

Marked `cluster` and left out of `make test` (tests/conftest.py): `make cluster` and CI's own
step run it. Without varnishd or redis-server it is skipped, except under CI=true, where it fails.
"""

import os
import re
from html.parser import HTMLParser

import pytest
import requests

from tests.cluster.harness import manage, missing_programs, start_stack
from tests.helpers import PASSWORD


@pytest.fixture(scope="module")
def stack(cluster):
    missing = missing_programs()
    if missing:
        message = f"{', '.join(missing)} not installed (make cluster installs them)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)

    def setup(env):
        manage("setup_roles", env=env)
        manage("createsuperuser", "--no-input", "--username", "admin", "--email",
               "admin@example.org", env={**env, "DJANGO_SUPERUSER_PASSWORD": PASSWORD})  # fmt: skip

    started = start_stack(cluster.create_database("cluster"), setup=setup)
    yield started
    started.stop()


class FormReader(HTMLParser):
    """The fields of the form with id `form_id` (or the first form), as a browser sends them."""

    def __init__(self, form_id: str | None = None):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.done = form_id, False, False
        self.fields: list[tuple[str, str]] = []
        self._select = self._textarea = None
        self._text: list[str] = []
        self._options: list[tuple[str, bool]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if (
            tag == "form"
            and not self.done
            and (self.form_id is None or a.get("id") == self.form_id)
        ):
            self.inside = True
        if not self.inside:
            return
        name = a.get("name")
        if tag == "input" and name and "disabled" not in a:
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self.fields.append((name, a.get("value", "on")))
            elif kind not in ("file", "submit", "button", "image", "reset"):
                self.fields.append((name, a.get("value", "")))
        elif tag == "select" and name:
            self._select, self._options = name, []
        elif tag == "option" and self._select:
            self._options.append((a.get("value", ""), "selected" in a))
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []

    def handle_data(self, data):
        if self._textarea:
            self._text.append(data)

    def handle_endtag(self, tag):
        if not self.inside:
            return
        if tag == "select" and self._select:
            chosen = [value for value, selected in self._options if selected]
            if not chosen and self._options:
                chosen = [self._options[0][0]]
            self.fields += [(self._select, value) for value in chosen]
            self._select = None
        elif tag == "textarea" and self._textarea:
            self.fields.append((self._textarea, "".join(self._text).lstrip("\n")))
            self._textarea = None
        elif tag == "form":
            self.inside, self.done = False, True


def form_fields(page: str, form_id: str | None = None, **changes) -> list[tuple[str, str]]:
    reader = FormReader(form_id)
    reader.feed(page)
    fields = [(name, value) for name, value in reader.fields if name not in changes]
    return fields + [(name, value) for name, value in changes.items()]


class Visitor:
    """An HTTP client of one address (a replica or the proxy): requests with its own cookies."""

    def __init__(self, base: str):
        self.base = base
        self.session = requests.Session()
        self.session.headers["Accept-Language"] = "en"

    def get(self, path: str, **kwargs) -> requests.Response:
        return self.session.get(self.base + path, timeout=30, allow_redirects=False, **kwargs)

    def post(self, path: str, data, **kwargs) -> requests.Response:
        headers = {
            "Referer": self.base + path,
            "X-CSRFToken": self.session.cookies.get("csrftoken", ""),
        }
        return self.session.post(self.base + path, data=data, headers=headers, timeout=60,
                                 allow_redirects=False, **kwargs)  # fmt: skip

    def log_in(self, username: str = "admin") -> None:
        page = self.get("/admin/login/")
        fields = form_fields(page.text, "login-form", username=username, password=PASSWORD)
        response = self.post("/admin/login/", fields)
        assert response.status_code == 302, response.text[:2000]

    def submit(self, path: str, form_id: str, **changes) -> requests.Response:
        page = self.get(path)
        assert page.status_code == 200, page.status_code
        response = self.post(path, form_fields(page.text, form_id, **changes))
        errors = re.findall(r'<ul class="errorlist[^>]*>(.*?)</ul>', response.text, re.S)
        errors += re.findall(
            r'name="([^"]+)"[^<]*(?:<[^u][^<]*)*<ul class="errorlist', response.text
        )
        errors += [
            response.text[m.start() - 600 : m.start()]
            for m in re.finditer("errorlist", response.text)
        ][:1]
        assert response.status_code == 302, f"{response.status_code}: {errors}"
        return response
