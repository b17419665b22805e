"""Where an uncached page's time goes: SQL, the ORM and view code, the template.

    python -m tests.benchmarks.breakdown [--rounds 30] [--pages home,…]

(`make bench` runs it after tests/benchmarks/pages.py, on the database that one left:
`relacions_bench` with the content of its last size, 10,000 items.) Each page is requested
`--rounds` times in-process through Django's test client, with the production settings the
benchmark's server has (DEBUG off, the page cache off, the fragment cache on, static files from a
manifest collected for the run), and the time of each request is split three ways:

- **SQL**: inside the database driver's `execute` (sending the query, PostgreSQL running it, the
  rows coming back), measured with an execute wrapper;
- **template**: `TemplateResponse.render()`, less the SQL run inside it. A list view's querysets
  are evaluated lazily, by the template's loop: for lists this column also holds the ORM's work
  of turning those rows into objects;
- **ORM and view**: the rest — building and compiling the querysets, turning rows into model
  instances, the view's own code, the middleware.

The page's baseline (b) — the same template-from-memory view that pages.py loads, at the page's
size — is timed the same way in the same loop. In-process, one request at a time: no server, no
network, no concurrency, so the figures are smaller than wrk's latencies and say where the time
goes rather than how many requests a server answers.
"""

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from .pages import DATABASE, ROOT, bench_url, environment, manage, server_url

START = "<!-- breakdown-benchmark:start (tests/benchmarks/breakdown.py writes what follows) -->"
END = "<!-- breakdown-benchmark:end -->"


class Clock:
    """The SQL time and count of the requests in progress, and the template time."""

    def __init__(self):
        self.sql = self.template = 0.0
        self.queries = 0
        self._in_render = False
        self._sql_in_render = 0.0

    def reset(self):
        self.__init__()

    def execute(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            elapsed = time.perf_counter() - started
            self.sql += elapsed
            self.queries += 1
            if self._in_render:
                self._sql_in_render += elapsed

    def wrap_render(self, render):
        clock = self

        def timed(response):
            clock._in_render, clock._sql_in_render = True, 0.0
            started = time.perf_counter()
            try:
                return render(response)
            finally:
                clock.template += time.perf_counter() - started - clock._sql_in_render
                clock._in_render = False

        return timed


def measure(client, clock, path: str, rounds: int) -> dict:
    """Medians over `rounds` requests, in milliseconds."""
    for _ in range(3):
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
    totals, sqls, templates = [], [], []
    queries = 0
    for _ in range(rounds):
        clock.reset()
        started = time.perf_counter()
        response = client.get(path)
        totals.append(time.perf_counter() - started)
        sqls.append(clock.sql)
        templates.append(clock.template)
        queries = clock.queries
    total = statistics.median(totals) * 1000
    sql = statistics.median(sqls) * 1000
    template = statistics.median(templates) * 1000
    return {
        "size": len(response.content),
        "total": total,
        "sql": sql,
        "template": template,
        "orm": max(0.0, total - sql - template),
        "queries": queries,
    }


def table(rows: list[dict]) -> list[str]:
    lines = [
        "| page | KB | queries | SQL ms | ORM and view ms | template ms | total ms "
        "| baseline (b) ms | total ÷ (b) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        page, base = row["page"], row["baseline"]
        lines.append(
            f"| {row['name']} | {page['size'] / 1024:.1f} | {page['queries']} | "
            f"{page['sql']:.1f} | {page['orm']:.1f} | {page['template']:.1f} | "
            f"{page['total']:.1f} | {base['total']:.1f} | {page['total'] / base['total']:.1f} × |"
        )
    return lines


def report(args, rows: list[dict], seconds: float, content: str) -> str:
    import datetime

    import django

    sql = sum(row["page"]["sql"] for row in rows)
    orm = sum(row["page"]["orm"] for row in rows)
    template = sum(row["page"]["template"] for row in rows)
    total = sum(row["page"]["total"] for row in rows)
    queries = sum(row["page"]["queries"] for row in rows)
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
            f"Over all pages: SQL {sql / total:.0%} of the time, ORM and view code "
            f"{orm / total:.0%}, templates {template / total:.0%}; {queries} queries in all.",
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
    os.environ.update(env)
    try:
        manage(env, "collectstatic", "--no-input", "-v", "0")
        import django

        django.setup()
        from django.db import connection
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
        SimpleTemplateResponse.render = clock.wrap_render(SimpleTemplateResponse.render)
        client = Client(HTTP_ACCEPT_LANGUAGE="ca", HTTP_HOST="127.0.0.1")
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
        write_section(args.output, section)
        print(section)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


def write_section(output: Path, section: str) -> None:
    """Between this benchmark's markers in `output` (pages.py's `write` handles its own)."""
    text = output.read_text() if output.exists() else "# Benchmarks\n"
    if START in text and END in text:
        before, rest = text.split(START, 1)
        text = before + section + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    output.write_text(text)


if __name__ == "__main__":
    sys.exit(main())
