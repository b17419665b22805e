"""The page cache turned on, and the site chrome its pages need (from tests/perf)."""

from tests.perf.conftest import chrome, page_cache  # noqa: F401  (fixtures)
