"""Demo content for the agenda, in ca, es and en.

- The EUROCITIES Culture Forum in Leeds, 9–11 October 2019 (../shared/seed/): a past event,
  linked to EUROCITIES, its Culture Forum and the forum's challenge areas, and to the mandate
  objective 5.2, when the networks and mandate demo content is there (their loaders run first).
- Example events, each marked "(exemple)" / "(ejemplo)" / "(example)" in its title and body, with
  dates counted from the day they are loaded, so the agenda has upcoming and past events, online,
  hybrid, all-day, postponed and cancelled ones, and enough of them to fill two pages.

Loading twice changes nothing: an event whose Catalan slug exists is left as it is.
"""

from datetime import date, datetime, time, timedelta

from django.db.models import Q
from django.utils import timezone

from relacions.mandate.models import Objective
from relacions.networks.models import Forum, Network, WorkingGroup

from .models import Event

LANGUAGES = ("ca", "es", "en")
TRANSLATED = ("title", "slug", "summary", "body", "venue", "outcomes")

EXAMPLE_NOTE = {
    "ca": "<p><em>Activitat d'exemple del contingut de demostració: no descriu cap activitat "
    "real.</em></p>",
    "es": "<p><em>Actividad de ejemplo del contenido de demostración: no describe ninguna "
    "actividad real.</em></p>",
    "en": "<p><em>An example event from the demo content: it does not describe a real "
    "event.</em></p>",
}

LEEDS = {
    "title": {
        "ca": "Fòrum de Cultura de la xarxa EUROCITIES a Leeds",
        "es": "Foro de Cultura de la red EUROCITIES en Leeds",
        "en": "EUROCITIES Culture Forum in Leeds",
    },
    "slug": {
        "ca": "forum-cultura-eurocities-leeds-2019",
        "es": "foro-cultura-eurocities-leeds-2019",
        "en": "eurocities-culture-forum-leeds-2019",
    },
    "summary": {
        "ca": "Trobada del Fòrum de Cultura de la xarxa EUROCITIES, centrada en les ciutats "
        "inclusives mitjançant col·laboracions diverses.",
        "es": "Encuentro del Foro de Cultura de la red EUROCITIES, centrado en las ciudades "
        "inclusivas mediante colaboraciones diversas.",
        "en": "Meeting of the EUROCITIES Culture Forum, on inclusive cities through diverse "
        "partnerships.",
    },
    "body": {
        "ca": "<p>El fòrum cultural de la xarxa EUROCITIES va tenir lloc a Leeds del 9 a l'11 "
        "d'octubre de 2019 i es va centrar en ciutats inclusives mitjançant col·laboracions "
        "diverses. Mitjançant formats dinàmics, les ciutats participants van intercanviar "
        "pràctiques locals innovadores sobre com les noves associacions entre cultura i altres "
        "sectors fomenten les societats inclusives.</p>"
        "<p>El Fòrum de Cultura de la xarxa EUROCITIES treballa per promoure un major "
        "reconeixement de la cultura com a aspecte vital de les polítiques públiques i fomentar "
        "l'accés i la participació a la cultura per a tots. La xarxa considera que la cultura és "
        "fonamental per al desenvolupament sostenible de les ciutats europees: és un motor per al "
        "desenvolupament econòmic urbà i contribueix directament a millorar la qualitat de vida "
        "dels ciutadans.</p>"
        "<p>En la seva estratègia cultural, EUROCITIES identifica cinc reptes clau als quals "
        "s'enfronten actualment les administracions i les institucions culturals de les ciutats: "
        "el repte demogràfic, el repte de l'apoderament del públic, el repte de la governança i "
        "el treball en xarxa, el repte digital i el repte financer i organitzatiu.</p>",
        "es": "<p>El foro cultural de la red EUROCITIES tuvo lugar en Leeds del 9 al 11 de "
        "octubre de 2019 y se centró en las ciudades inclusivas mediante colaboraciones "
        "diversas. Mediante formatos dinámicos, las ciudades participantes intercambiaron "
        "prácticas locales innovadoras sobre cómo las nuevas asociaciones entre la cultura y "
        "otros sectores fomentan las sociedades inclusivas.</p>"
        "<p>El Foro de Cultura de la red EUROCITIES trabaja para promover un mayor "
        "reconocimiento de la cultura como aspecto vital de las políticas públicas y fomentar el "
        "acceso y la participación en la cultura para todos. La red considera que la cultura es "
        "fundamental para el desarrollo sostenible de las ciudades europeas: es un motor para el "
        "desarrollo económico urbano y contribuye directamente a mejorar la calidad de vida de "
        "los ciudadanos.</p>"
        "<p>En su estrategia cultural, EUROCITIES identifica cinco retos clave a los que se "
        "enfrentan actualmente las administraciones y las instituciones culturales de las "
        "ciudades: el reto demográfico, el reto del empoderamiento del público, el reto de la "
        "gobernanza y el trabajo en red, el reto digital y el reto financiero y organizativo.</p>",
        "en": "<p>The EUROCITIES Culture Forum took place in Leeds from 9 to 11 October 2019 and "
        "focused on inclusive cities through diverse partnerships. Through dynamic formats, the "
        "participating cities exchanged innovative local practices on how new partnerships "
        "between culture and other sectors foster inclusive societies.</p>"
        "<p>The EUROCITIES Culture Forum works for greater recognition of culture as a vital "
        "part of public policy and to promote access to and participation in culture for all. "
        "The network considers culture fundamental to the sustainable development of European "
        "cities: it is a driver of urban economic development and contributes directly to "
        "improving citizens' quality of life.</p>"
        "<p>In its culture strategy, EUROCITIES identifies five key challenges that city "
        "administrations and cultural institutions face today: the demographic challenge, the "
        "challenge of audience empowerment, the challenge of governance and networking, the "
        "digital challenge, and the financial and organisational challenge.</p>",
    },
}


def _example(spec: dict) -> dict:
    """An example event's texts: "(exemple)" after the title and the example note in the body."""
    marks = {"ca": "exemple", "es": "ejemplo", "en": "example"}
    return {
        **spec,
        "title": {lang: f"{text} ({marks[lang]})" for lang, text in spec["title"].items()},
        "body": {lang: f"<p>{spec['body'][lang]}</p>{EXAMPLE_NOTE[lang]}" for lang in LANGUAGES},
    }


# Each example (marked as one by `_example()` when loaded): `days` from today to its first day,
# `duration` in days (all-day events) or `start` / `end` times ("HH:MM", the same day unless
# `end_days` says otherwise).
EXAMPLES = [
    {
        "days": 12,
        "start": "10:00",
        "end": "11:30",
        "format": Event.Format.ONLINE,
        "terrassa_role": Event.Role.SPEAKER,
        "online_url": "https://www.example.org/webinar-fons-europeus",
        "registration_url": "https://www.example.org/inscripcio-webinar",
        "registration_days_before": 2,
        "title": {
            "ca": "Webinar sobre fons europeus per a ciutats mitjanes",
            "es": "Webinar sobre fondos europeos para ciudades medianas",
            "en": "Webinar on European funds for medium-sized cities",
        },
        "slug": {
            "ca": "exemple-webinar-fons-europeus",
            "es": "ejemplo-webinar-fondos-europeos",
            "en": "example-webinar-european-funds",
        },
        "summary": {
            "ca": "Terrassa explica com prepara les candidatures als programes europeus.",
            "es": "Terrassa explica cómo prepara las candidaturas a los programas europeos.",
            "en": "Terrassa explains how it prepares its applications to European programmes.",
        },
        "body": {
            "ca": "Una sessió en línia per compartir amb altres ciutats mitjanes l'experiència "
            "de Terrassa en la preparació de projectes europeus.",
            "es": "Una sesión en línea para compartir con otras ciudades medianas la experiencia "
            "de Terrassa en la preparación de proyectos europeos.",
            "en": "An online session to share with other medium-sized cities Terrassa's "
            "experience in preparing European projects.",
        },
    },
    {
        "days": 20,
        "start": "10:00",
        "end": "14:00",
        "format": Event.Format.IN_PERSON,
        "terrassa_role": Event.Role.HOST,
        "city": "Terrassa",
        "country": "ES",
        "registration_url": "https://www.example.org/inscripcio-agermanaments",
        "registration_days_before": 5,
        "venue": {
            "ca": "Sala de Plens de l'Ajuntament",
            "es": "Salón de Plenos del Ayuntamiento",
            "en": "City Council chamber",
        },
        "title": {
            "ca": "Trobada de les ciutats agermanades",
            "es": "Encuentro de las ciudades hermanadas",
            "en": "Meeting of the twin cities",
        },
        "slug": {
            "ca": "exemple-trobada-ciutats-agermanades",
            "es": "ejemplo-encuentro-ciudades-hermanadas",
            "en": "example-twin-cities-meeting",
        },
        "summary": {
            "ca": "Representants de Pamiers, Granada, Tetuan i Tecoluca es reuneixen a Terrassa.",
            "es": "Representantes de Pamiers, Granada, Tetuán y Tecoluca se reúnen en Terrassa.",
            "en": "Representatives of Pamiers, Granada, Tetouan and Tecoluca meet in Terrassa.",
        },
        "body": {
            "ca": "Una jornada de treball per revisar els projectes comuns dels agermanaments i "
            "acordar les properes activitats.",
            "es": "Una jornada de trabajo para revisar los proyectos comunes de los "
            "hermanamientos y acordar las próximas actividades.",
            "en": "A working day to review the twinnings' joint projects and agree on the next "
            "activities.",
        },
    },
    {
        "days": 28,
        "start": "11:00",
        "end": "13:00",
        "format": Event.Format.IN_PERSON,
        "terrassa_role": Event.Role.HOST,
        "event_status": Event.EventStatus.CANCELLED,
        "city": "Terrassa",
        "country": "ES",
        "title": {
            "ca": "Visita d'una delegació de Pamiers",
            "es": "Visita de una delegación de Pamiers",
            "en": "Visit of a delegation from Pamiers",
        },
        "slug": {
            "ca": "exemple-visita-delegacio-pamiers",
            "es": "ejemplo-visita-delegacion-pamiers",
            "en": "example-pamiers-delegation-visit",
        },
        "summary": {
            "ca": "Visita anul·lada: la delegació de la ciutat agermanada no podrà venir.",
            "es": "Visita cancelada: la delegación de la ciudad hermanada no podrá venir.",
            "en": "Visit cancelled: the delegation from the twin city cannot come.",
        },
        "body": {
            "ca": "La visita prevista de representants de Pamiers (França) s'ha anul·lat.",
            "es": "La visita prevista de representantes de Pamiers (Francia) se ha cancelado.",
            "en": "The planned visit of representatives of Pamiers (France) has been cancelled.",
        },
    },
    {
        "days": 35,
        "start": "09:30",
        "end": "13:30",
        "format": Event.Format.HYBRID,
        "terrassa_role": Event.Role.HOST,
        "city": "Terrassa",
        "country": "ES",
        "online_url": "https://www.example.org/jornada-cultura-inclusio",
        "network": "EUROCITIES",
        "venue": {
            "ca": "Centre Cultural Terrassa",
            "es": "Centro Cultural Terrassa",
            "en": "Terrassa Cultural Centre",
        },
        "title": {
            "ca": "Jornada sobre cultura i inclusió social",
            "es": "Jornada sobre cultura e inclusión social",
            "en": "Conference on culture and social inclusion",
        },
        "slug": {
            "ca": "exemple-jornada-cultura-inclusio",
            "es": "ejemplo-jornada-cultura-inclusion",
            "en": "example-culture-inclusion-conference",
        },
        "summary": {
            "ca": "Pràctiques de ciutats europees que uneixen cultura i inclusió, a la sala i en "
            "línia.",
            "es": "Prácticas de ciudades europeas que unen cultura e inclusión, en la sala y en "
            "línea.",
            "en": "Practices of European cities that bring culture and inclusion together, in "
            "the room and online.",
        },
        "body": {
            "ca": "Ciutats de la xarxa EUROCITIES presenten projectes que fan servir la cultura "
            "per fomentar la inclusió social.",
            "es": "Ciudades de la red EUROCITIES presentan proyectos que utilizan la cultura "
            "para fomentar la inclusión social.",
            "en": "Cities of the EUROCITIES network present projects that use culture to foster "
            "social inclusion.",
        },
    },
    {
        "days": 45,
        "start": "09:00",
        "end": "17:00",
        "format": Event.Format.IN_PERSON,
        "terrassa_role": Event.Role.SPEAKER,
        "event_status": Event.EventStatus.POSTPONED,
        "city": "Brussel·les",
        "country": "BE",
        "network": "EUROCITIES",
        "working_group": "branding",
        "title": {
            "ca": "Reunió del grup de treball City Branding",
            "es": "Reunión del grupo de trabajo City Branding",
            "en": "City Branding working group meeting",
        },
        "slug": {
            "ca": "exemple-reunio-city-branding",
            "es": "ejemplo-reunion-city-branding",
            "en": "example-city-branding-meeting",
        },
        "summary": {
            "ca": "Reunió ajornada: la nova data s'anunciarà en aquesta pàgina.",
            "es": "Reunión aplazada: la nueva fecha se anunciará en esta página.",
            "en": "Meeting postponed: the new date will be announced on this page.",
        },
        "body": {
            "ca": "Les ciutats del grup de treball comparteixen estratègies de marca de ciutat.",
            "es": "Las ciudades del grupo de trabajo comparten estrategias de marca de ciudad.",
            "en": "The cities of the working group share city branding strategies.",
        },
    },
    {
        "days": 60,
        "duration": 1,
        "format": Event.Format.IN_PERSON,
        "terrassa_role": Event.Role.HOST,
        "city": "Terrassa",
        "country": "ES",
        "venue": {"ca": "Plaça Vella", "es": "Plaça Vella", "en": "Plaça Vella"},
        "title": {
            "ca": "Fira de projectes europeus",
            "es": "Feria de proyectos europeos",
            "en": "European projects fair",
        },
        "slug": {
            "ca": "exemple-fira-projectes-europeus",
            "es": "ejemplo-feria-proyectos-europeos",
            "en": "example-european-projects-fair",
        },
        "summary": {
            "ca": "Un dia per conèixer els projectes europeus en què participa la ciutat.",
            "es": "Un día para conocer los proyectos europeos en los que participa la ciudad.",
            "en": "A day to discover the European projects the city takes part in.",
        },
        "body": {
            "ca": "Estands, xerrades i activitats per a totes les edats durant tot el dia.",
            "es": "Estands, charlas y actividades para todas las edades durante todo el día.",
            "en": "Stands, talks and activities for all ages throughout the day.",
        },
    },
    {
        "days": 75,
        "start": "16:00",
        "end": "17:00",
        "format": Event.Format.ONLINE,
        "terrassa_role": Event.Role.ATTENDEE,
        "online_url": "https://www.example.org/europa-creativa",
        "title": {
            "ca": "Sessió informativa sobre el programa Europa Creativa",
            "es": "Sesión informativa sobre el programa Europa Creativa",
            "en": "Information session on the Creative Europe programme",
        },
        "slug": {
            "ca": "exemple-sessio-europa-creativa",
            "es": "ejemplo-sesion-europa-creativa",
            "en": "example-creative-europe-session",
        },
        "summary": {
            "ca": "Les novetats de la convocatòria per a projectes de cooperació cultural.",
            "es": "Las novedades de la convocatoria para proyectos de cooperación cultural.",
            "en": "What is new in the call for cultural cooperation projects.",
        },
        "body": {
            "ca": "El servei segueix la sessió per informar-ne les entitats culturals de la "
            "ciutat.",
            "es": "El servicio sigue la sesión para informar de ella a las entidades culturales "
            "de la ciudad.",
            "en": "The service follows the session to brief the city's cultural organisations.",
        },
    },
    {
        "days": 90,
        "duration": 3,
        "format": Event.Format.IN_PERSON,
        "terrassa_role": Event.Role.SPEAKER,
        "city": "Barcelona",
        "country": "ES",
        "network": "UCLG",
        "title": {
            "ca": "Reunió del grup de Ciutats Intermèdies de CGLU",
            "es": "Reunión del grupo de Ciudades Intermedias de CGLU",
            "en": "UCLG Intermediary Cities meeting",
        },
        "slug": {
            "ca": "exemple-reunio-ciutats-intermedies-cglu",
            "es": "ejemplo-reunion-ciudades-intermedias-cglu",
            "en": "example-uclg-intermediary-cities-meeting",
        },
        "summary": {
            "ca": "Tres dies de treball de les ciutats intermèdies de la xarxa mundial CGLU.",
            "es": "Tres días de trabajo de las ciudades intermedias de la red mundial CGLU.",
            "en": "Three working days of the intermediary cities of the UCLG world network.",
        },
        "body": {
            "ca": "Terrassa, que ocupa una vicepresidència del grup, hi presenta la seva "
            "estratègia internacional.",
            "es": "Terrassa, que ocupa una vicepresidencia del grupo, presenta en ella su "
            "estrategia internacional.",
            "en": "Terrassa, which holds a vice-presidency of the group, presents its "
            "international strategy.",
        },
    },
    {
        "days": 100,
        "start": "17:00",
        "end": "19:00",
        "format": Event.Format.HYBRID,
        "terrassa_role": Event.Role.HOST,
        "city": "Terrassa",
        "country": "ES",
        "online_url": "https://www.example.org/terrassa-tecoluca",
        "venue": {
            "ca": "Sala d'actes de l'Ajuntament",
            "es": "Salón de actos del Ayuntamiento",
            "en": "City Council assembly hall",
        },
        "title": {
            "ca": "Terrassa i Tecoluca: vint anys de cooperació",
            "es": "Terrassa y Tecoluca: veinte años de cooperación",
            "en": "Terrassa and Tecoluca: twenty years of cooperation",
        },
        "slug": {
            "ca": "exemple-terrassa-tecoluca-cooperacio",
            "es": "ejemplo-terrassa-tecoluca-cooperacion",
            "en": "example-terrassa-tecoluca-cooperation",
        },
        "summary": {
            "ca": "Un acte obert, amb connexió en directe des del Salvador.",
            "es": "Un acto abierto, con conexión en directo desde El Salvador.",
            "en": "An open event, with a live link from El Salvador.",
        },
        "body": {
            "ca": "Repàs dels projectes de cooperació amb la ciutat agermanada de Tecoluca.",
            "es": "Repaso de los proyectos de cooperación con la ciudad hermanada de Tecoluca.",
            "en": "A look back at the cooperation projects with the twin city of Tecoluca.",
        },
    },
    {
        "days": 120,
        "start": "09:00",
        "end_days": 1,
        "end": "14:00",
        "format": Event.Format.IN_PERSON,
        "terrassa_role": Event.Role.ATTENDEE,
        "city": "Gant",
        "country": "BE",
        "network": "EUROCITIES",
        "forum": "cultur",
        "title": {
            "ca": "Fòrum de Cultura d'EUROCITIES: reunió de primavera",
            "es": "Foro de Cultura de EUROCITIES: reunión de primavera",
            "en": "EUROCITIES Culture Forum: spring meeting",
        },
        "slug": {
            "ca": "exemple-forum-cultura-primavera",
            "es": "ejemplo-foro-cultura-primavera",
            "en": "example-culture-forum-spring",
        },
        "summary": {
            "ca": "Les ciutats del fòrum treballen els reptes de l'estratègia cultural.",
            "es": "Las ciudades del foro trabajan los retos de la estrategia cultural.",
            "en": "The forum's cities work on the challenges of the culture strategy.",
        },
        "body": {
            "ca": "Dos dies de debat sobre el paper de la cultura en el desenvolupament urbà.",
            "es": "Dos días de debate sobre el papel de la cultura en el desarrollo urbano.",
            "en": "Two days of debate on the role of culture in urban development.",
        },
    },
    {
        "days": -40,
        "start": "10:00",
        "end": "13:00",
        "format": Event.Format.IN_PERSON,
        "terrassa_role": Event.Role.HOST,
        "city": "Terrassa",
        "country": "ES",
        "venue": {
            "ca": "Sala de Plens de l'Ajuntament",
            "es": "Salón de Plenos del Ayuntamiento",
            "en": "City Council chamber",
        },
        "title": {
            "ca": "Taller sobre l'Agenda Urbana Europea",
            "es": "Taller sobre la Agenda Urbana Europea",
            "en": "Workshop on the Urban Agenda for the EU",
        },
        "slug": {
            "ca": "exemple-taller-agenda-urbana",
            "es": "ejemplo-taller-agenda-urbana",
            "en": "example-urban-agenda-workshop",
        },
        "summary": {
            "ca": "Els serveis municipals revisen com encaixen els seus plans amb l'agenda.",
            "es": "Los servicios municipales revisan cómo encajan sus planes con la agenda.",
            "en": "The city's departments review how their plans fit the agenda.",
        },
        "body": {
            "ca": "Un taller intern amb els serveis municipals.",
            "es": "Un taller interno con los servicios municipales.",
            "en": "An internal workshop with the city's departments.",
        },
        "outcomes": {
            "ca": "<p>Els serveis van identificar tres àmbits on la ciutat pot optar a "
            "finançament europeu (exemple).</p>",
            "es": "<p>Los servicios identificaron tres ámbitos en los que la ciudad puede optar a "
            "financiación europea (ejemplo).</p>",
            "en": "<p>The departments identified three areas where the city can apply for "
            "European funding (example).</p>",
        },
    },
    {
        "days": -15,
        "start": "15:00",
        "end": "16:30",
        "format": Event.Format.ONLINE,
        "terrassa_role": Event.Role.ATTENDEE,
        "network": "EUROCITIES",
        "title": {
            "ca": "Webinar d'EUROCITIES sobre transició digital",
            "es": "Webinar de EUROCITIES sobre transición digital",
            "en": "EUROCITIES webinar on the digital transition",
        },
        "slug": {
            "ca": "exemple-webinar-transicio-digital",
            "es": "ejemplo-webinar-transicion-digital",
            "en": "example-digital-transition-webinar",
        },
        "summary": {
            "ca": "Com les ciutats europees acosten els serveis digitals a tota la ciutadania.",
            "es": "Cómo las ciudades europeas acercan los servicios digitales a toda la "
            "ciudadanía.",
            "en": "How European cities bring digital services within everyone's reach.",
        },
        "body": {
            "ca": "Sessió en línia de la xarxa EUROCITIES sobre el repte digital.",
            "es": "Sesión en línea de la red EUROCITIES sobre el reto digital.",
            "en": "An online session of the EUROCITIES network on the digital challenge.",
        },
        "outcomes": {
            "ca": "<p>El servei en va compartir les conclusions amb l'àrea de Transformació "
            "Digital (exemple).</p>",
            "es": "<p>El servicio compartió sus conclusiones con el área de Transformación "
            "Digital (ejemplo).</p>",
            "en": "<p>The service shared its conclusions with the Digital Transformation "
            "department (example).</p>",
        },
    },
]


def load() -> int:
    created = 0
    links = _links()
    if _create(_leeds(), links, forum="cultur", network="EUROCITIES", challenge_areas=True):
        created += 1
    today = timezone.localdate()
    for spec in EXAMPLES:
        if _create(
            {**_example(spec), **_dates(spec, today)},
            links,
            forum=spec.get("forum"),
            network=spec.get("network"),
            working_group=spec.get("working_group"),
        ):
            created += 1
    return created


def _leeds() -> dict:
    return {
        **LEEDS,
        "start": _at(date(2019, 10, 9), "00:00"),
        "end": _at(date(2019, 10, 11), "23:59"),
        "all_day": True,
        "format": Event.Format.IN_PERSON,
        "terrassa_role": Event.Role.ATTENDEE,
        "city": "Leeds",
        "country": "GB",
        "objective": True,
    }


def _dates(spec: dict, today: date) -> dict:
    first = today + timedelta(days=spec["days"])
    if "duration" in spec:
        last = first + timedelta(days=spec["duration"] - 1)
        dates = {"start": _at(first, "00:00"), "end": _at(last, "23:59"), "all_day": True}
    else:
        last = first + timedelta(days=spec.get("end_days", 0))
        dates = {"start": _at(first, spec["start"]), "end": _at(last, spec["end"])}
    if "registration_days_before" in spec:
        deadline = first - timedelta(days=spec["registration_days_before"])
        dates["registration_deadline"] = _at(deadline, "23:59")
    return dates


def _at(day: date, clock: str) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.fromisoformat(clock)))


def _links() -> dict:
    """The networks, forums and objective the demo events link to, when they exist."""
    eurocities = _network("EUROCITIES")
    return {
        "EUROCITIES": eurocities,
        "UCLG": _network("UCLG") or _network("CGLU"),
        "cultur": (
            Forum.objects.filter(network=eurocities)
            .filter(Q(name_ca__icontains="cultur") | Q(name_en__icontains="cultur"))
            .order_by("pk")
            .first()
            if eurocities
            else None
        ),
        "branding": WorkingGroup.objects.filter(
            Q(name_ca__icontains="branding") | Q(name_en__icontains="branding")
        )
        .order_by("pk")
        .first(),
        "objective": Objective.objects.filter(code="5.2")
        .order_by("-plan__is_current", "pk")
        .first(),
    }


def _network(acronym: str) -> Network | None:
    match = Q()
    for lang in LANGUAGES:
        match |= Q(**{f"acronym_{lang}__iexact": acronym}) | Q(**{f"slug_{lang}__iexact": acronym})
    return Network.objects.filter(match).order_by("pk").first()


def _create(
    spec: dict, links: dict, *, forum=None, network=None, working_group=None, challenge_areas=False
) -> bool:
    if Event.objects.filter(slug_ca=spec["slug"]["ca"]).exists():
        return False
    event = Event(
        status=Event.Status.PUBLISHED,
        start=spec["start"],
        end=spec["end"],
        all_day=spec.get("all_day", False),
        format=spec["format"],
        event_status=spec.get("event_status", Event.EventStatus.SCHEDULED),
        terrassa_role=spec["terrassa_role"],
        city=spec.get("city", ""),
        country=spec.get("country", ""),
        online_url=spec.get("online_url", ""),
        registration_url=spec.get("registration_url", ""),
        registration_deadline=spec.get("registration_deadline"),
        forum=links.get(forum),
        working_group=None if forum else links.get(working_group),
        **{
            f"{field}_{lang}": spec[field][lang]
            for field in TRANSLATED
            if field in spec
            for lang in LANGUAGES
        },
    )
    event.full_clean()
    event.save()
    if links.get(network):
        event.networks.add(links[network])
    if challenge_areas and event.forum:
        event.challenge_areas.set(event.forum.challenge_areas.all())
    if spec.get("objective") and links["objective"]:
        event.objectives.add(links["objective"])
    return True
