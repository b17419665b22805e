"""`make test` beside `make run`: the tests' embedded cluster is their own, so stopping it when
they end leaves running the one the site serves from."""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 300


def embedded_db(command: str, data_dir: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "EMBEDDED_DB_DIR": str(data_dir)}
    env.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "relacions.embedded_db", command],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )


@pytest.fixture
def folders():
    # Not under pytest's temporary folder: run as root the cluster belongs to another user, and
    # another pytest run may tighten that folder's permissions.
    folder = Path(tempfile.mkdtemp(prefix="relacions-make-"))
    yield folder / "run-pg", folder / "test-pg"
    for data_dir in (folder / "run-pg", folder / "test-pg"):
        embedded_db("stop", data_dir)
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.skipif(not shutil.which("make"), reason="no make")
def test_make_test_leaves_running_the_database_make_run_uses(folders):
    run_dir, test_dir = folders
    # The site's cluster, as `make run` starts it (EMBEDDED_DB_DIR stands for its .data/pg).
    assert embedded_db("start", run_dir).returncode == 0
    assert embedded_db("url", run_dir).returncode == 0

    env = {**os.environ, "EMBEDDED_DB_DIR": str(run_dir)}
    env.pop("DATABASE_URL", None)
    env.pop("PYTEST_XDIST_WORKER", None)
    result = subprocess.run(
        [
            "make",
            "--no-print-directory",
            # The shared environment is installed already: nothing is reinstalled.
            "-o",
            ".venv/.installed",
            "-o",
            "node_modules/.installed",
            "test",
            f"TEST_DB_DIR={test_dir}",
            "TEST_WORKERS=0",
            "PYTEST_ARGS=--collect-only -q tests/project/test_settings.py -p no:cacheprovider",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stdout + result.stderr

    # The tests ran on a cluster of their own, stopped when they ended; the site's still runs.
    assert (test_dir / "PG_VERSION").exists()
    assert embedded_db("url", test_dir).returncode == 1
    assert embedded_db("url", run_dir).returncode == 0
