"""Fixtures for the operations tests, from where they are made: the throwaway PostgreSQL cluster
and the development environment of its subprocesses (tests/security), the page cache turned on
and the content the pages show (tests/perf)."""

from tests.perf.conftest import chrome, page_cache  # noqa: F401  (fixtures)
from tests.security.conftest import (  # noqa: F401  (fixtures)
    PASSWORD,
    ROOT,
    _fast_passwords,
    cluster,
    demo_site,
    dev_env,
    free_port,
    manage,
    wait_for,
)
