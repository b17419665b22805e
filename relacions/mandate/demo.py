"""Demo content: an example Pla de Mandat aligned with the UN Sustainable Development Goals, in
ca, es and en. Every title, description and figure is marked as an example
(../shared/seed/FACTS.md).

Objective 5.2, "Projectar Terrassa al món", is the one the EUROCITIES Culture Forum news item and
event (Leeds, 2019) serve: the news and events demo loaders link to it by that code.
"""

import datetime

from .models import Axis, Objective, Plan, ProgressUpdate

PROJECTING_TERRASSA_CODE = "5.2"

PLAN = {
    "title": {
        "ca": "Pla de Mandat 2023–2027 (exemple)",
        "es": "Plan de Mandato 2023–2027 (ejemplo)",
        "en": "Mandate Plan 2023–2027 (example)",
    },
    "slug": {
        "ca": "pla-de-mandat-2023-2027",
        "es": "plan-de-mandato-2023-2027",
        "en": "mandate-plan-2023-2027",
    },
    "summary": {
        "ca": "Exemple de demostració: tres eixos del programa de mandat de Terrassa, alineats amb "
        "els Objectius de Desenvolupament Sostenible (ODS) de les Nacions Unides. Els objectius i "
        "les xifres de progrés són exemples, no dades oficials.",
        "es": "Ejemplo de demostración: tres ejes del programa de mandato de Terrassa, alineados "
        "con los Objetivos de Desarrollo Sostenible (ODS) de las Naciones Unidas. Los objetivos y "
        "las cifras de progreso son ejemplos, no datos oficiales.",
        "en": "Demonstration example: three axes of Terrassa's mandate programme, aligned with the "
        "United Nations Sustainable Development Goals (SDGs). The objectives and progress figures "
        "are examples, not official data.",
    },
}

AXES = [
    {
        "number": 2,
        "title": {
            "ca": "Ciutat sostenible i resilient",
            "es": "Ciudad sostenible y resiliente",
            "en": "A sustainable and resilient city",
        },
        "description": {
            "ca": "Eix d'exemple, alineat amb els ODS 7, 11 i 13.",
            "es": "Eje de ejemplo, alineado con los ODS 7, 11 y 13.",
            "en": "Example axis, aligned with SDGs 7, 11 and 13.",
        },
    },
    {
        "number": 4,
        "title": {
            "ca": "Ciutat de cultura, educació i coneixement",
            "es": "Ciudad de cultura, educación y conocimiento",
            "en": "A city of culture, education and knowledge",
        },
        "description": {
            "ca": "Eix d'exemple, alineat amb els ODS 4, 10 i 11.",
            "es": "Eje de ejemplo, alineado con los ODS 4, 10 y 11.",
            "en": "Example axis, aligned with SDGs 4, 10 and 11.",
        },
    },
    {
        "number": 5,
        "title": {
            "ca": "Ciutat oberta al món",
            "es": "Ciudad abierta al mundo",
            "en": "A city open to the world",
        },
        "description": {
            "ca": "Eix d'exemple, alineat amb els ODS 16 i 17. És l'eix al qual serveix el Servei "
            "de Relacions Europees i Internacionals.",
            "es": "Eje de ejemplo, alineado con los ODS 16 y 17. Es el eje al que sirve el "
            "Servicio de Relaciones Europeas e Internacionales.",
            "en": "Example axis, aligned with SDGs 16 and 17. It is the axis that the European "
            "and International Relations Service serves.",
        },
    },
]

EXAMPLE = {
    "ca": "Objectiu d'exemple per a la demostració del web.",
    "es": "Objetivo de ejemplo para la demostración de la web.",
    "en": "Example objective for the website's demonstration.",
}

OBJECTIVES = [
    {
        "axis": 2,
        "code": "2.1",
        "weight": 2,
        "target_date": datetime.date(2027, 5, 31),
        "title": {
            "ca": "Reduir les emissions de gasos d'efecte hivernacle de la ciutat",
            "es": "Reducir las emisiones de gases de efecto invernadero de la ciudad",
            "en": "Reduce the city's greenhouse gas emissions",
        },
        "description": {
            "ca": "Acció climàtica local d'acord amb l'ODS 13.",
            "es": "Acción climática local de acuerdo con el ODS 13.",
            "en": "Local climate action in line with SDG 13.",
        },
    },
    {
        "axis": 2,
        "code": "2.2",
        "weight": 1,
        "target_date": datetime.date(2027, 5, 31),
        "title": {
            "ca": "Impulsar la mobilitat sostenible",
            "es": "Impulsar la movilidad sostenible",
            "en": "Promote sustainable mobility",
        },
        "description": {
            "ca": "Ciutats i comunitats sostenibles, d'acord amb l'ODS 11.",
            "es": "Ciudades y comunidades sostenibles, de acuerdo con el ODS 11.",
            "en": "Sustainable cities and communities, in line with SDG 11.",
        },
    },
    {
        "axis": 4,
        "code": "4.1",
        "weight": 1,
        "target_date": datetime.date(2026, 12, 31),
        "title": {
            "ca": "Garantir l'accés i la participació de tothom a la cultura",
            "es": "Garantizar el acceso y la participación de todos en la cultura",
            "en": "Guarantee access to and participation in culture for all",
        },
        "description": {
            "ca": "La cultura com a motor de desenvolupament urbà sostenible i de qualitat de "
            "vida, d'acord amb els ODS 4 i 10.",
            "es": "La cultura como motor de desarrollo urbano sostenible y de calidad de vida, de "
            "acuerdo con los ODS 4 y 10.",
            "en": "Culture as a driver of sustainable urban development and quality of life, in "
            "line with SDGs 4 and 10.",
        },
    },
    {
        "axis": 4,
        "code": "4.2",
        "weight": 1,
        "target_date": datetime.date(2027, 5, 31),
        "title": {
            "ca": "Reforçar Terrassa com a ciutat educadora",
            "es": "Reforzar Terrassa como ciudad educadora",
            "en": "Strengthen Terrassa as an educating city",
        },
        "description": {
            "ca": "Educació de qualitat al llarg de la vida, d'acord amb l'ODS 4.",
            "es": "Educación de calidad a lo largo de la vida, de acuerdo con el ODS 4.",
            "en": "Quality lifelong education, in line with SDG 4.",
        },
    },
    {
        "axis": 5,
        "code": "5.1",
        "weight": 2,
        "target_date": datetime.date(2027, 5, 31),
        "title": {
            "ca": "Participar activament en les xarxes europees i internacionals de ciutats",
            "es": "Participar activamente en las redes europeas e internacionales de ciudades",
            "en": "Take an active part in European and international city networks",
        },
        "description": {
            "ca": "Presència de Terrassa a EUROCITIES i a Ciutats i Governs Locals Units (CGLU), "
            "d'acord amb l'ODS 17 (aliances per assolir els objectius).",
            "es": "Presencia de Terrassa en EUROCITIES y en Ciudades y Gobiernos Locales Unidos "
            "(CGLU), de acuerdo con el ODS 17 (alianzas para lograr los objetivos).",
            "en": "Terrassa's presence in EUROCITIES and United Cities and Local Governments "
            "(UCLG), in line with SDG 17 (partnerships for the goals).",
        },
    },
    {
        "axis": 5,
        "code": PROJECTING_TERRASSA_CODE,
        "weight": 3,
        "target_date": datetime.date(2027, 5, 31),
        "title": {
            "ca": "Projectar Terrassa al món",
            "es": "Proyectar Terrassa al mundo",
            "en": "Project Terrassa to the world",
        },
        "description": {
            "ca": "Representar, posicionar i desenvolupar Terrassa en l'escenari europeu i "
            "internacional: participar en els fòrums de les xarxes de ciutats, com el Fòrum de "
            "Cultura d'EUROCITIES, i intercanviar-hi pràctiques locals innovadores. D'acord amb "
            "l'ODS 17.",
            "es": "Representar, posicionar y desarrollar Terrassa en el escenario europeo e "
            "internacional: participar en los foros de las redes de ciudades, como el Foro de "
            "Cultura de EUROCITIES, e intercambiar en ellos prácticas locales innovadoras. De "
            "acuerdo con el ODS 17.",
            "en": "Represent, position and develop Terrassa on the European and international "
            "stage: take part in the forums of city networks, such as the EUROCITIES Culture "
            "Forum, and exchange innovative local practices there. In line with SDG 17.",
        },
    },
    {
        "axis": 5,
        "code": "5.3",
        "weight": 1,
        "target_date": datetime.date(2027, 5, 31),
        "title": {
            "ca": "Enfortir els agermanaments i la cooperació internacional",
            "es": "Fortalecer los hermanamientos y la cooperación internacional",
            "en": "Strengthen twinnings and international cooperation",
        },
        "description": {
            "ca": "Agermanaments amb Pamiers (França), Granada (Nicaragua), Tetuan (Marroc) i "
            "Tecoluca (El Salvador), d'acord amb els ODS 16 i 17.",
            "es": "Hermanamientos con Pamiers (Francia), Granada (Nicaragua), Tetuán (Marruecos) "
            "y Tecoluca (El Salvador), de acuerdo con los ODS 16 y 17.",
            "en": "Twinnings with Pamiers (France), Granada (Nicaragua), Tetouan (Morocco) and "
            "Tecoluca (El Salvador), in line with SDGs 16 and 17.",
        },
    },
]

EXAMPLE_FIGURE = {
    "ca": "Dada d'exemple.",
    "es": "Dato de ejemplo.",
    "en": "Example figure.",
}
PRIVATE_NOTE = {
    "ca": "Esborrany intern, pendent de validar (exemple): no es publica.",
    "es": "Borrador interno, pendiente de validar (ejemplo): no se publica.",
    "en": "Internal draft awaiting validation (example): not published.",
}

Status = ProgressUpdate.Status

# (objective code, date, status, progress, public)
UPDATES = [
    ("2.1", datetime.date(2024, 6, 30), Status.IN_PROGRESS, 20, True),
    ("2.1", datetime.date(2025, 6, 30), Status.IN_PROGRESS, 35, True),
    ("4.1", datetime.date(2024, 12, 31), Status.IN_PROGRESS, 40, True),
    ("4.2", datetime.date(2025, 3, 31), Status.DEFERRED, 10, True),
    ("5.1", datetime.date(2024, 3, 31), Status.IN_PROGRESS, 50, True),
    ("5.1", datetime.date(2025, 3, 31), Status.IN_PROGRESS, 70, True),
    ("5.2", datetime.date(2024, 1, 31), Status.IN_PROGRESS, 25, True),
    ("5.2", datetime.date(2024, 10, 31), Status.IN_PROGRESS, 45, True),
    ("5.2", datetime.date(2025, 6, 30), Status.IN_PROGRESS, 60, False),
    ("5.3", datetime.date(2025, 1, 31), Status.DONE, 100, True),
]


def _translated(field: str, values: dict[str, str]) -> dict[str, str]:
    return {f"{field}_{lang}": text for lang, text in values.items()}


def load() -> int:
    created = 0
    plan = Plan.objects.filter(slug_ca=PLAN["slug"]["ca"]).first()
    if plan is None:
        plan = Plan.objects.create(
            **_translated("title", PLAN["title"]),
            **_translated("slug", PLAN["slug"]),
            **_translated("summary", PLAN["summary"]),
            start_year=2023,
            end_year=2027,
            # Never takes the place of a real plan that staff already marked as current.
            is_current=not Plan.objects.current().exists(),
            status=Plan.Status.PUBLISHED,
        )
        created += 1

    axes = {}
    for spec in AXES:
        axes[spec["number"]], was_created = Axis.objects.get_or_create(
            plan=plan,
            number=spec["number"],
            defaults={
                "order": spec["number"],
                **_translated("title", spec["title"]),
                **_translated("description", spec["description"]),
            },
        )
        created += was_created

    objectives = {}
    for order, spec in enumerate(OBJECTIVES):
        description = {
            lang: f"<p>{text}</p><p><em>{EXAMPLE[lang]}</em></p>"
            for lang, text in spec["description"].items()
        }
        objectives[spec["code"]], was_created = Objective.objects.get_or_create(
            plan=plan,
            code=spec["code"],
            defaults={
                "axis": axes[spec["axis"]],
                "weight": spec["weight"],
                "target_date": spec["target_date"],
                "order": order,
                **_translated("title", spec["title"]),
                **_translated("description", description),
            },
        )
        created += was_created

    for code, date, status, progress, public in UPDATES:
        _update, was_created = ProgressUpdate.objects.get_or_create(
            objective=objectives[code],
            date=date,
            defaults={
                "status": status,
                "progress": progress,
                "is_public": public,
                **_translated("note", EXAMPLE_FIGURE if public else PRIVATE_NOTE),
            },
        )
        created += was_created
    return created
