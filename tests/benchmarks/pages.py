"""Page benchmark: every public page type, cached and uncached, at 100 and at 10,000 items.

    python -m tests.benchmarks.pages [--duration 10] [--connections 16] [--pages home,…]

(`make bench` runs it.) What it does, in one run:

1. Creates the database `relacions_bench` (dropped first if it exists) on the server of
   DATABASE_URL, or on the embedded cluster; never another database. Migrates it, collects the
   static files into a temporary folder (checking the compressed copies), loads the demo content.
2. Starts a private Redis (`redis-server` on a free port) when it is installed, as production
   runs; otherwise the local-memory cache serves.
3. For each size — 100 news and 100 events, then 10,000 news and 2,000 events, with 50 networks
   and 200 objectives both times (`tests/benchmarks/scale_data.py`; then VACUUM ANALYZE, as
   autovacuum would) — it serves the site with gunicorn (2 sync workers, DEBUG off,
   `--no-control-socket`) on 127.0.0.1 twice: with the page cache on, then with
   `PAGE_CACHE=false`. Each page is fetched until warm, then loaded by `wrk` (`--duration`
   seconds, `--connections` connections, 2 threads, `--timeout 30s`), followed by its
   baseline on the same server: (a) a static HttpResponse of the page's size, after a cached
   page; (b) a template of the page's size and structure rendered from memory, after an
   uncached page (tests/benchmarks/baselines.py, served only by this server:
   tests/benchmarks/settings.py). Around each wrk run it reads from /proc the CPU time (user +
   system) of the processes that serve it — gunicorn (master and workers), the private Redis,
   the PostgreSQL server (postmaster, backends, background and I/O workers), each with the
   children it has reaped — and divides it by the requests wrk made: CPU ms per request.
4. After the cached runs of a size, on the same server (unless `--no-rewarm`): the re-warm
   after a publish. The 50 most visited pages (`popular_paths()`) are cached, 16 clients
   request them round-robin, one published news item is saved as an editor saves it (in a
   transaction, in a `manage.py shell` process of its own), and the script measures how long
   after that commit every one of the 50 has been answered from the cache again.
5. Measures what the home page transfers at a 1280 px wide viewport (Playwright, Debian's
   Chromium): HTML, CSS, JS and images, as the browser received them.
6. Writes the tables between the markers of the "Pages" section of `--output`, and every figure
   as JSON to `--json` when given.

wrk shares the machine's cores with the server: figures are for comparing, on one machine.
"""

import argparse
import datetime
import http.client
import itertools
import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
DATABASE = "relacions_bench"
START = "<!-- pages-benchmark:start (tests/benchmarks/pages.py writes what follows) -->"
END = "<!-- pages-benchmark:end -->"
# --sizes names: what scale_data.py makes for each.
SIZES = {
    "100": {"news": 100, "events": 100, "networks": 50, "objectives": 200},
    "10000": {"news": 10000, "events": 2000, "networks": 50, "objectives": 200},
}
SIZE_TITLES = {"100": "100 items", "10000": "10,000 items"}
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


# --- Database and environment -----------------------------------------------------------------


def server_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if url:
        return url
    sys.path.insert(0, str(ROOT))
    from relacions import embedded_db

    current = embedded_db.url()
    if current is None:
        sys.exit("The embedded database is not running: `make db` (or set DATABASE_URL).")
    return current


def bench_url(url: str, database: str = DATABASE) -> str:
    parts = urlsplit(url)
    if parts.path.strip("/") == database:
        return url
    return parts._replace(path=f"/{database}").geturl()


def recreate_database(url: str, database: str = DATABASE) -> None:
    """Drop and create `database` (a benchmark's own: the URL must name it)."""
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(url)
    assert config["NAME"] == database, config["NAME"]  # never another database
    params = {"host": config["HOST"], "user": config["USER"], "dbname": "postgres"}
    if config.get("PORT"):
        params["port"] = config["PORT"]
    if config.get("PASSWORD"):
        params["password"] = config["PASSWORD"]
    with psycopg.connect(**params, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{database}"')


def environment(database_url: str, folder: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in {
        "RELACIONS_TESTING", "TEST_DATABASE_NAME", "PAGE_CACHE", "FRAGMENT_CACHE", "REDIS_URL",
    }}  # fmt: skip
    env.update(
        DJANGO_SETTINGS_MODULE="relacions.settings",  # the server: tests.benchmarks.settings
        DATABASE_URL=database_url,
        DEBUG="false",
        SECRET_KEY="benchmark-only-" + secrets.token_urlsafe(32),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        SECURE_HSTS_SECONDS="0",
        STATIC_ROOT=str(folder / "static"),
        MEDIA_ROOT=str(folder / "media"),
        SERVE_MEDIA="true",
        LOG_LEVEL="WARNING",
    )
    return env


def manage(env: dict, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def scale_data(env: dict, *args: str) -> str:
    """tests/benchmarks/scale_data.py, run like manage.py (a process of its own, with `env`)."""
    command = [sys.executable, "-m", "tests.benchmarks.scale_data", *args]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"scale_data {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(0.2)
    sys.exit(f"{url} did not answer within {seconds} s")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class Redis:
    """A private redis-server for the run (no persistence), if one is installed."""

    def __init__(self):
        self.process = None
        self.url = ""
        self.version = ""
        binary = shutil.which("redis-server")
        if binary is None:
            return
        port = free_port()
        self.process = subprocess.Popen(
            [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--maxmemory", "256mb", "--maxmemory-policy", "allkeys-lru"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        self.url = f"redis://127.0.0.1:{port}/0"
        version = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout
        self.version = re.search(r"v=(\S+)", version)[1] if "v=" in version else version.strip()
        time.sleep(0.5)

    def stop(self) -> None:
        if self.process is not None:
            stop(self.process)


class Server:
    """gunicorn serving the site on 127.0.0.1, as production does (2 sync workers)."""

    def __init__(self, env: dict, *, page_cache: bool, log: Path,
                 settings: str = "tests.benchmarks.settings"):  # fmt: skip
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        server_env = {
            **env,
            "PAGE_CACHE": "true" if page_cache else "false",
            # By default the site's settings and the baselines' two addresses
            # (tests/benchmarks/urls.py); the Lighthouse run serves the site's own.
            "DJANGO_SETTINGS_MODULE": settings,
        }
        self.log = log.open("a")
        self.process = subprocess.Popen(
            [str(Path(sys.executable).parent / "gunicorn"), "relacions.wsgi:application",
             "--workers", "2", "--worker-class", "sync", "--bind", f"127.0.0.1:{self.port}",
             "--no-control-socket", "--log-level", "warning"],
            cwd=ROOT, env=server_env, stdout=self.log, stderr=self.log,
        )  # fmt: skip
        wait_for(f"{self.base}/livez")

    def stop(self) -> None:
        stop(self.process)
        self.log.close()


# --- CPU time, from /proc ---------------------------------------------------------------------
#
# Requests per second say how fast a page is on this machine, shared with wrk and other work;
# the CPU time the serving processes spend per request says what it costs wherever it runs.
# Each server is counted as a tree: its root process and every live descendant, each with the
# CPU time of the children it has already reaped (cutime, cstime), so a process that ends during
# a run (a worker gunicorn replaces, a backend that closes) is still counted, by its parent.

TICKS = os.sysconf("SC_CLK_TCK")  # the unit of /proc/<pid>/stat's times


def proc_stat(pid: int) -> list[str] | None:
    """/proc/<pid>/stat from its third field on (field n is at n - 3); None once it has gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return None
    # The command (field 2) is in parentheses and may hold spaces: split after the last one.
    return text[text.rindex(")") + 2 :].split()


def process_table() -> dict[int, tuple[int, int]]:
    """Every process: pid → (parent pid, ticks of its own and of its reaped children)."""
    table = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        fields = proc_stat(int(entry.name))
        if fields is None:
            continue  # ended between the listing and the read
        # Fields 4 (ppid), 14–15 (utime, stime), 16–17 (cutime, cstime).
        table[int(entry.name)] = (int(fields[1]), sum(int(f) for f in fields[11:15]))
    return table


def tree_ticks(root: int, table: dict[int, tuple[int, int]]) -> int:
    children: dict[int, list[int]] = {}
    for pid, (parent, _) in table.items():
        children.setdefault(parent, []).append(pid)
    total, pending = 0, [root]
    while pending:
        pid = pending.pop()
        if pid in table:
            total += table[pid][1]
            pending += children.get(pid, [])
    return total


def postmaster_pid(database_url: str) -> int | None:
    """The PostgreSQL server's main process, when it runs on this machine (the embedded cluster
    does): the parent of this connection's backend. None when /proc cannot show it."""
    import psycopg

    with psycopg.connect(database_url.replace("postgres://", "postgresql://", 1)) as db:
        backend = db.execute("SELECT pg_backend_pid()").fetchone()[0]
        try:
            # A backend's command line is "postgres: user database …": checks that the pid is
            # the server's here, not another process of a server elsewhere.
            if not Path(f"/proc/{backend}/cmdline").read_bytes().startswith(b"postgres:"):
                return None
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            return None
        fields = proc_stat(backend)
    return int(fields[1]) if fields else None


@dataclass
class Cpu:
    """CPU ms per request (user + system), by server."""

    app: float  # gunicorn: master and workers
    cache: float | None  # the private redis-server; None without one
    database: float | None  # the PostgreSQL server; None when it is not on this machine

    @property
    def total(self) -> float:
        return self.app + (self.cache or 0) + (self.database or 0)


@dataclass
class Processes:
    """The roots of the trees whose CPU time is counted; wrk and this script are not."""

    app: int
    cache: int | None = None
    database: int | None = None

    def ticks(self) -> dict[str, int | None]:
        table = process_table()
        return {name: None if pid is None else tree_ticks(pid, table)
                for name, pid in asdict(self).items()}  # fmt: skip

    @staticmethod
    def per_request(before: dict, after: dict, requests: int) -> Cpu | None:
        if not requests:
            return None
        ms = {name: None if before[name] is None or after[name] is None
              else 1000 * (after[name] - before[name]) / TICKS / requests
              for name in before}  # fmt: skip
        return Cpu(app=ms["app"] or 0.0, cache=ms["cache"], database=ms["database"])


# --- Measuring --------------------------------------------------------------------------------


@dataclass
class Load:
    rps: float
    p50: float  # ms
    p99: float  # ms
    errors: int = 0
    requests: int = 0  # what wrk completed in the run
    cpu: Cpu | None = None  # per request, when the serving processes were known


@dataclass
class Row:
    name: str
    path: str
    size: int = 0
    cache_header: str = ""
    cached: Load | None = None
    bytes_baseline: Load | None = None
    uncached: Load | None = None
    template_baseline: Load | None = None
    notes: list[str] = field(default_factory=list)


def milliseconds(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def parse_wrk(output: str) -> Load:
    latency = dict(re.findall(r"^\s*(50|99)(?:\.0+)?%\s+(\S+)\s*$", output, re.M))
    if "50" not in latency or "99" not in latency:
        sys.exit(f"Unexpected wrk output:\n{output}")
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)$", output, re.M)
    requests = re.search(r"^\s*(\d+) requests in ", output, re.M)
    load = Load(
        rps=float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1]),
        p50=milliseconds(latency["50"]),
        p99=milliseconds(latency["99"]),
        errors=int(errors[1]) if errors else 0,
        requests=int(requests[1]) if requests else 0,
    )
    if socket_errors:
        load.errors += sum(int(n) for n in re.findall(r"\d+", socket_errors[1]))
    return load


def wrk(url: str, *, duration: int, connections: int, headers: tuple[str, ...] = (),
        processes: Processes | None = None) -> Load:  # fmt: skip
    """One wrk run; with `processes`, the CPU time they spent during it, per request."""
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--timeout", "30s", "--latency",
               *(part for header in headers for part in ("-H", header)), url]  # fmt: skip
    before = processes.ticks() if processes else None
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    after = processes.ticks() if processes else None
    load = parse_wrk(output)
    if before is not None and after is not None:
        load.cpu = Processes.per_request(before, after, load.requests)
    return load


def fetch(url: str) -> tuple[int, bytes, dict]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read(), dict(error.headers)


def warm(server: Server, row: Row, rounds: int = 6) -> None:
    """Fetch the page until every worker has it (cached run) and check it is a 200."""
    for _ in range(rounds):
        status, body, headers = fetch(server.base + row.path)
        if status != 200:
            sys.exit(f"{row.name}: {row.path} answered {status}")
    row.size = len(body)
    row.cache_header = headers.get("X-Page-Cache", "")


# --- The pages --------------------------------------------------------------------------------


def page_paths() -> dict[str, str]:
    """One address per page type, found in the benchmark database (generated content)."""
    import django

    django.setup()
    from django.apps import apps
    from django.urls import reverse
    from django.utils import timezone, translation

    def model(label):
        return apps.get_model(label)

    translation.activate("ca")
    news = model("news.NewsItem").objects.published().filter(slug_ca__startswith="scale-")
    item = news.order_by("-published_on", "-pk")[news.count() // 2]
    event = model("events.Event").objects.upcoming().filter(slug_ca__startswith="scale-")[2]
    networks = model("networks.Network").objects.published().filter(slug_ca__startswith="scale-")
    network = networks.order_by("pk")[3]
    forum = model("networks.Forum").objects.published().filter(network=network).first()
    objective = model("mandate.Objective").objects.public().filter(plan__is_current=True)[10]
    page = model("pages.Page").objects.published().filter(key="mission").first()
    past_year = model("events.Event").objects.past_years()[0]
    month = timezone.localtime(event.start)
    # The registers the scale data does not grow: the demo's own records.
    agreement = model("agreements.Agreement").objects.published().get(slug_ca="pamiers")
    project = model("projects.Project").objects.published().get(acronym="IA4END")
    visit = model("visits.Visit").objects.published().order_by("starts_on").first()
    place = model("places.Place").objects.get(slug_ca="pamiers")
    report = model("reports.YearReport").objects.published().order_by("-year").first()
    return {
        "home": reverse("pages:home"),
        "news list": reverse("news:list"),
        "news list, one network": f"{reverse('news:list')}?network={network.slug}",
        "news item": item.get_absolute_url(),
        "news feed (RSS)": reverse("news:rss"),
        "agenda": reverse("events:list"),
        "past events (a year)": reverse("events:past", kwargs={"year": past_year}),
        "agenda month": reverse("events:month", kwargs={"year": month.year, "month": month.month}),
        "event": event.get_absolute_url(),
        "networks": reverse("networks:list"),
        "network": network.get_absolute_url(),
        "forum": forum.get_absolute_url(),
        "Pla de Mandat": reverse("mandate:overview"),
        "objective": objective.get_absolute_url(),
        "page (mission)": page.get_absolute_url(),
        "search": f"{reverse('search:results')}?q=cultura",
        "agenda (iCalendar)": reverse("events:ical"),
        "agreements": reverse("agreements:list"),
        "agreement": agreement.get_absolute_url(),
        "projects": reverse("projects:list"),
        "project": project.get_absolute_url(),
        "visits": reverse("visits:list"),
        "visit": visit.get_absolute_url(),
        "world map": reverse("places:world"),
        "place": place.get_absolute_url(),
        "yearly reports": reverse("reports:list"),
        "yearly report": report.get_absolute_url(),
    }


def popular_paths() -> tuple[list[str], int]:
    """The 50 most visited pages, as this benchmark defines them (a fixed list, for lack of a
    real visitor's log): the home page and the lists (news and its page 2, agenda, networks,
    agreements, projects, visits, world map, Pla de Mandat, yearly reports) in Catalan; the home
    page, the news list and the newest news item in Spanish and in English; then, in Catalan,
    the 12 newest news items, the next 8 events, 6 networks, 3 forums and 4 objectives of the
    current Pla de Mandat (by id), topped up with older news items if the database has fewer.
    Also returns the newest news item's id: the item the re-warm saves."""
    import django

    django.setup()
    from django.apps import apps
    from django.urls import reverse
    from django.utils import translation

    def model(label):
        return apps.get_model(label)

    news = list(model("news.NewsItem").objects.published().order_by("-published_on", "-pk")[:50])
    paths = []
    with translation.override("ca"):
        paths += [reverse(name) for name in (
            "pages:home", "news:list", "events:list", "networks:list", "agreements:list",
            "projects:list", "visits:list", "places:world", "mandate:overview", "reports:list",
        )]  # fmt: skip
        paths.append(f"{reverse('news:list')}?page=2")
    for language in ("es", "en"):
        with translation.override(language):
            paths += [reverse("pages:home"), reverse("news:list"), news[0].get_absolute_url()]
    with translation.override("ca"):
        details = [
            *news[:12],
            *model("events.Event").objects.upcoming()[:8],
            *model("networks.Network").objects.published().order_by("pk")[:6],
            *model("networks.Forum").objects.published().order_by("pk")[:3],
            *model("mandate.Objective").objects.public().filter(plan__is_current=True)
            .order_by("pk")[:4],
            *news[12:],  # only what is needed to reach 50
        ]  # fmt: skip
        for item in details:
            path = item.get_absolute_url()
            if len(paths) < 50 and path not in paths:
                paths.append(path)
    return paths, news[0].pk


# --- The re-warm after a publish --------------------------------------------------------------

REWARM_CLIENTS = 16
REWARM_TARGET = 1.0  # seconds (issue 22)
REWARM_WAIT = 30.0  # seconds: longer means the pages do not come back


@dataclass
class Answer:
    path: str
    sent: float  # time.time(), comparable with the publishing process's clock
    received: float
    cache: str  # X-Page-Cache ("hit", "miss", "" when not cacheable), or the status if not 200


@dataclass
class Rewarm:
    pages: int
    clients: int
    seconds: float | None = None  # from the commit until all are hits again; None: not within
    requests: int = 0  # answered from the commit until then
    misses: int = 0  # of those, rendered and stored (X-Page-Cache: miss)
    back: int = 0  # pages answered from the cache after the commit
    saved_in: float = 0.0  # from the save's start to its commit (the lease wait is in it)
    not_cached: list[str] = field(default_factory=list)  # left out: never a hit when warm


def publish(env: dict, pk: int) -> tuple[float, float]:
    """Save the news item `pk` as the admin saves it: in a transaction, with the page cache on,
    in a process of its own (an editor's request runs in a worker, not in the servers measured).
    Returns when the save began and when it committed (time.time())."""
    code = "\n".join([
        "import time",
        "from django.db import transaction",
        "from relacions.news.models import NewsItem",
        f"item = NewsItem.objects.get(pk={pk})",
        "began = time.time()",
        "with transaction.atomic():",
        # Registered first, so it runs first after the commit (before the page cache's own).
        "    transaction.on_commit(lambda: print('committed', time.time(), flush=True))",
        "    item.save()",
        "print('began', began)",
    ])  # fmt: skip
    output = manage({**env, "PAGE_CACHE": "true"}, "shell", "-c", code)
    times = dict(re.findall(r"^(began|committed) ([\d.]+)$", output, re.M))
    if set(times) != {"began", "committed"}:
        sys.exit(f"The publish printed no times:\n{output}")
    return float(times["began"]), float(times["committed"])


def cache_it(server: Server, path: str, tries: int = 5) -> bool:
    """Fetch `path` until it is answered from the cache (each worker may need its own copy)."""
    for _ in range(tries):
        status, _, headers = fetch(server.base + path)
        if status == 200 and headers.get("X-Page-Cache") == "hit":
            return True
    return False


def back_in_cache(answers: list[Answer], paths: list[str], since: float) -> dict[str, float]:
    """Each page's first answer from the cache among the requests sent after `since`: an answer
    to a request sent before the commit may still be of the older generation."""
    first: dict[str, float] = {}
    for answer in list(answers):  # a copy: the clients go on appending
        if answer.sent >= since and answer.cache == "hit" and answer.path in paths:
            first[answer.path] = min(first.get(answer.path, answer.received), answer.received)
    return first


def rewarm(server: Server, env: dict, paths: list[str], pk: int) -> Rewarm:
    """Cache `paths`, let REWARM_CLIENTS clients request them round-robin, publish a change, and
    time until every one of them has been answered from the cache again."""
    not_cached = [path for path in paths if not cache_it(server, path)]
    paths = [path for path in paths if path not in not_cached]
    result = Rewarm(pages=len(paths), clients=REWARM_CLIENTS, not_cached=not_cached)
    answers: list[Answer] = []
    turn = itertools.count()  # round-robin over the pages, shared by the clients
    done = threading.Event()

    def client() -> None:
        while not done.is_set():
            path = paths[next(turn) % len(paths)]
            sent = time.time()
            try:
                status, _, headers = fetch(server.base + path)
            except (OSError, http.client.HTTPException) as error:  # counted, not fatal
                status, headers = 0, {"X-Page-Cache": type(error).__name__}
            cache = headers.get("X-Page-Cache", "") if status in (0, 200) else str(status)
            answers.append(Answer(path, sent, time.time(), cache))

    clients = [threading.Thread(target=client, daemon=True) for _ in range(REWARM_CLIENTS)]
    for thread in clients:
        thread.start()
    try:
        time.sleep(1)  # the clients at their pace before the change
        began, committed = publish(env, pk)
        result.saved_in = committed - began
        deadline = committed + REWARM_WAIT
        while time.time() < deadline:
            if len(back_in_cache(answers, paths, committed)) == len(paths):
                break
            time.sleep(0.05)
    finally:
        done.set()
        for thread in clients:
            thread.join()
    first = back_in_cache(answers, paths, committed)
    result.back = len(first)
    if len(first) == len(paths):
        until = max(first.values())
        result.seconds = until - committed
        # Requests sent just before the commit may wait in gunicorn's queue and render the new
        # generation: counted by when they were answered.
        after = [a for a in answers if committed < a.received <= until]
        result.requests = len(after)
        result.misses = sum(a.cache == "miss" for a in after)
    return result


def measure(
    env: dict,
    rows: list[Row],
    args,
    log: Path,
    *,
    transfer: bool,
    cache: int | None = None,
    database: int | None = None,
    popular: tuple[list[str], int] | None = None,
) -> tuple[dict | None, Rewarm | None]:
    """Fill in each row's loads, with the CPU time per request of gunicorn, of `cache` and of
    `database` (pids: the Redis and PostgreSQL servers); the re-warm of the `popular` pages
    after the cached runs; the home page's transfer too when `transfer`."""
    measured, rewarmed = None, None
    for page_cache in (True, False):
        label = "cached" if page_cache else "uncached"
        server = Server(env, page_cache=page_cache, log=log)
        processes = Processes(app=server.process.pid, cache=cache, database=database)
        try:
            for row in rows:
                warm(server, row)
                if page_cache and row.cache_header != "hit":
                    row.notes.append(f"not served from the cache ({row.cache_header or 'no'})")
                load = wrk(server.base + row.path, duration=args.duration,
                           connections=args.connections, processes=processes)  # fmt: skip
                baseline = "bytes" if page_cache else "template"
                base_path = f"/__bench__/{baseline}/?size={row.size}"
                fetch(server.base + base_path)
                base = wrk(server.base + base_path, duration=args.duration,
                           connections=args.connections, processes=processes)  # fmt: skip
                if page_cache:
                    row.cached, row.bytes_baseline = load, base
                else:
                    row.uncached, row.template_baseline = load, base
                say(f"  {label:9} {row.name:24} {load.rps:8.1f} req/s p50 {load.p50:6.1f} ms "
                    f"p99 {load.p99:6.1f} ms CPU {cpu_ms(load)} ms | baseline {base.rps:8.1f} "
                    f"req/s CPU {cpu_ms(base)} ms")  # fmt: skip
            if page_cache and popular:
                rewarmed = rewarm(server, env, *popular)
                say(f"  re-warm: {rewarm_sentence(rewarmed)}")
            if page_cache and transfer:
                measured = home_transfer(server.base + paths_home(rows))
        finally:
            server.stop()
    return measured, rewarmed


def paths_home(rows: list[Row]) -> str:
    return next((row.path for row in rows if row.name == "home"), "/ca/")


def home_transfer(url: str) -> dict:
    """Bytes the browser received for the home page at 1280×800 (encoded, headers included)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_FLAGS
        )
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        requests = []
        page.on("requestfinished", lambda request: requests.append(request))
        page.goto(url, wait_until="networkidle")
        page.wait_for_timeout(500)
        by_type: dict[str, int] = {}
        for request in requests:
            sizes = request.sizes()
            size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
            by_type[request.resource_type] = by_type.get(request.resource_type, 0) + size
        scripts = sum(1 for r in requests if r.resource_type == "script")
        styles = sum(1 for r in requests if r.resource_type == "stylesheet")
        images = sum(1 for r in requests if r.resource_type == "image")
        browser.close()
    return {"total": sum(by_type.values()), "by_type": by_type, "requests": len(requests),
            "scripts": scripts, "stylesheets": styles, "images": images}  # fmt: skip


def static_report(folder: Path) -> dict:
    static = folder / "static"
    css = sorted(static.glob("css/site.*.css"))
    css = [path for path in css if re.fullmatch(r"site\.[0-9a-f]{12}\.css", path.name)]
    report = {"br": len(list(static.rglob("*.br"))), "gz": len(list(static.rglob("*.gz")))}
    if css:
        path = css[0]
        report |= {
            "css": path.name,
            "css_bytes": path.stat().st_size,
            "css_gz": Path(f"{path}.gz").stat().st_size if Path(f"{path}.gz").exists() else 0,
            "css_br": Path(f"{path}.br").stat().st_size if Path(f"{path}.br").exists() else 0,
        }
    return report


def static_headers(env: dict, log: Path, css: str) -> dict:
    server = Server(env, page_cache=True, log=log)
    try:
        request = urllib.request.Request(
            f"{server.base}/static/css/{css}", headers={"Accept-Encoding": "br, gzip"}
        )
        with urllib.request.urlopen(request) as response:
            return {name: response.headers.get(name, "") for name in
                    ("Cache-Control", "Content-Encoding", "Content-Length")}  # fmt: skip
    finally:
        server.stop()


# --- Report -----------------------------------------------------------------------------------


def versions(env: dict, redis: Redis) -> dict[str, str]:
    import django
    import psycopg

    def first_line(command):
        try:
            result = subprocess.run(command, capture_output=True, text=True)
            return (result.stdout or result.stderr).strip().splitlines()[0]
        except (OSError, IndexError):
            return "?"

    with psycopg.connect(env["DATABASE_URL"].replace("postgres://", "postgresql://", 1)) as db:
        postgres = db.execute("SHOW server_version").fetchone()[0]
    cpu = "?"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = "?"
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal"):
            memory = f"{int(line.split()[1]) / 1024 / 1024:.0f} GiB"
    gunicorn = first_line([str(Path(sys.executable).parent / "gunicorn"), "--version"])
    return {
        "machine": f"{os.cpu_count()} cores ({cpu}), {memory}, {platform.platform()}",
        "load": "load average {:.2f} {:.2f} {:.2f} at the start".format(*os.getloadavg()),
        "python": platform.python_version(),
        "django": django.get_version(),
        "gunicorn": gunicorn,
        "postgresql": postgres,
        "psycopg": psycopg.__version__,
        "wrk": first_line(["wrk", "--version"]),
        "cache": f"Redis {redis.version} (private, no persistence)" if redis.url
        else "local memory (no redis-server installed)",
    }  # fmt: skip


def ratio(value: Load | None, base: Load | None) -> str:
    if not value or not base or not base.rps:
        return "–"
    return f"{100 * value.rps / base.rps:.0f} %"


def fmt(load: Load | None) -> tuple[str, str, str]:
    if load is None:
        return "–", "–", "–"
    return f"{load.rps:,.0f}", f"{load.p50:.1f}", f"{load.p99:.1f}"


def milliseconds_text(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:.2f}" if value < 10 else f"{value:.1f}"


def cpu_ms(load: Load | None) -> str:
    """CPU ms per request, every server counted (gunicorn, Redis, PostgreSQL)."""
    return milliseconds_text(load.cpu.total) if load and load.cpu else "–"


def cpu_split(load: Load | None) -> str:
    if not load or not load.cpu:
        return "–"
    cpu = load.cpu
    return " + ".join(milliseconds_text(v) for v in (cpu.app, cpu.cache, cpu.database))


def size_table(rows: list[Row]) -> list[str]:
    lines = [
        "| page | KB | cached req/s | p50 ms | p99 ms | CPU ms | % of (a) | uncached req/s "
        "| p50 ms | p99 ms | CPU ms | % of (b) | (b) CPU ms |",
        "| --- |" + " ---: |" * 12,
    ]
    for row in rows:
        lines.append(
            f"| {row.name} | {row.size / 1024:.1f} | {' | '.join(fmt(row.cached))} | "
            f"{cpu_ms(row.cached)} | {ratio(row.cached, row.bytes_baseline)} | "
            f"{' | '.join(fmt(row.uncached))} | {cpu_ms(row.uncached)} | "
            f"{ratio(row.uncached, row.template_baseline)} | {cpu_ms(row.template_baseline)} |"
        )
    bytes_rps = [r.bytes_baseline.rps for r in rows if r.bytes_baseline]
    template_rps = [r.template_baseline.rps for r in rows if r.template_baseline]
    if bytes_rps and template_rps:
        lines.append(
            f"\nBaselines on the same servers, each at its page's size: (a) static response "
            f"{min(bytes_rps):,.0f}–{max(bytes_rps):,.0f} req/s; (b) template from memory "
            f"{min(template_rps):,.0f}–{max(template_rps):,.0f} req/s."
        )
    notes = [f"{row.name}: {'; '.join(row.notes)}" for row in rows if row.notes]
    if notes:
        lines.append("\nNotes: " + " · ".join(notes) + ".")
    return lines


def cpu_table(rows: list[Row]) -> list[str]:
    """Where each page's CPU time per request goes: gunicorn + Redis + PostgreSQL, in ms."""
    if not any(load and load.cpu for row in rows for load in (row.cached, row.uncached)):
        return []
    lines = [
        "| page | cached | (a) | uncached | (b) |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        cells = (row.cached, row.bytes_baseline, row.uncached, row.template_baseline)
        lines.append(f"| {row.name} | {' | '.join(cpu_split(load) for load in cells)} |")
    lines.append(
        "\n*CPU ms*: the CPU time (user + system, from /proc) that gunicorn (master and workers), "
        "the Redis server and the PostgreSQL server (postmaster, backends, background and I/O "
        "workers), each with the children it reaped, spent during the wrk run, divided by the "
        "requests wrk made; wrk and the benchmark script are not counted. Above, gunicorn + Redis "
        "+ PostgreSQL, in ms per request; – where a server was not on this machine. Each figure "
        "has the resolution of one clock tick (10 ms) over the whole run, and includes what the "
        "servers did meanwhile on their own (autovacuum, checkpoints)."
    )
    return lines


def rewarm_sentence(result: Rewarm) -> str:
    target = f"target ≤ {REWARM_TARGET:.0f} s"
    if result.seconds is None:
        sentence = (
            f"after a publish, only {result.back} of the {result.pages} pages were back in the "
            f"cache {REWARM_WAIT:.0f} s after the change ({target}: missed)"
        )
    else:
        verdict = "met" if result.seconds <= REWARM_TARGET else "missed"
        sentence = (
            f"after a publish, the {result.pages} pages were all back in the cache "
            f"{result.seconds:.2f} s after the change ({target}: {verdict}); "
            f"{result.clients} clients had {result.requests:,} requests answered meanwhile, "
            f"{result.misses} of them rendered and stored (misses); the save took "
            f"{result.saved_in:.2f} s until its commit"
        )
    if result.not_cached:
        sentence += f"; never cached, so left out: {', '.join(result.not_cached)}"
    return sentence


def rewarm_paragraph(result: Rewarm) -> list[str]:
    sentence = rewarm_sentence(result)
    return [
        f"Re-warm: {sentence}. The pages: the 50 most visited as the script defines them (home, "
        "the lists, page 2 of the news, the home page, the news list and the newest news item in "
        "Spanish and English, then news items, events, networks, forums and objectives), "
        f"requested round-robin by {result.clients} clients while that newest news item was saved "
        "in a transaction, as the admin saves it (the lease wait is in the save); counted from the "
        "commit until each page had been answered `X-Page-Cache: hit` to a request sent after it.",
        "",
    ]


def change(small: Load | None, large: Load | None) -> float | None:
    if not small or not large or not small.p50:
        return None
    return 100 * (large.p50 - small.p50) / small.p50


BASELINE_OF = {"cached": "bytes_baseline", "uncached": "template_baseline"}
# The uncached targets (issue 22): a page showing one record at >= 60 % of its baseline (b), any
# other page at >= 40 %.
DETAIL_PAGES = frozenset({"news item", "event", "network", "forum", "objective", "page (mission)",
                          "agreement", "project", "visit", "place", "yearly report"})  # fmt: skip
UNCACHED_TARGET = {True: 60, False: 40}


def normalised_change(small: Row, large: Row, mode: str) -> float | None:
    """The change of the page's median relative to its own baseline's median, measured just
    after it on the same server: what is left of `change()` once the machine's load at each
    moment (other work on a shared machine) is taken out."""
    base = BASELINE_OF[mode]
    values = [getattr(row, mode) for row in (small, large)]
    bases = [getattr(row, base) for row in (small, large)]
    if not all(values) or not all(bases) or not all(b.p50 for b in bases):
        return None
    before, after = (v.p50 / b.p50 for v, b in zip(values, bases, strict=True))
    return 100 * (after - before) / before


def verdicts(results: dict[str, list[Row]], rewarms: dict[str, Rewarm] | None = None) -> list[str]:
    rows = [row for size_rows in results.values() for row in size_rows]
    cached = [(row, 100 * row.cached.rps / row.bytes_baseline.rps) for row in rows
              if row.cached and row.bytes_baseline]  # fmt: skip
    uncached = [(row, 100 * row.uncached.rps / row.template_baseline.rps) for row in rows
                if row.uncached and row.template_baseline]  # fmt: skip
    tails = [(row, mode, load.p99 / load.p50) for row in rows
             for mode, load in (("cached", row.cached), ("uncached", row.uncached))
             if load and load.p50]  # fmt: skip
    small, large = list(results.values())[0], list(results.values())[-1]
    growth, relative = [], []
    for a, b in zip(small, large, strict=True):
        for mode in ("cached", "uncached"):
            value = change(getattr(a, mode), getattr(b, mode))
            if value is not None:
                growth.append((a, mode, value))
            value = normalised_change(a, b, mode)
            if value is not None:
                relative.append((a, mode, value))

    def worst(items, key, reverse=False):
        return sorted(items, key=key, reverse=reverse)[:3]

    lines = ["| target | result |", "| --- | --- |"]
    missed = [f"{r.name} {v:.0f} %" for r, v in worst(cached, lambda x: x[1]) if v < 85]
    lines.append(
        f"| cached ≥ 85 % of (a) | {sum(v >= 85 for _, v in cached)}/{len(cached)} met"
        + (f"; lowest: {', '.join(missed)}" if missed else "")
        + " |"
    )
    for label, kind in (("detail pages", True), ("other pages", False)):
        target = UNCACHED_TARGET[kind]
        chosen = [(r, v) for r, v in uncached if (r.name in DETAIL_PAGES) == kind]
        missed = [f"{r.name} {v:.0f} %" for r, v in worst(chosen, lambda x: x[1]) if v < target]
        lines.append(
            f"| uncached {label} ≥ {target} % of (b) | "
            f"{sum(v >= target for _, v in chosen)}/{len(chosen)} met"
            + (f"; lowest: {', '.join(missed)}" if missed else "")
            + " |"
        )
    missed = [f"{r.name} ({m}) {v:+.0f} %" for r, m, v in worst(growth, lambda x: -x[2]) if v > 20]
    lines.append(
        f"| 100 → 10,000 items: median within 20 % | {sum(v <= 20 for *_, v in growth)}/"
        f"{len(growth)} met" + (f"; largest: {', '.join(missed)}" if missed else "") + " |"
    )
    missed = [f"{r.name} ({m}) {v:+.0f} %" for r, m, v in worst(relative, lambda x: -x[2])
              if v > 20]  # fmt: skip
    lines.append(
        f"| the same, relative to each page's baseline | {sum(v <= 20 for *_, v in relative)}/"
        f"{len(relative)} met" + (f"; largest: {', '.join(missed)}" if missed else "") + " |"
    )
    missed = [f"{r.name} ({m}) {v:.1f}×" for r, m, v in worst(tails, lambda x: -x[2]) if v >= 5]
    lines.append(
        f"| p99 < 5 × median | {sum(v < 5 for *_, v in tails)}/{len(tails)} met"
        + (f"; largest: {', '.join(missed)}" if missed else "")
        + " |"
    )
    if rewarms:
        times = [f"{size}: " + (f"{r.seconds:.2f} s" if r.seconds is not None else "not all")
                 for size, r in rewarms.items()]  # fmt: skip
        met = sum(r.seconds is not None and r.seconds <= REWARM_TARGET for r in rewarms.values())
        lines.append(
            f"| the 50 most visited pages back in the cache ≤ {REWARM_TARGET:.0f} s after a "
            f"publish | {met}/{len(rewarms)} met; {', '.join(times)} |"
        )
    return lines


def scaling_table(results: dict[str, list[Row]]) -> list[str]:
    small, large = list(results.values())[0], list(results.values())[-1]
    lines = [
        "| page | cached p50 ms (100 → 10,000) | change | relative | uncached p50 ms "
        "(100 → 10,000) | change | relative |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for a, b in zip(small, large, strict=True):
        cells = []
        for mode in ("cached", "uncached"):
            x, y = getattr(a, mode), getattr(b, mode)
            value = change(x, y)
            cells.append(f"{x.p50:.1f} → {y.p50:.1f}" if x and y else "–")
            cells.append(f"{value:+.0f} %" if value is not None else "–")
            value = normalised_change(a, b, mode)
            cells.append(f"{value:+.0f} %" if value is not None else "–")
        lines.append(f"| {a.name} | {' | '.join(cells)} |")
    lines.append(
        "\n*relative*: the change of the page's median divided by its baseline's median, each "
        "baseline measured just after its page on the same server, which takes out most of the "
        "difference in the machine's load between the two moments."
    )
    return lines


def report(args, info, results, static, headers, transfer, seconds, rewarms=None) -> str:
    lines = [
        START,
        "",
        f"Run of {datetime.date.today().isoformat()}, {seconds / 60:.0f} minutes. "
        f"Machine: {info['machine']}; {info['load']}.",
        f"Python {info['python']}, Django {info['django']}, {info['gunicorn']} (2 sync workers), "
        f"PostgreSQL {info['postgresql']}, psycopg {info['psycopg']}, {info['wrk']}; cache: "
        f"{info['cache']}.",
        "",
        "Commands: `make bench`, which runs `.venv/bin/python -m tests.benchmarks.pages "
        f"--duration {args.duration} --connections {args.connections}`; each figure is "
        f"`wrk -t2 -c{args.connections} -d{args.duration}s --timeout 30s --latency <url>` against "
        "`gunicorn relacions.wsgi:application --workers 2 --worker-class sync --bind "
        "127.0.0.1:<port> --no-control-socket` with DEBUG off (PAGE_CACHE=false for the uncached "
        "columns).",
        "",
    ]
    for size, rows in results.items():
        loads = info.get(f"load {size}")
        load = f" (load average {loads[0]:.1f} before, {loads[1]:.1f} after)" if loads else ""
        lines += [f"#### {size}{load}", "", *size_table(rows), ""]
        split = cpu_table(rows)
        if split:
            lines += ["CPU ms per request, gunicorn + Redis + PostgreSQL:", "", *split, ""]
        if rewarms and size in rewarms:
            lines += rewarm_paragraph(rewarms[size])
    if len(results) > 1:
        lines += ["#### From 100 to 10,000 items", "", *scaling_table(results), ""]
        lines += ["#### Targets", "", *verdicts(results, rewarms), ""]
    if transfer:
        kinds = ", ".join(f"{kind} {size / 1024:.1f} KB" for kind, size in
                          sorted(transfer["by_type"].items(), key=lambda x: -x[1]))  # fmt: skip
        lines += [
            "#### Home page transfer at 1280 px",
            "",
            f"{transfer['total'] / 1024:.1f} KB in {transfer['requests']} requests "
            f"({kinds}; {transfer['stylesheets']} stylesheet, {transfer['scripts']} scripts, "
            f"{transfer['images']} images), target ≤ 150 KB: "
            f"{'met' if transfer['total'] <= 150 * 1024 else 'missed'}. Measured with Playwright "
            "and Chromium (viewport 1280×800, until the network is idle, nothing scrolled), "
            "bodies as received plus headers; the HTML is sent uncompressed by gunicorn.",
            "",
        ]
    if static:
        lines += [
            "#### Static files",
            "",
            f"`collectstatic` wrote {static.get('br', 0)} Brotli and {static.get('gz', 0)} gzip "
            f"copies. The one stylesheet, `{static.get('css', '?')}`: "
            f"{static.get('css_bytes', 0) / 1024:.1f} KB, {static.get('css_gz', 0) / 1024:.1f} KB "
            f"gzipped, {static.get('css_br', 0) / 1024:.1f} KB with Brotli; served with "
            f"`Cache-Control: {headers.get('Cache-Control', '?')}` and "
            f"`Content-Encoding: {headers.get('Content-Encoding', '?')}`.",
            "",
        ]
    lines.append(END)
    return "\n".join(lines)


def write(output: Path, section: str, *, start: str = START, end: str = END,
          heading: str = "## Pages") -> None:  # fmt: skip
    """Put `section` (which begins with `start` and ends with `end`) in place of what stands
    between those markers in `output`; at the end, under `heading`, the first time."""
    text = output.read_text() if output.exists() else "# Benchmarks\n"
    if start in text and end in text:
        before, rest = text.split(start, 1)
        text = before + section + rest.split(end, 1)[1]
    else:
        text = text.rstrip("\n") + f"\n\n{heading}\n\n" + section + "\n"
    output.write_text(text)


# --- Main -------------------------------------------------------------------------------------


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "BENCHMARKS.md")
    parser.add_argument("--sizes", default=",".join(SIZES), help="comma-separated: 100,10000")
    parser.add_argument("--pages", default="", help="comma-separated page names (default: all)")
    parser.add_argument("--no-transfer", dest="transfer", action="store_false")
    parser.add_argument(
        "--no-rewarm", dest="rewarm", action="store_false", help="skip the re-warm after a publish"
    )
    parser.add_argument("--json", type=Path, help="also write every figure to this JSON file")
    args = parser.parse_args(argv)
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: apt-get install -y wrk (make bench does it).")

    started = time.monotonic()
    database_url = bench_url(server_url())
    folder = Path(tempfile.mkdtemp(prefix="relacions-bench-"))
    log = folder / "gunicorn.log"
    env = environment(database_url, folder)
    os.environ.update(env)
    redis = Redis()
    if redis.url:
        env["REDIS_URL"] = os.environ["REDIS_URL"] = redis.url
    try:
        say(f"Database {DATABASE}: created afresh; files in {folder}")
        recreate_database(database_url)
        manage(env, "migrate", "--no-input", "-v", "0")
        manage(env, "collectstatic", "--no-input", "-v", "0")
        manage(env, "load_demo_content")
        static = static_report(folder)
        headers = static_headers(env, log, static["css"]) if static.get("css") else {}
        info = versions(env, redis)
        database = postmaster_pid(database_url)
        if database is None:
            say("The PostgreSQL server is not on this machine: its CPU time is not counted.")
        results: dict[str, list[Row]] = {}
        rewarms: dict[str, Rewarm] = {}
        transfer = None
        chosen = [size for size in args.sizes.split(",") if size in SIZES]
        for size in chosen:
            counts = SIZES[size]
            say(f"{size}: generating content {counts}")
            scale_data(env, "-v", "0", *(f"--{name}={value}" for name, value in counts.items()))
            import psycopg

            with psycopg.connect(database_url.replace("postgres://", "postgresql://", 1),
                                 autocommit=True) as db:  # fmt: skip
                db.execute("VACUUM ANALYZE")
            paths = page_paths()
            wanted = [name.strip() for name in args.pages.split(",") if name.strip()]
            rows = [Row(name, path) for name, path in paths.items() if not wanted or name in wanted]
            popular = popular_paths() if args.rewarm else None
            loads = [os.getloadavg()[0]]
            measured, rewarmed = measure(
                env, rows, args, log, transfer=args.transfer and size == chosen[-1],
                cache=redis.process.pid if redis.process else None, database=database,
                popular=popular,
            )  # fmt: skip
            loads.append(os.getloadavg()[0])
            info[f"load {SIZE_TITLES[size]}"] = loads
            transfer = measured or transfer
            results[SIZE_TITLES[size]] = rows
            if rewarmed:
                rewarms[SIZE_TITLES[size]] = rewarmed
        seconds = time.monotonic() - started
        section = report(args, info, results, static, headers, transfer, seconds, rewarms)
        write(args.output, section)
        if args.json:
            args.json.write_text(json.dumps({
                "date": datetime.date.today().isoformat(), "minutes": round(seconds / 60, 1),
                "info": info, "static": static, "transfer": transfer,
                "sizes": {size: {"rows": [asdict(row) for row in rows],
                                 "rewarm": asdict(rewarms[size]) if size in rewarms else None}
                          for size, rows in results.items()},
            }, indent=2, ensure_ascii=False))  # fmt: skip
        say(f"Written to {args.output} ({seconds / 60:.1f} minutes)")
        print(section)
    finally:
        redis.stop()
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
