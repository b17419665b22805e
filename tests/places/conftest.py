"""The page cache turned on, as the operations tests have it (tests/perf)."""

from tests.perf.conftest import page_cache  # noqa: F401  (fixture)
