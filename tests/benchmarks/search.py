"""Search latency: the PostgreSQL full-text index against a naive `icontains` search.

    python -m tests.benchmarks.search [--objects 10000] [--rounds 20]

Builds a throwaway database (`bench_relacions_search`, dropped at the end) with `--objects`
public content objects (news, events, pages, networks) in Catalan, Spanish and English, about one
in six left untranslated (indexed with the Catalan text), indexes them with
`rebuild_search_index`, then times what the results page asks the database for one query: the
facet counts and the first page of results (with ranking and snippets). The baseline asks the
same two questions of the same rows (the index's stored titles and texts, same language and
publication rules) with `title ILIKE '%query%' OR text ILIKE '%query%'`, newest first. Each of
the fixed queries runs `--rounds` times per language, after a warm-up; the table gives the
median and the 95th percentile of all runs, and how many results each method found on average.

Not part of the test suite (pytest collects only test_*.py): timings depend on the machine.
"""

import argparse
import datetime
import os
import platform
import random
import statistics
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "relacions.settings")
os.environ.setdefault("RELACIONS_TESTING", "true")
os.environ["TEST_DATABASE_NAME"] = "bench_relacions_search"

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.db.models import Q  # noqa: E402
from django.utils import timezone  # noqa: E402

LANGUAGES = ("ca", "es", "en")
PAGE_SIZE = 10

# Parallel phrases in the three languages, the vocabulary of the office's own pages.
PHRASES = [
    (
        "la xarxa de ciutats europees",
        "la red de ciudades europeas",
        "the network of European cities",
    ),
    ("el fòrum de cultura", "el foro de cultura", "the culture forum"),
    ("la cooperació internacional", "la cooperación internacional", "international cooperation"),
    ("el Pla de Mandat de la ciutat", "el Plan de Mandato de la ciudad", "the city's mandate plan"),
    ("l'agermanament amb Pamiers", "el hermanamiento con Pamiers", "the twinning with Pamiers"),
    ("el desenvolupament sostenible", "el desarrollo sostenible", "sustainable development"),
    ("les polítiques públiques", "las políticas públicas", "public policies"),
    ("la participació ciutadana", "la participación ciudadana", "citizen participation"),
    ("el repte digital", "el reto digital", "the digital challenge"),
    (
        "la governança i el treball en xarxa",
        "la gobernanza y el trabajo en red",
        "governance and networking",
    ),
    (
        "la qualitat de vida dels ciutadans",
        "la calidad de vida de los ciudadanos",
        "citizens' quality of life",
    ),
    ("les institucions culturals", "las instituciones culturales", "cultural institutions"),
    ("la Comissió Europea", "la Comisión Europea", "the European Commission"),
    ("els fons europeus", "los fondos europeos", "European funds"),
    ("l'acció climàtica", "la acción climática", "climate action"),
    ("la joventut i l'educació", "la juventud y la educación", "youth and education"),
    (
        "les ciutats intermèdies de CGLU",
        "las ciudades intermedias de CGLU",
        "UCLG's intermediary cities",
    ),
    ("la innovació urbana", "la innovación urbana", "urban innovation"),
    (
        "el grup de treball de marca de ciutat",
        "el grupo de trabajo de marca de ciudad",
        "the city branding working group",
    ),
    (
        "la projecció internacional de Terrassa",
        "la proyección internacional de Terrassa",
        "Terrassa's international projection",
    ),
    ("una visita institucional", "una visita institucional", "an official visit"),
    (
        "l'intercanvi de bones pràctiques",
        "el intercambio de buenas prácticas",
        "the exchange of good practices",
    ),
    (
        "els objectius de desenvolupament sostenible",
        "los objetivos de desarrollo sostenible",
        "the sustainable development goals",
    ),
    ("la igualtat de gènere", "la igualdad de género", "gender equality"),
    ("la mobilitat sostenible", "la movilidad sostenible", "sustainable mobility"),
]
CITIES = [
    "Leeds", "Granada", "Tetouan", "Tecoluca", "Brussel·les", "Lisboa", "Bucarest", "Porto",
    "Gant", "Tampere", "Utrecht", "Bolonya", "Nantes", "Malmö", "Cracòvia", "Rotterdam",
]  # fmt: skip
CONNECTORS = {"ca": " i ", "es": " y ", "en": " and "}
OPENINGS = {
    "ca": ("Terrassa treballa en", "La reunió tracta", "El servei impulsa", "Es presenta"),
    "es": ("Terrassa trabaja en", "La reunión trata", "El servicio impulsa", "Se presenta"),
    "en": ("Terrassa works on", "The meeting covers", "The service promotes", "Presenting"),
}
IN_CITY = {"ca": "a", "es": "en", "en": "in"}

QUERIES = {
    "ca": [
        "cultura", "ciutats", "xarxa europea", '"pla de mandat"', "cooperació internacional",
        "agermanament", "sostenible -mobilitat", "eurocities or cglu", "accio climatica", "Leeds",
    ],
    "es": [
        "cultura", "ciudad", "red europea", '"plan de mandato"', "cooperación internacional",
        "hermanamiento", "sostenible -movilidad", "eurocities or cglu", "accion climatica", "Leeds",
    ],
    "en": [
        "culture", "cities", "european network", '"mandate plan"', "international cooperation",
        "twinning", "sustainable -mobility", "eurocities or uclg", "climate action", "Leeds",
    ],
}  # fmt: skip


def sentence(rng: random.Random, language: str, topic: list) -> str:
    first, second = rng.sample(topic, 2)
    index = LANGUAGES.index(language)
    text = f"{rng.choice(OPENINGS[language])} {first[index]}{CONNECTORS[language]}{second[index]}"
    if rng.random() < 0.3:
        text += f" {IN_CITY[language]} {rng.choice(CITIES)}"
    return text + "."


def texts(rng: random.Random, n: int, untranslated: bool) -> dict:
    """Title, slug, summary and body in each language (Catalan only when `untranslated`)."""
    state = rng.getstate()
    values = {}
    for language in LANGUAGES:
        # The same choices in each language: the three texts are translations of each other.
        rng.setstate(state)
        index = LANGUAGES.index(language)
        # Each object is about a few subjects, as real news are: a phrase is in about one
        # object in four.
        topic = rng.sample(PHRASES, 5)
        title = topic[0][index].capitalize() + f" ({n})"
        summary = " ".join(sentence(rng, language, topic) for _ in range(2))
        body = "".join(
            f"<p>{sentence(rng, language, topic)}</p>" for _ in range(rng.randint(6, 14))
        )
        if untranslated and language != "ca":
            title = summary = body = ""
        values |= {
            f"title_{language}": title,
            f"slug_{language}": f"bench-{n}-{language}" if title else "",
            f"summary_{language}": summary,
            f"body_{language}": body,
        }
    return values


def build_content(count: int) -> dict[str, int]:
    from relacions.core.models import Publishable
    from relacions.events.models import Event
    from relacions.networks.models import Network
    from relacions.news.models import NewsItem
    from relacions.pages.models import Page

    rng = random.Random(20191009)
    now = timezone.now()
    shares = {"news": 0.6, "events": 0.25, "pages": 0.1, "networks": 0.05}
    made = {}
    n = 0
    published = Publishable.Status.PUBLISHED
    for kind, share in shares.items():
        objects = []
        for _ in range(int(count * share)):
            n += 1
            values = texts(rng, n, untranslated=rng.random() < 1 / 6)
            if kind == "news":
                objects.append(
                    NewsItem(
                        status=published,
                        published_on=now.date() - datetime.timedelta(days=n % 3000),
                        **values,
                    )
                )
            elif kind == "events":
                start = now - datetime.timedelta(days=n % 2000 - 200)
                values["venue_ca"] = rng.choice(CITIES)
                objects.append(
                    Event(
                        status=published,
                        start=start,
                        end=start + datetime.timedelta(hours=3),
                        **values,
                    )
                )
            elif kind == "pages":
                objects.append(Page(status=published, **values))
            else:
                renamed = {"title": "name", "body": "description"}
                values = {
                    renamed.get(key[:-3], key[:-3]) + key[-3:]: value
                    for key, value in values.items()
                    if not key.startswith("summary_")
                }
                objects.append(Network(status=published, **values))
        model = type(objects[0])
        model.objects.bulk_create(objects, batch_size=1000)
        made[kind] = len(objects)
    return made


def full_text(query: str, language: str) -> int:
    from relacions.search.models import SearchEntry

    entries = SearchEntry.objects.matching(query, language=language)
    counts = entries.facet_counts()
    page = list(entries.for_results(query, language=language)[:PAGE_SIZE])
    [entry.snippet for entry in page]
    return sum(counts.values())


def naive(query: str, language: str) -> int:
    from relacions.search.models import SearchEntry

    entries = SearchEntry.objects.visible().filter(
        Q(title__icontains=query) | Q(text__icontains=query), language=language
    )
    counts = entries.facet_counts()
    list(entries.only("title", "url", "date").order_by("-date", "-pk")[:PAGE_SIZE])
    return sum(counts.values())


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


METHODS = (("full text (GIN index)", full_text), ("naive icontains", naive))


def measure(rounds: int) -> tuple[dict, dict]:
    """({method: summary of every run}, {(query number, method): (median ms, results)})."""
    overall, per_query = {}, {}
    for name, method in METHODS:
        for language in LANGUAGES:
            for query in QUERIES[language]:
                method(query, language)  # warm-up
        times, found = [], []
        by_query: dict[int, list] = {}
        for _ in range(rounds):
            for language in LANGUAGES:
                for number, query in enumerate(QUERIES[language]):
                    started = time.perf_counter()
                    count = method(query, language)
                    elapsed = (time.perf_counter() - started) * 1000
                    times.append(elapsed)
                    found.append(count)
                    by_query.setdefault(number, []).append((elapsed, count))
        overall[name] = {
            "median": statistics.median(times),
            "p95": percentile(times, 0.95),
            "found": statistics.mean(found),
            "runs": len(times),
        }
        for number, runs in by_query.items():
            per_query[number, name] = (
                statistics.median(t for t, _n in runs),
                statistics.mean(n for _t, n in runs),
            )
    return overall, per_query


def postponed_headline() -> bool:
    """Whether PostgreSQL computes ts_headline only for the page's rows (after the Limit)."""
    from relacions.search.models import SearchEntry

    sql, params = (
        SearchEntry.objects.matching("cultura", language="ca")
        .for_results("cultura", language="ca")[:PAGE_SIZE]
        .query.sql_with_params()
    )
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (VERBOSE, COSTS OFF) {sql}", params)
        plan = [row[0] for row in cursor.fetchall()]
    # Postponed: the Sort's rows do not carry it; the node above the Sort computes it.
    sort = next(i for i, line in enumerate(plan) if "->  Sort" in line)
    return "ts_headline" not in plan[sort + 1] and any(
        "ts_headline" in line for line in plan[:sort]
    )


def machine() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        server = cursor.fetchone()[0]
    model = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{os.cpu_count()} cores ({model}), Python {platform.python_version()}, PostgreSQL {server}"
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--objects", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=20)
    options = parser.parse_args(argv)

    from relacions.search.models import SearchEntry
    from relacions.search.services import rebuild_index

    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        started = time.perf_counter()
        made = build_content(options.objects)
        created = time.perf_counter() - started
        started = time.perf_counter()
        written = sum(rebuild_index().values())
        rebuilt = time.perf_counter() - started
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE search_searchentry")
            cursor.execute(
                "SELECT pg_size_pretty(pg_total_relation_size('search_searchentry')),"
                " pg_size_pretty(pg_relation_size('search_entry_document'))"
            )
            table_size, gin_size = cursor.fetchone()
        results, per_query = measure(options.rounds)
        postponed = postponed_headline()
        entries = SearchEntry.objects.count()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)

    print(f"Date: {datetime.date.today().isoformat()}")
    print(f"Machine: {machine()}")
    print(
        f"Data: {sum(made.values())} objects ({', '.join(f'{n} {k}' for k, n in made.items())}), "
        f"{entries} entries ({written} written by the rebuild in {rebuilt:.1f} s; content made in "
        f"{created:.1f} s); index table {table_size}, GIN index {gin_size}"
    )
    print(f"Snippets computed only for the page's rows: {'yes' if postponed else 'NO'}")
    print()
    print("| method | median (ms) | p95 (ms) | results found (mean) | runs |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, row in results.items():
        figures = f"{row['median']:.1f} | {row['p95']:.1f} | {row['found']:.0f} | {row['runs']}"
        print(f"| {name} | {figures} |")
    print()
    print("Per query (the three languages together): median ms / results found (mean)")
    print()
    print("| query (ca · es · en) | " + " | ".join(name for name, _m in METHODS) + " |")
    print("| --- | " + " | ".join("---:" for _m in METHODS) + " |")
    for number in range(len(QUERIES["ca"])):
        label = " · ".join(f"`{QUERIES[language][number]}`" for language in LANGUAGES)
        cells = ["{:.1f} / {:.0f}".format(*per_query[number, name]) for name, _method in METHODS]
        print(f"| {label} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
