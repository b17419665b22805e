import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.django_db


def test_healthz_reports_database_and_cache(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok"}}
    assert "no-cache" in response["Cache-Control"]


def test_livez_needs_no_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/livez")
    assert response.status_code == 200


def test_healthz_answers_503_when_the_database_is_unreachable():
    """A real process whose database is a closed port: no mock of PostgreSQL."""
    script = (
        "import json; from django.test import Client; c = Client();"
        "h = c.get('/healthz'); l = c.get('/livez');"
        "print(json.dumps([h.status_code, h.json(), l.status_code]))"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env.update(
        DJANGO_SETTINGS_MODULE="relacions.settings",  # the site's, not this run's test settings
        DEBUG="true",
        DATABASE_URL="postgres://postgres@127.0.0.1:9/unreachable",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    health_status, health_body, live_status = json.loads(result.stdout.strip().splitlines()[-1])

    assert health_status == 503
    assert health_body == {
        "status": "unavailable",
        "checks": {"database": "failing", "cache": "ok"},
    }
    assert live_status == 200
