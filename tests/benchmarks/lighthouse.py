"""Lighthouse audit of the public pages: accessibility, best practices, SEO and performance.

    python -m tests.benchmarks.lighthouse [--runs 3] [--languages ca,es,en] [--pages home,…]
                                          [--reports DIR] [--output docs/BENCHMARKS.md]

(`make lighthouse` runs it, with the database running.) What it does, in one run:

1. Creates the database `relacions_lighthouse` (dropped first if it exists) on the server of
   DATABASE_URL, or on the embedded cluster; never another database. Migrates it, collects the
   static files into a temporary folder, creates the staff roles, loads the demo content and
   builds the search index: the site as `make run` shows it, nothing generated.
2. Serves it as production does: gunicorn (2 sync workers) on 127.0.0.1 with the site's own
   settings, DEBUG off, the page cache on, static files hashed and compressed by WhiteNoise, a
   private Redis as the cache when `redis-server` is installed (the helpers of
   tests/benchmarks/pages.py).
3. For each page (home, news list, news item, event, network, Pla de Mandat) in each language,
   fetches it until the cache has it, then runs `node_modules/.bin/lighthouse <url>
   --preset=desktop` in Debian's Chromium (CHROME_PATH=/usr/bin/chromium) `--runs` times and
   keeps the run with the median performance score (Lighthouse's own advice for a score that
   varies from run to run; the other three categories do not vary).
4. Writes the table of the four category scores, with the audits that keep a score below its
   target, between the markers of the "Lighthouse" section of `--output`, and exits with 1 when
   a page misses a target.

Targets (issue 10): accessibility 100, best practices ≥ 95, SEO 100, performance ≥ 95.
"""

import argparse
import datetime
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.benchmarks.pages import (
    ROOT,
    Redis,
    Server,
    bench_url,
    environment,
    fetch,
    manage,
    recreate_database,
    say,
    server_url,
    write,
)

DATABASE = "relacions_lighthouse"
START = "<!-- lighthouse:start (tests/benchmarks/lighthouse.py writes what follows) -->"
END = "<!-- lighthouse:end -->"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME = "/usr/bin/chromium"
CHROME_FLAGS = "--headless=new --no-sandbox"
CATEGORIES = {  # Lighthouse's id: (column title, target score 0–100)
    "performance": ("performance", 95),
    "accessibility": ("accessibility", 100),
    "best-practices": ("best practices", 95),
    "seo": ("SEO", 100),
}
PAGES = ("home", "news list", "news item", "event", "network", "Pla de Mandat")
LANGUAGES = ("ca", "es", "en")
RUNS = 3
RETRIED: list[str] = []  # "path: error" of each run tried again


@dataclass
class Result:
    page: str
    language: str
    url: str
    scores: dict[str, int] = field(default_factory=dict)  # category id → 0–100
    failed: dict[str, list[str]] = field(default_factory=dict)  # category id → audit ids
    performance_runs: list[int] = field(default_factory=list)
    metrics: dict[str, float] = field(default_factory=dict)  # ms (CLS: unitless)


def page_paths(languages: list[str]) -> dict[tuple[str, str], str]:
    """The address of each audited page in each language, found in the demo content."""
    import django

    django.setup()
    from django.apps import apps
    from django.urls import reverse
    from django.utils import translation

    news = apps.get_model("news.NewsItem").objects.published()
    item = news.order_by("-published_on", "-pk").first()
    events = apps.get_model("events.Event").objects
    event = events.upcoming().first() or events.published().order_by("-start").first()
    networks = apps.get_model("networks.Network").objects.published()
    network = networks.filter(slug_ca="eurocities").first() or networks.order_by("pk").first()
    if not (item and event and network):
        sys.exit("The demo content has no published news item, event or network.")
    paths = {}
    for language in languages:
        with translation.override(language):
            paths |= {
                ("home", language): reverse("pages:home"),
                ("news list", language): reverse("news:list"),
                ("news item", language): item.get_absolute_url(),
                ("event", language): event.get_absolute_url(),
                ("network", language): network.get_absolute_url(),
                ("Pla de Mandat", language): reverse("mandate:overview"),
            }
    return paths


def lighthouse(url: str, report: Path, attempts: int = 3) -> dict:
    """One Lighthouse run. Lighthouse sometimes fails to record the page load's trace
    (`NO_NAVSTART`, "Please run Lighthouse again"): such a run is tried again."""
    command = [
        str(LIGHTHOUSE), url, "--preset=desktop", f"--chrome-flags={CHROME_FLAGS}",
        "--output=json", f"--output-path={report}", "--quiet",
    ]  # fmt: skip
    for attempt in range(1, attempts + 1):
        report.unlink(missing_ok=True)
        result = subprocess.run(command, cwd=ROOT, env={**os.environ, "CHROME_PATH": CHROME},
                                capture_output=True, text=True, timeout=300)  # fmt: skip
        data = json.loads(report.read_text()) if report.exists() else {}
        error = data.get("runtimeError", {}).get("code") if data else None
        if not result.returncode and data and not error:
            return data
        message = error or (result.stderr.strip().splitlines() or ["no report"])[-1]
        say(f"  lighthouse on {url}, attempt {attempt} of {attempts}: {message}")
        RETRIED.append(f"{url.split('/', 3)[-1]}: {message}")
    sys.exit(f"lighthouse failed on {url}:\n{result.stdout}\n{result.stderr}")


def score(data: dict, category: str) -> int:
    value = data["categories"][category]["score"]
    return round(100 * value) if value is not None else 0


def failed_audits(data: dict, category: str) -> list[str]:
    """The audits of `category` that cost it points (weighted, score below 1), worst first;
    for performance, also the diagnostics Lighthouse flags (score below 0.9)."""
    audits = data["audits"]
    found = []
    for ref in data["categories"][category]["auditRefs"]:
        audit = audits.get(ref["id"], {})
        value = audit.get("score")
        if value is None or audit.get("scoreDisplayMode") not in {"binary", "numeric",
                                                                  "metricSavings"}:  # fmt: skip
            continue
        if (ref.get("weight", 0) > 0 and value < 1) or (category == "performance" and value < 0.9):
            found.append((value, ref["id"]))
    return [audit_id for _, audit_id in sorted(found)]


def audit_page(base: str, result: Result, runs: int, folder: Path, keep: Path | None) -> None:
    for _ in range(3):  # until the page cache has it, in every worker
        status, _body, _headers = fetch(base + result.url)
        if status != 200:
            sys.exit(f"{result.page} ({result.language}): {result.url} answered {status}")
    reports = []
    for run in range(runs):
        path = folder / f"{result.page.replace(' ', '-')}-{result.language}-{run}.json"
        reports.append((lighthouse(base + result.url, path), path))
    result.performance_runs = [score(data, "performance") for data, _ in reports]
    median = statistics.median_low(result.performance_runs)
    data, path = next((d, p) for d, p in reports if score(d, "performance") == median)
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, keep / path.name.replace(f"-{reports.index((data, path))}.", "."))
    for category, (_title, target) in CATEGORIES.items():
        result.scores[category] = score(data, category)
        if result.scores[category] < target:
            result.failed[category] = failed_audits(data, category)
    for metric in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                   "cumulative-layout-shift", "speed-index"):  # fmt: skip
        value = data["audits"].get(metric, {}).get("numericValue")
        if value is not None:
            result.metrics[metric] = value


def versions() -> dict[str, str]:
    def output(command, **kwargs):
        try:
            run = subprocess.run(command, capture_output=True, text=True, **kwargs)
            return run.stdout.strip().splitlines()[0]
        except (OSError, IndexError):
            return "?"

    return {
        "lighthouse": output([str(LIGHTHOUSE), "--version"]),
        "chromium": output([CHROME, "--version"]),
        "node": output(["node", "--version"]),
    }


def report(results: list[Result], info: dict, runs: int, seconds: float, options: str) -> str:
    columns = list(CATEGORIES)
    command = f"make lighthouse LIGHTHOUSE_ARGS='{options}'" if options else "make lighthouse"
    lines = [
        START,
        "",
        f"Run of {datetime.date.today().isoformat()}, {seconds / 60:.0f} minutes: Lighthouse "
        f"{info['lighthouse']}, {info['chromium']}, Node.js {info['node']}; load average "
        f"{info['load']:.2f} at the start.",
        "",
        f"Command: `{command}`; each cell is "
        f"`CHROME_PATH={CHROME} node_modules/.bin/lighthouse <url> --preset=desktop "
        f'--chrome-flags="{CHROME_FLAGS}" --output=json --quiet`'
        + (f", the run with the median performance score of {runs}" if runs > 1 else "")
        + ".",
        "",
        "| page | lang | " + " | ".join(CATEGORIES[c][0] for c in columns) + " | LCP ms | TBT ms "
        "| CLS |",
        "| --- | --- | " + " | ".join("---:" for _ in columns) + " | ---: | ---: | ---: |",
    ]
    for result in results:
        cells = []
        for category in columns:
            value = result.scores[category]
            mark = "" if value >= CATEGORIES[category][1] else " ✗"
            spread = ""
            if category == "performance" and len(set(result.performance_runs)) > 1:
                spread = f" ({min(result.performance_runs)}–{max(result.performance_runs)})"
            cells.append(f"{value}{spread}{mark}")
        metrics = result.metrics
        lines.append(
            f"| {result.page} | {result.language} | {' | '.join(cells)} | "
            f"{metrics.get('largest-contentful-paint', 0):.0f} | "
            f"{metrics.get('total-blocking-time', 0):.0f} | "
            f"{metrics.get('cumulative-layout-shift', 0):.3f} |"
        )
    addresses = [f"{r.page} `{r.url}`" for r in results if r.language == results[0].language]
    lines += ["", f"Addresses ({results[0].language}): " + ", ".join(addresses) + "."]
    lines += ["", "Targets: " + ", ".join(
        f"{title} {'' if target == 100 else '≥ '}{target}" for title, target in CATEGORIES.values()
    ) + "."]  # fmt: skip
    missed = [r for r in results if r.failed]
    met = sum(
        all(r.scores[c] >= CATEGORIES[c][1] for c in columns) for r in results
    )  # fmt: skip
    lines.append(f"{met} of {len(results)} pages meet all four.")
    if RETRIED:
        lines.append(
            f"{len(RETRIED)} run(s) failed and were tried again: "
            + "; ".join(f"`/{retry}`" for retry in RETRIED)
            + "."
        )
    if missed:
        lines += ["", "Audits below target:", ""]
        for result in missed:
            for category, audits in result.failed.items():
                lines.append(
                    f"- {result.page} ({result.language}), {CATEGORIES[category][0]} "
                    f"{result.scores[category]}: {', '.join(f'`{a}`' for a in audits) or '–'}"
                )
    lines += ["", END]
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=RUNS, help="runs per page (the median)")
    parser.add_argument("--languages", default=",".join(LANGUAGES))
    parser.add_argument("--pages", default="", help="comma-separated page names (default: all)")
    parser.add_argument("--reports", type=Path, help="keep each page's JSON report here")
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "BENCHMARKS.md")
    parser.add_argument("--no-write", dest="write", action="store_false",
                        help="print the section without writing --output")  # fmt: skip
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        sys.exit(f"{LIGHTHOUSE.relative_to(ROOT)} is missing: npm ci (make install does it).")
    if not Path(CHROME).exists():
        sys.exit(f"{CHROME} is missing: apt-get install -y chromium.")
    languages = [code for code in args.languages.split(",") if code in LANGUAGES]
    wanted = [name.strip() for name in args.pages.split(",") if name.strip()]

    started = time.monotonic()
    database_url = bench_url(server_url(), DATABASE)
    folder = Path(tempfile.mkdtemp(prefix="relacions-lighthouse-"))
    env = environment(database_url, folder)
    os.environ.update(env)
    redis = Redis()
    if redis.url:
        env["REDIS_URL"] = os.environ["REDIS_URL"] = redis.url
    server = None
    try:
        say(f"Database {DATABASE}: created afresh; files in {folder}")
        recreate_database(database_url, DATABASE)
        manage(env, "migrate", "--no-input", "-v", "0")
        manage(env, "collectstatic", "--no-input", "-v", "0")
        manage(env, "setup_roles")
        manage(env, "load_demo_content")
        manage(env, "rebuild_search_index", "-v", "0")
        info = versions() | {"load": os.getloadavg()[0]}
        paths = page_paths(languages)
        server = Server(env, page_cache=True, log=folder / "gunicorn.log",
                        settings="relacions.settings")  # fmt: skip
        results = []
        for (page, language), path in paths.items():
            if wanted and page not in wanted:
                continue
            result = Result(page, language, path)
            audit_page(server.base, result, args.runs, folder, args.reports)
            say(f"  {page:14} {language}  " + "  ".join(
                f"{CATEGORIES[c][0]} {v}" for c, v in result.scores.items()
            ) + (f"  below target: {result.failed}" if result.failed else ""))  # fmt: skip
            results.append(result)
        results.sort(key=lambda r: (PAGES.index(r.page), LANGUAGES.index(r.language)))
        seconds = time.monotonic() - started
        options = " ".join(
            [f"--runs {args.runs}"] * (args.runs != RUNS)
            + [f"--languages {','.join(languages)}"] * (languages != list(LANGUAGES))
            + [f'--pages "{",".join(wanted)}"'] * bool(wanted)
        )
        section = report(results, info, args.runs, seconds, options)
        if args.write:
            write(args.output, section, start=START, end=END, heading="## Lighthouse")
            say(f"Written to {args.output} ({seconds / 60:.1f} minutes)")
        print(section)
        return 1 if any(result.failed for result in results) else 0
    finally:
        if server is not None:
            server.stop()
        redis.stop()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
