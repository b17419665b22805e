"""Proxy benchmark: anonymous pages through Varnish in front of two replicas, against nginx
serving the same bytes as a static file, in one run; then the cost of a publish.

    python -m tests.benchmarks.proxy [--duration 10] [--connections 16] [--publishes 5]

(`make bench` runs it.) It starts the stack of tests/cluster/harness.py (a throwaway PostgreSQL
with the demo content, Redis, the S3 server, two gunicorn replicas with 2 sync workers each,
Varnish), warms each page, and loads it with `wrk` through the proxy, asking for gzip as every
browser does; then nginx (Debian's, 2 workers, `access_log off`) serves the page's bytes from a
file, its gzipped copy beside it (`gzip_static`), and is loaded the same way. The
target: at least 50 % of nginx's requests per second, with p99 under 5 ms, on loopback.

A publish is a news item saved as the admin saves (one transaction) in a `manage.py shell` of
the stack's settings: the page cache's lease wait, the raise and the proxy's ban, then the
first anonymous request through the proxy re-renders the list (a miss on both caches).

Writes its table between the markers of the "Caching proxy" section of `--output`.
wrk shares the machine's 2 cores with Varnish and nginx: figures compare, on one machine.
"""

import argparse
import gzip
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "relacions.settings_test")
django.setup()

from tests.benchmarks.pages import Load, fetch, write, wrk  # noqa: E402
from tests.cluster.harness import ROOT, Service, answers, manage, missing_programs, start_stack  # noqa: E402
from tests.fixtures.cluster import Cluster  # noqa: E402
from tests.helpers import wait_for  # noqa: E402

START = "<!-- proxy-benchmark:start (tests/benchmarks/proxy.py writes what follows) -->"
END = "<!-- proxy-benchmark:end -->"
PAGES = {"home": "/ca/", "news list": "/ca/actualitat/", "agenda": "/ca/agenda/"}
TARGET_RATIO = 0.5
# Every browser asks for compressed pages: both servers answer with gzipped bytes (Varnish keeps
# pages compressed, so a client that does not ask would cost it a decompression per request).
GZIP = ("Accept-Encoding: gzip",)
TARGET_P99_MS = 5.0
# One process for all the publishes (the first, which loads the code, is not counted): each
# saves a news item as the admin does (one transaction), then asks for the list through the
# proxy, which must fetch it afresh (a miss there and in the page cache).
PUBLISH_SCRIPT = """
import time, urllib.request
from django.db import transaction
from relacions.news.models import NewsItem
item = NewsItem.objects.order_by("pk").first()
for round in range({times} + 1):
    urllib.request.urlopen("{url}").read()
    started = time.perf_counter()
    with transaction.atomic():
        item.title_ca = item.title_ca.rstrip("*") + "*"
        item.save()
    saved = time.perf_counter() - started
    started = time.perf_counter()
    with urllib.request.urlopen("{url}") as response:
        response.read()
        cache = response.headers.get("X-Proxy-Cache")
    rendered = time.perf_counter() - started
    if round:
        print("PUBLISH", saved, rendered, cache)
"""


class Nginx(Service):
    name = "nginx"

    def start(self, body: bytes) -> None:
        root = self.folder / "www"
        root.mkdir(exist_ok=True)
        self.write(body)
        conf = self.folder / "nginx.conf"
        conf.write_text(
            "user root; worker_processes 2; daemon off;\n"
            f"error_log {self.folder}/nginx-error.log; pid {self.folder}/nginx.pid;\n"
            "events { worker_connections 1024; }\n"
            "http { access_log off; default_type text/html; sendfile on; tcp_nopush on;\n"
            "  gzip_static on;\n"
            f"  server {{ listen 127.0.0.1:{self.port}; root {root}; }} }}\n"
        )
        self.popen([shutil.which("nginx") or "/usr/sbin/nginx", "-c", str(conf)])
        assert wait_for(lambda: answers(self.url), 20), self.log()

    def write(self, body: bytes) -> None:
        """The page, and beside it the same page compressed (`gzip_static`), as Varnish keeps
        it: both answer a browser's `Accept-Encoding: gzip` with compressed bytes."""
        root = self.folder / "www"
        (root / "page.html").write_bytes(body)
        (root / "page.html.gz").write_bytes(gzip.compress(body, compresslevel=6))

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/page.html"


def publish_cost(env: dict, proxy_base: str, path: str, times: int) -> tuple[list, list]:
    script = PUBLISH_SCRIPT.format(times=times, url=proxy_base + path)
    output = manage("shell", "-v", "0", "-c", script, env=env)
    saves, renders = [], []
    for line in output.splitlines():
        if line.startswith("PUBLISH "):
            _word, saved, rendered, cache = line.split()
            assert cache == "miss", line
            saves.append(float(saved))
            renders.append(float(rendered))
    return saves, renders


def fmt(load: Load) -> str:
    return f"{load.rps:,.0f} | {load.p50:.2f} | {load.p99:.2f}"


def report(args, rows, saves, renders) -> str:
    lines = [
        START,
        "",
        f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}: "
        f"`python -m tests.benchmarks.proxy --duration {args.duration} "
        f"--connections {args.connections}`; two replicas (gunicorn, 2 sync workers each) "
        "behind Varnish 7.1 with the demo content, Redis, the S3 server; nginx serving each "
        "page's bytes as a file (its gzipped copy beside it); both asked for gzip; wrk with 2 "
        "threads, all on one 2-core machine.",
        "",
        "| page | bytes | proxy req/s | p50 ms | p99 ms | nginx req/s | p50 ms | p99 ms "
        "| proxy / nginx | target (≥ 50 %, p99 < 5 ms) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for name, path, size, proxied, nginx in rows:
        ratio = proxied.rps / nginx.rps if nginx.rps else 0
        met = ratio >= TARGET_RATIO and proxied.p99 < TARGET_P99_MS
        verdict = "met" if met else (
            "missed: " + ", ".join(
                part for part, bad in (
                    (f"{ratio:.0%} of nginx", ratio < TARGET_RATIO),
                    (f"p99 {proxied.p99:.1f} ms", proxied.p99 >= TARGET_P99_MS),
                ) if bad
            )
        )  # fmt: skip
        lines.append(
            f"| {name} (`{path}`) | {size:,} | {fmt(proxied)} | {fmt(nginx)} | {ratio:.0%} "
            f"| {verdict} |"
        )
    lines += [
        "",
        f"A publish ({len(saves)} saves of a news item in one transaction each, as the admin "
        f"saves): median {statistics.median(saves) * 1000:.0f} ms, longest "
        f"{max(saves) * 1000:.0f} ms (of which the page cache's lease wait is 500 ms and the "
        "proxy's ban one loopback request); the first anonymous request through the proxy "
        f"afterwards (a miss on both caches, the list re-rendered): median "
        f"{statistics.median(renders) * 1000:.0f} ms, longest {max(renders) * 1000:.0f} ms.",
        "",
        END,
    ]
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--publishes", type=int, default=5)
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "BENCHMARKS.md")
    args = parser.parse_args(argv)
    missing = missing_programs() + [p for p in ("wrk", "nginx") if not shutil.which(p)]
    if missing and not (missing == ["nginx"] and Path("/usr/sbin/nginx").exists()):
        sys.exit(f"Not installed: {', '.join(missing)} (make bench installs them).")

    folder = Path(tempfile.mkdtemp(prefix="relacions-proxy-bench-"))
    database = Cluster(folder / "pg")
    stack = nginx = None
    try:
        print("Starting the stack (demo content, two replicas, Varnish)…", flush=True)
        stack = start_stack(
            database.create_database("bench"),
            folder=folder,
            setup=lambda env: manage("load_demo_content", env=env, timeout=900),
        )
        nginx = Nginx(folder)
        rows = []
        for name, path in PAGES.items():
            url = stack.proxy.base + path
            for _ in range(5):
                status, body, headers = fetch(url)
            assert status == 200 and headers.get("X-Proxy-Cache") == "hit", (path, headers)
            proxied = wrk(url, duration=args.duration, connections=args.connections, headers=GZIP)
            if nginx.process is None:
                nginx.start(body)
            else:
                nginx.write(body)
            static = wrk(nginx.url, duration=args.duration, connections=args.connections,
                         headers=GZIP)  # fmt: skip
            rows.append((name, path, len(body), proxied, static))
            print(f"{name}: proxy {fmt(proxied)} | nginx {fmt(static)}", flush=True)
        saves, renders = publish_cost(stack.env, stack.proxy.base, PAGES["news list"],
                                      args.publishes)  # fmt: skip
        section = report(args, rows, saves, renders)
        print(section)
        write(args.output, section, start=START, end=END, heading="## Caching proxy")
    finally:
        if nginx is not None:
            nginx.stop()
        if stack is not None:
            stack.stop()
        database.cleanup()
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
