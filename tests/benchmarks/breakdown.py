"""Where an uncached page's time goes: SQL, the ORM and view code, the template.

    python -m tests.benchmarks.breakdown [--rounds 30] [--pages home,…]

(`make bench` runs it after tests/benchmarks/pages.py, on the database that one left:
`relacions_bench` with the content of its last size, 10,000 items.) Each page is requested
`--rounds` times in-process through Django's test client, with the production settings the
benchmark's server has (DEBUG off, the page cache off, the fragment cache on, a private
redis-server as the cache when one is installed, static files from a manifest collected for the
run), and the time of each request is split three ways:

- **SQL**: inside the database driver's `execute` (sending the query, PostgreSQL running it, the
  rows coming back), measured with an execute wrapper;
- **ORM**: answering querysets, less their SQL: compiling them, turning rows into model
  instances, prefetching (`QuerySet._fetch_all` and `SQLCompiler.execute_sql`, the latter for
  counts and other queries that return no objects), wherever they are evaluated — in the view or
  lazily, in a template's loop;
- **template**: `TemplateResponse.render()`, less the ORM and SQL inside it;
- **view and middleware**: the rest — the view's own code, building querysets (`filter()`…),
  the middleware.

The page's baseline (b) — the same template-from-memory view that pages.py loads, at the page's
size — is timed the same way in the same loop. In-process, one request at a time: no server, no
network, no concurrency, so the figures are smaller than wrk's latencies and say where the time
goes rather than how many requests a server answers. Timing the sections adds a little to each
(about a microsecond per section).
"""

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from .pages import DATABASE, ROOT, Redis, bench_url, environment, manage, server_url, write

START = "<!-- breakdown-benchmark:start (tests/benchmarks/breakdown.py writes what follows) -->"
END = "<!-- breakdown-benchmark:end -->"


class Clock:
    """Splits the time of the requests in progress into SQL, ORM, template and the rest.

    Sections nest (a template evaluates a queryset, which runs SQL); each moment counts for the
    innermost section open, so the four parts add up to the whole.
    """

    PARTS = ("sql", "orm", "template")

    def __init__(self):
        self.reset()

    def reset(self):
        self.spent = dict.fromkeys(self.PARTS, 0.0)
        self.queries = 0
        self._stack: list[list] = []  # [part, started, time spent in inner sections]

    def section(self, part: str, call):
        """Run `call()` as a section of `part` (one already open for `part` absorbs it)."""
        if self._stack and self._stack[-1][0] == part:
            return call()
        self._stack.append([part, time.perf_counter(), 0.0])
        try:
            return call()
        finally:
            name, started, inner = self._stack.pop()
            elapsed = time.perf_counter() - started
            self.spent[name] += elapsed - inner
            if self._stack:
                self._stack[-1][2] += elapsed

    def execute(self, execute, sql, params, many, context):
        self.queries += 1
        return self.section("sql", lambda: execute(sql, params, many, context))

    def wrap(self, part: str, function):
        clock = self

        def timed(*args, **kwargs):
            return clock.section(part, lambda: function(*args, **kwargs))

        return timed


def measure(client, clock, path: str, rounds: int) -> dict:
    """Medians over `rounds` requests, in milliseconds."""
    for _ in range(3):
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
    samples = {name: [] for name in ("total", *Clock.PARTS)}
    queries = 0
    for _ in range(rounds):
        clock.reset()
        started = time.perf_counter()
        response = client.get(path)
        samples["total"].append(time.perf_counter() - started)
        for name in Clock.PARTS:
            samples[name].append(clock.spent[name])
        queries = clock.queries
    result = {name: statistics.median(values) * 1000 for name, values in samples.items()}
    result["view"] = max(0.0, result["total"] - sum(result[name] for name in Clock.PARTS))
    return {"size": len(response.content), "queries": queries, **result}


def table(rows: list[dict]) -> list[str]:
    lines = [
        "| page | KB | queries | SQL ms | ORM ms | template ms | view and middleware ms "
        "| total ms | baseline (b) ms | total ÷ (b) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        page, base = row["page"], row["baseline"]
        lines.append(
            f"| {row['name']} | {page['size'] / 1024:.1f} | {page['queries']} | "
            f"{page['sql']:.1f} | {page['orm']:.1f} | {page['template']:.1f} | "
            f"{page['view']:.1f} | {page['total']:.1f} | {base['total']:.1f} | "
            f"{page['total'] / base['total']:.1f} × |"
        )
    return lines


def report(args, rows: list[dict], seconds: float, content: str) -> str:
    import datetime

    import django

    # The HTML pages (the feeds and calendars are written by the view, without a template).
    pages = [row["page"] for row in rows if row["page"]["template"] > 0] or [
        row["page"] for row in rows
    ]

    def share(part: str) -> str:
        return f"{sum(page[part] for page in pages) / total:.0%}"

    total = sum(page["total"] for page in pages)
    per_query = sum(page["orm"] for page in pages) / max(1, sum(p["queries"] for p in pages))
    return "\n".join(
        [
            START,
            "",
            f"Run of {datetime.date.today().isoformat()} on `{DATABASE}` ({content}), "
            f"{seconds:.0f} s, Django {django.get_version()}; medians of {args.rounds} requests "
            f"per page. Command: `.venv/bin/python -m tests.benchmarks.breakdown --rounds "
            f"{args.rounds}` (run by `make bench`).",
            "",
            *table(rows),
            "",
            f"Over the HTML pages: SQL {share('sql')} of the time, the ORM {share('orm')}, "
            f"templates {share('template')}, views and middleware {share('view')}; the ORM spends "
            f"{per_query:.2f} ms per query on top of its SQL.",
            "",
            END,
        ]
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--pages", default="", help="comma-separated page names (default: all)")
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "BENCHMARKS.md")
    args = parser.parse_args(argv)

    started = time.monotonic()
    folder = Path(tempfile.mkdtemp(prefix="relacions-breakdown-"))
    env = environment(bench_url(server_url()), folder)
    env.update(DJANGO_SETTINGS_MODULE="tests.benchmarks.settings", PAGE_CACHE="false")
    # The cache the benchmark's server has: a private Redis (if installed), so its round trips,
    # and the near copies that spare most of them, are in the figures.
    redis = Redis()
    if redis.url:
        env["REDIS_URL"] = redis.url
    os.environ.update(env)
    try:
        manage(env, "collectstatic", "--no-input", "-v", "0")
        import django

        django.setup()
        from django.db import connection
        from django.db.models.query import QuerySet
        from django.db.models.sql.compiler import SQLCompiler
        from django.template.response import SimpleTemplateResponse
        from django.test import Client
        from django.utils import translation

        from relacions.events.models import Event
        from relacions.news.models import NewsItem

        from .pages import page_paths

        paths = page_paths()
        content = f"{NewsItem.objects.count():,} news, {Event.objects.count():,} events"
        translation.deactivate()
        wanted = [name.strip() for name in args.pages.split(",") if name.strip()]
        clock = Clock()
        SimpleTemplateResponse.render = clock.wrap("template", SimpleTemplateResponse.render)
        # Everything the ORM does to answer a queryset: compiling it, running it (SQL, counted
        # apart), turning rows into objects, prefetching; and the COUNT of a paginator.
        QuerySet._fetch_all = clock.wrap("orm", QuerySet._fetch_all)
        SQLCompiler.execute_sql = clock.wrap("orm", SQLCompiler.execute_sql)
        client = Client(headers={"accept-language": "ca", "host": "127.0.0.1"})
        rows = []
        with connection.execute_wrapper(clock.execute):
            for name, path in paths.items():
                if wanted and name not in wanted:
                    continue
                page = measure(client, clock, path, args.rounds)
                baseline = measure(
                    client, clock, f"/__bench__/template/?size={page['size']}", args.rounds
                )
                rows.append({"name": name, "page": page, "baseline": baseline})
                print(table(rows)[-1], flush=True)
        section = report(args, rows, time.monotonic() - started, content)
        write(args.output, section, start=START, end=END, heading="### Where the time goes")
        print(section)
    finally:
        redis.stop()
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
