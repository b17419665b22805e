"""Fixtures for the operations tests, from where they are made: the page cache turned on and the
content the pages show (tests/perf). The throwaway cluster is a plugin
(tests/fixtures/cluster.py)."""

from tests.perf.conftest import chrome, page_cache  # noqa: F401  (fixtures)
