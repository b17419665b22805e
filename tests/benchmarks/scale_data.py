"""Content at a given size, for benchmarks only: never run it against a real site's database.

    python -m tests.benchmarks.scale_data --news 10000 --events 2000 --networks 50 --objectives 200

(with the site's settings, or DJANGO_SETTINGS_MODULE's; tests/benchmarks/pages.py runs it at each
size). A module beside the benchmarks rather than a management command: no site needs it.

Every item is published, in Catalan, Spanish and English, with the office's own vocabulary, and
linked as an editor would link it (news to networks, forums, events and objectives; events to
networks, forums and objectives; memberships, forums, working groups and positions for each
network; a current Pla de Mandat with axes, objectives and progress updates). A few images are
made once and reused by everything. Rows are written with `bulk_create`, so nothing is sanitised
or indexed on the way: the texts are plain, and the search index is rebuilt at the end
(`rebuild_search_index`, when the search app is installed).

Generated rows carry slugs starting with `scale-`; each run first deletes those of the previous
one, so running it twice gives the same content (`--clear` only deletes). Models are looked up
by name, so it runs with whichever content apps are installed.
"""

import io
import os
import random
import sys
import time
from datetime import date, timedelta

import django
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone, translation

from relacions.core.signals import content_changed

PREFIX = "scale-"
LANGUAGES = ("ca", "es", "en")
BATCH = 1000
BAR_WIDTH = 30
IMAGES = 4

# (ca, es, en): subjects and places of the office's work.
SUBJECTS = [
    ("Fòrum de Cultura", "Foro de Cultura", "Culture Forum"),
    ("xarxa de ciutats europees", "red de ciudades europeas", "network of European cities"),
    ("cooperació internacional", "cooperación internacional", "international cooperation"),
    ("agermanament", "hermanamiento", "twinning"),
    ("fons europeus", "fondos europeos", "European funds"),
    ("acció climàtica", "acción climática", "climate action"),
    ("innovació urbana", "innovación urbana", "urban innovation"),
    ("participació ciutadana", "participación ciudadana", "citizen participation"),
    ("joventut i educació", "juventud y educación", "youth and education"),
    ("marca de ciutat", "marca de ciudad", "city branding"),
    ("ciutats intermèdies", "ciudades intermedias", "intermediary cities"),
    ("economia circular", "economía circular", "circular economy"),
]
PLACES = ["Brussel·les", "Leeds", "Pamiers", "Tecoluca", "Tetuan", "Lisboa", "Lió", "Bolonya",
          "Terrassa", "Rotterdam", "Gdańsk", "Porto"]  # fmt: skip
KINDS = [
    ("Jornada sobre {s} a {p}", "Jornada sobre {s} en {p}", "Conference on {s} in {p}"),
    ("Reunió de la {s} a {p}", "Reunión de la {s} en {p}", "Meeting of the {s} in {p}"),
    ("Terrassa presenta la seva experiència en {s}", "Terrassa presenta su experiencia en {s}",
     "Terrassa presents its experience in {s}"),
    ("Nou projecte de {s} amb {p}", "Nuevo proyecto de {s} con {p}", "New {s} project with {p}"),
]  # fmt: skip
SENTENCES = [
    ("L'Ajuntament de Terrassa participa en la trobada sobre {s} celebrada a {p}.",
     "El Ayuntamiento de Terrassa participa en el encuentro sobre {s} celebrado en {p}.",
     "Terrassa City Council takes part in the meeting on {s} held in {p}."),
    ("Les ciutats de la xarxa comparteixen polítiques públiques i bones pràctiques.",
     "Las ciudades de la red comparten políticas públicas y buenas prácticas.",
     "The cities of the network share public policies and good practice."),
    ("El Servei de Relacions Europees i Internacionals coordina la participació de la ciutat.",
     "El Servicio de Relaciones Europeas e Internacionales coordina la participación de la ciudad.",
     "The European and International Relations Service coordinates the city's participation."),
    ("Aquesta acció contribueix als objectius del Pla de Mandat.",
     "Esta acción contribuye a los objetivos del Plan de Mandato.",
     "This action contributes to the objectives of the Mandate Plan."),
]  # fmt: skip


def model(label: str):
    return apps.get_model(label)


def per_language(field: str, texts: tuple[str, ...]) -> dict[str, str]:
    values = {f"{field}_{language}": text for language, text in zip(LANGUAGES, texts, strict=True)}
    values[field] = texts[0]
    return values


def slugs(kind: str, n: int) -> dict[str, str]:
    values = {f"slug_{language}": f"{PREFIX}{kind}-{n}-{language}" for language in LANGUAGES}
    values["slug"] = values["slug_ca"]
    return values


class Text:
    """Titles and bodies in the three languages, from a seeded random generator."""

    def __init__(self, seed: int):
        self.random = random.Random(seed)

    def title(self, n: int) -> tuple[str, str, str]:
        kind, subject = self.random.choice(KINDS), self.random.choice(SUBJECTS)
        place = self.random.choice(PLACES)
        return tuple(  # type: ignore[return-value]
            f"{kind[i].format(s=subject[i], p=place)} ({n})" for i in range(3)
        )

    def paragraphs(self, count: int) -> tuple[str, str, str]:
        chosen = [
            (
                self.random.choice(SENTENCES),
                self.random.choice(SUBJECTS),
                self.random.choice(PLACES),
            )
            for _ in range(count)
        ]
        return tuple(  # type: ignore[return-value]
            "".join(f"<p>{s[i].format(s=subject[i], p=place)}</p>" for s, subject, place in chosen)
            for i in range(3)
        )

    def sentence(self) -> tuple[str, str, str]:
        sentence, subject = self.random.choice(SENTENCES), self.random.choice(SUBJECTS)
        place = self.random.choice(PLACES)
        return tuple(sentence[i].format(s=subject[i], p=place) for i in range(3))  # type: ignore[return-value]


class Command(BaseCommand):
    help = "Generate published content at a given size, for benchmarks only (see the module)."

    def add_arguments(self, parser):
        parser.add_argument("--news", type=int, default=10000)
        parser.add_argument("--events", type=int, default=2000)
        parser.add_argument("--networks", type=int, default=50)
        parser.add_argument("--objectives", type=int, default=200)
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument(
            "--clear", action="store_true", help="Only delete what an earlier run generated."
        )
        parser.add_argument(
            "--no-search-index", action="store_true", help="Do not rebuild the search index."
        )

    def handle(self, *args, **options):
        self.interactive = sys.stdout.isatty()
        self.text = Text(options["seed"])
        self.random = random.Random(options["seed"])
        started = time.monotonic()
        with translation.override("ca"):
            self.clear()
            if not options["clear"]:
                with transaction.atomic():
                    self.generate(options)
        if not options["no_search_index"] and "rebuild_search_index" in get_commands():
            call_command("rebuild_search_index", verbosity=options["verbosity"], stdout=self.stdout)
        elif not options["no_search_index"]:
            self.stdout.write("No search app installed: no search index to fill.")
        # bulk_create and the deletes of the models that send no signal: every cached page goes.
        content_changed.send(sender=Command)
        self.stdout.write(self.style.SUCCESS(f"Done in {time.monotonic() - started:.1f} s."))

    # --- Progress -----------------------------------------------------------------------------

    def progress(self, label: str, done: int, total: int) -> None:
        filled = BAR_WIDTH * done // total if total else BAR_WIDTH
        line = f"{label:<22} [{'#' * filled}{'-' * (BAR_WIDTH - filled)}] {done}/{total}"
        finished = done >= total
        if self.interactive:
            self.stdout.write(f"\r{line}", ending="\n" if finished else "")
            self.stdout.flush()
        elif finished or done % (BATCH * 5) == 0:
            self.stdout.write(line)

    def bulk(self, label: str, objects: list) -> list:
        """bulk_create in batches, with the progress bar."""
        if not objects:
            self.progress(label, 0, 0)
            return []
        created = []
        manager = type(objects[0])._base_manager
        for start in range(0, len(objects), BATCH):
            created += manager.bulk_create(objects[start : start + BATCH])
            self.progress(label, len(created), len(objects))
        return created

    def links(self, label: str, relation, pairs: set[tuple[int, int]]) -> None:
        """Rows of an M2M table: (from id, to id)."""
        through = relation.through
        source = relation.field.m2m_field_name()
        target = relation.field.m2m_reverse_field_name()
        rows = [through(**{f"{source}_id": a, f"{target}_id": b}) for a, b in sorted(pairs)]
        self.bulk(label, rows)

    # --- Clearing -----------------------------------------------------------------------------

    def clear(self) -> None:
        plan = model("mandate.Plan")
        generated = {
            "news.NewsItem": "slug_ca",
            "events.Event": "slug_ca",
            "networks.Forum": "slug_ca",
        }
        for label, field in generated.items():
            deleted, _ = (
                model(label)._base_manager.filter(**{f"{field}__startswith": PREFIX}).delete()
            )
            if deleted:
                self.stdout.write(f"Deleted {deleted} rows from the previous run ({label}).")
        networks = model("networks.Network")._base_manager.filter(slug_ca__startswith=PREFIX)
        for label in ("networks.Position", "networks.WorkingGroup", "networks.Membership"):
            model(label)._base_manager.filter(network__in=networks).delete()
        networks.delete()
        plans = plan._base_manager.filter(slug_ca__startswith=PREFIX)
        model("mandate.Objective")._base_manager.filter(plan__in=plans).delete()
        model("mandate.Axis")._base_manager.filter(plan__in=plans).delete()
        plans.delete()

    # --- Generating ---------------------------------------------------------------------------

    def generate(self, options) -> None:
        images = self.images()
        objectives = self.mandate(options["objectives"])
        networks, forums = self.networks(options["networks"], images, objectives)
        events = self.events(options["events"], images, networks, forums, objectives)
        self.news(options["news"], images, networks, forums, events, objectives)

    def images(self) -> list:
        """A few photographs, made once and kept between runs."""
        image_model = model("images.Image")
        existing = list(image_model.objects.filter(title_ca__startswith="Escala "))
        for n in range(len(existing), IMAGES):
            image = image_model(
                file=SimpleUploadedFile(f"scale-{n}.jpg", self.photo(n), "image/jpeg"),
                **per_language("title", (f"Escala {n}", f"Escala {n}", f"Scale {n}")),
                **per_language(
                    "alt_text",
                    (
                        "Una plaça de Terrassa amb gent passejant",
                        "Una plaza de Terrassa con gente paseando",
                        "A square in Terrassa with people walking",
                    ),
                ),  # fmt: skip
            )
            image.save()
            existing.append(image)
            self.progress("images", n + 1, IMAGES)
        return existing

    def photo(self, n: int) -> bytes:
        """A 1600×900 JPEG that weighs what a photograph does once resized (a 480 px WebP about
        30 KB): a gradient under a coarse grain that survives downscaling."""
        from PIL import Image as Picture

        gradient = Picture.linear_gradient("L").resize((1600, 900))
        noise = Picture.effect_noise((400, 225), 48).resize((1600, 900), Picture.Resampling.BICUBIC)
        tint = [(200, 120, 60), (60, 140, 200), (90, 170, 90), (180, 80, 140)][n % 4]
        picture = Picture.merge(
            "RGB",
            [Picture.blend(gradient, noise, 0.5).point(lambda v, c=c: v * c // 255) for c in tint],
        )
        buffer = io.BytesIO()
        picture.save(buffer, "JPEG", quality=85)
        return buffer.getvalue()

    def mandate(self, count: int) -> list[int]:
        plan_model, axis_model = model("mandate.Plan"), model("mandate.Axis")
        objective_model, update_model = model("mandate.Objective"), model("mandate.ProgressUpdate")
        plan = plan_model(
            status="published",
            start_year=2023,
            end_year=2027,
            is_current=True,
            **slugs("plan", 1),
            **per_language(
                "title",
                ("Pla de Mandat (escala)", "Plan de Mandato (escala)", "Mandate Plan (scale)"),
            ),  # fmt: skip
            **per_language("summary", self.text.sentence()),
        )
        plan.save()  # save(): the plan becomes the current one
        axes = self.bulk("axes", [
            axis_model(plan=plan, number=n + 1, order=n,
                       **per_language("title", self.text.title(n + 1)),
                       **per_language("description", self.text.sentence()))
            for n in range(8)
        ])  # fmt: skip
        objectives = self.bulk("objectives", [
            objective_model(
                plan=plan, axis=axes[n % len(axes)],
                code=f"{n % len(axes) + 1}.{n // len(axes) + 1}",
                weight=1 + n % 3, order=n,
                **per_language("title", self.text.title(n + 1)),
                **per_language("description", self.text.paragraphs(2)),
            )
            for n in range(count)
        ])  # fmt: skip
        statuses = ["not_started", "in_progress", "in_progress", "done", "deferred"]
        updates = [
            update_model(
                objective=objective, date=date(2024, 1, 1) + timedelta(days=90 * k + n % 60),
                status=statuses[(n + k) % len(statuses)], progress=min(100, 20 * k + n % 40),
                is_public=True, **per_language("note", self.text.sentence()),
            )
            for n, objective in enumerate(objectives)
            for k in range(3)
        ]  # fmt: skip
        self.bulk("progress updates", updates)
        return [objective.pk for objective in objectives]

    def networks(self, count: int, images: list, objectives: list[int]):
        network_model, forum_model = model("networks.Network"), model("networks.Forum")
        kinds = ["city-network", "city-network", "eu-body", "global"]
        networks = self.bulk("networks", [
            network_model(
                status="published", kind=kinds[n % len(kinds)], logo=images[n % len(images)],
                website=f"https://network-{n}.example.org/", **slugs("network", n),
                **per_language("name", (f"Xarxa {n} de ciutats", f"Red {n} de ciudades",
                                        f"City network {n}")),
                **per_language("description", self.text.paragraphs(3)),
                **per_language("headquarters", (PLACES[n % len(PLACES)],) * 3),
            )
            for n in range(count)
        ])  # fmt: skip
        membership_model = model("networks.Membership")
        memberships = []
        for n, network in enumerate(networks):
            memberships.append(membership_model(
                network=network, category="observer", status="ended",
                since=date(2000 + n % 10, 1, 1), until=date(2010 + n % 5, 12, 31),
            ))  # fmt: skip
            memberships.append(membership_model(
                network=network, category="full", status="active" if n % 5 else "ended",
                since=date(2011 + n % 5, 1, 1), until=None if n % 5 else date(2024, 12, 31),
            ))  # fmt: skip
        memberships = self.bulk("memberships", memberships)
        self.links("membership objectives", membership_model.objectives, {
            (m.pk, self.random.choice(objectives)) for m in memberships if objectives
        })  # fmt: skip
        forums = self.bulk("forums", [
            forum_model(
                status="published", network=network, chair_city=self.random.choice(PLACES),
                participating_since=date(2012 + k, 1, 1), **slugs("forum", 2 * n + k),
                **per_language("name", tuple(f"{s} ({n}.{k})" for s in self.random.choice(SUBJECTS))),  # noqa: E501
                **per_language("description", self.text.paragraphs(2)),
            )
            for n, network in enumerate(networks)
            for k in range(2)
        ])  # fmt: skip
        self.links("forum objectives", forum_model.objectives, {
            (forum.pk, self.random.choice(objectives)) for forum in forums if objectives
        })  # fmt: skip
        area_model = model("networks.ChallengeArea")
        self.bulk("challenge areas", [
            area_model(forum=forum, order=k, **per_language("name", self.random.choice(SUBJECTS)),
                       **per_language("description", self.text.sentence()))
            for forum in forums
            for k in range(3)
        ])  # fmt: skip
        group_model, position_model = model("networks.WorkingGroup"), model("networks.Position")
        groups = self.bulk("working groups", [
            group_model(network=forum.network, chair_city=self.random.choice(PLACES),
                        **per_language("name", self.random.choice(SUBJECTS)),
                        **per_language("mandate", self.text.sentence()))
            for forum in forums
        ])  # fmt: skip
        self.links("working group forums", group_model.forums, {
            (group.pk, forum.pk) for group, forum in zip(groups, forums, strict=True)
        })  # fmt: skip
        self.bulk("positions", [
            position_model(network=network, holder="Ajuntament de Terrassa",
                           start=date(2019, 1, 1),
                           **per_language("title", ("Membre del comitè", "Miembro del comité",
                                                    "Committee member")))
            for network in networks[::3]
        ])  # fmt: skip
        return networks, forums

    def events(self, count: int, images, networks, forums, objectives) -> list:
        event_model = model("events.Event")
        now = timezone.now().replace(minute=0, second=0, microsecond=0)
        # A fifth to come (one every day or so), the rest over the past years.
        events = []
        for n in range(count):
            ahead = n % 5 == 0
            offset = timedelta(days=(n // 5) + 1) if ahead else -timedelta(days=1 + n * 2 // 3)
            start = now + offset + timedelta(hours=9 - now.hour)
            events.append(event_model(
                status="published", start=start, end=start + timedelta(hours=3 + n % 20),
                image=images[n % len(images)] if n % 3 else None,
                forum=forums[n % len(forums)] if forums and n % 2 else None,
                city=self.random.choice(PLACES), country="ES",
                format=["in-person", "online", "hybrid"][n % 3],
                **slugs("event", n), **per_language("title", self.text.title(n)),
                **per_language("summary", self.text.sentence()),
                **per_language("body", self.text.paragraphs(4)),
                **per_language("venue", ("Sala de plens", "Salón de plenos", "Council chamber")),
            ))  # fmt: skip
        events = self.bulk("events", events)
        self.links("event networks", event_model.networks, {
            (e.pk, self.random.choice(networks).pk) for e in events for _ in range(2) if networks
        })  # fmt: skip
        self.links("event objectives", event_model.objectives, {
            (e.pk, self.random.choice(objectives)) for e in events if objectives
        })  # fmt: skip
        return events

    def news(self, count: int, images, networks, forums, events, objectives) -> None:
        news_model = model("news.NewsItem")
        today = timezone.localdate()
        items = self.bulk("news", [
            news_model(
                status="published", published_on=today - timedelta(days=n * 3650 // max(count, 1)),
                featured=n % 10 == 0, image=images[n % len(images)] if n % 4 else None,
                **slugs("news", n), **per_language("title", self.text.title(n)),
                **per_language("summary", self.text.sentence()),
                **per_language("body", self.text.paragraphs(6)),
            )
            for n in range(count)
        ])  # fmt: skip
        pick = self.random.choice
        self.links("news networks", news_model.networks, {
            (item.pk, pick(networks).pk) for item in items for _ in range(2) if networks
        })  # fmt: skip
        self.links("news forums", news_model.forums, {
            (item.pk, pick(forums).pk) for item in items[::2] if forums
        })  # fmt: skip
        self.links("news events", news_model.events, {
            (item.pk, pick(events).pk) for item in items[::3] if events
        })  # fmt: skip
        self.links("news objectives", news_model.objectives, {
            (item.pk, pick(objectives)) for item in items[::2] if objectives
        })  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "relacions.settings")
    django.setup()
    call_command(Command(), *(sys.argv[1:] if argv is None else argv))


if __name__ == "__main__":
    main()
