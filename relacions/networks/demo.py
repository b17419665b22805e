"""Demo content: the networks of ../shared/seed/FACTS.md in Catalan, Spanish and English.

The twin cities are agreements (relacions/agreements/demo.yaml). Loaded by
`manage.py load_demo_content`; what exists already (found by its Catalan slug or name)
is left untouched, so running it twice changes nothing. Dates the facts give only as years are
stored as 1 January of that year and shown as years; dates the facts do not give are left empty
(shown as "dates not recorded"), never invented. Fee amounts and renewal dates are examples,
marked as such in the admin (they are never public).
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from .models import ChallengeArea, Forum, Membership, MembershipFee, Network, Position, WorkingGroup

EXAMPLE_NOTE = {
    "notes": (
        "Dades de demostració (exemple). Les dates que les fonts donen només per anys es desen "
        "com a 1 de gener. Corregiu-les amb les dades reals de l'oficina."
    ),
    "fee": "Import d'exemple (contingut de demostració)",
}

CULTURE_FORUM_DESCRIPTION = {
    "ca": (
        "<p>El Fòrum de Cultura de la xarxa EUROCITIES treballa per promoure un major "
        "reconeixement de la cultura com a aspecte vital de les polítiques públiques i fomentar "
        "l'accés i la participació a la cultura per a tots. La xarxa considera que la cultura és "
        "fonamental per al desenvolupament sostenible de les ciutats europees. És un motor per al "
        "desenvolupament econòmic urbà i contribueix directament a millorar la qualitat de vida "
        "dels ciutadans.</p><p>La cultura s'ha convertit cada cop més en el centre de les agendes "
        "de desenvolupament local i està cada vegada més connectada amb altres àrees. Aquesta ha "
        "estat una tendència clau durant l'última dècada i és probable que continuï en la "
        "següent. Aquesta és també una clara tendència a nivell de la UE i això es reflecteix en "
        "les polítiques i els programes de la Comissió Europea, cada cop més transversals, en què "
        "la cultura està connectada a altres polítiques.</p><p>En la seva estratègia cultural "
        "EUROCITIES identifica cinc reptes clau als quals s'enfronten actualment les "
        "administracions i les institucions culturals de les ciutats.</p>"
    ),
    "es": (
        "<p>El Foro de Cultura de la red EUROCITIES trabaja para promover un mayor "
        "reconocimiento de la cultura como aspecto vital de las políticas públicas y fomentar el "
        "acceso y la participación en la cultura para todos. La red considera que la cultura es "
        "fundamental para el desarrollo sostenible de las ciudades europeas. Es un motor del "
        "desarrollo económico urbano y contribuye directamente a mejorar la calidad de vida de "
        "la ciudadanía.</p><p>La cultura se ha convertido cada vez más en el centro de las "
        "agendas de desarrollo local y está cada vez más conectada con otras áreas. Esta ha sido "
        "una tendencia clave durante la última década y es probable que continúe en la "
        "siguiente. Es también una clara tendencia en el ámbito de la UE, y así se refleja en las "
        "políticas y los programas de la Comisión Europea, cada vez más transversales, en los "
        "que la cultura está conectada con otras políticas.</p><p>En su estrategia cultural, "
        "EUROCITIES identifica cinco retos clave a los que se enfrentan actualmente las "
        "administraciones y las instituciones culturales de las ciudades.</p>"
    ),
    "en": (
        "<p>The EUROCITIES Culture Forum works for greater recognition of culture as a vital "
        "part of public policy and for access to and participation in culture for all. The "
        "network considers culture fundamental to the sustainable development of European "
        "cities. It is a driver of urban economic development and contributes directly to "
        "citizens' quality of life.</p><p>Culture has increasingly moved to the centre of local "
        "development agendas and is ever more connected with other areas. This has been a key "
        "trend over the last decade and is likely to continue in the next. It is also a clear "
        "trend at EU level, reflected in the European Commission's increasingly cross-cutting "
        "policies and programmes, in which culture is connected to other policies.</p><p>In its "
        "culture strategy EUROCITIES identifies five key challenges that city administrations "
        "and cultural institutions currently face.</p>"
    ),
}

CHALLENGES = [
    {"ca": "El repte demogràfic", "es": "El reto demográfico", "en": "The demographic challenge"},
    {
        "ca": "El repte de l'apoderament del públic",
        "es": "El reto del empoderamiento del público",
        "en": "The audience empowerment challenge",
    },
    {
        "ca": "El repte de la governança i el treball en xarxa",
        "es": "El reto de la gobernanza y el trabajo en red",
        "en": "The governance and networking challenge",
    },
    {"ca": "El repte digital", "es": "El reto digital", "en": "The digital challenge"},
    {
        "ca": "El repte financer i organitzatiu",
        "es": "El reto financiero y organizativo",
        "en": "The financial and organisational challenge",
    },
]

EUROCITIES = {
    "name": {"ca": "EUROCITIES", "es": "EUROCITIES", "en": "EUROCITIES"},
    "slug": {"ca": "eurocities", "es": "eurocities", "en": "eurocities"},
    "acronym": {"ca": "", "es": "", "en": ""},
    "headquarters": {
        "ca": "Brussel·les (Bèlgica)",
        "es": "Bruselas (Bélgica)",
        "en": "Brussels (Belgium)",
    },
    "description": {
        "ca": "<p>La xarxa de les principals ciutats europees, amb seu a Brussel·les. Terrassa "
        "en va ser membre associat del 2003 al 2008 i n'és membre de ple dret des del 2009.</p>",
        "es": "<p>La red de las principales ciudades europeas, con sede en Bruselas. Terrassa "
        "fue miembro asociado de 2003 a 2008 y es miembro de pleno derecho desde 2009.</p>",
        "en": "<p>The network of major European cities, based in Brussels. Terrassa was an "
        "associate member from 2003 to 2008 and has been a full member since 2009.</p>",
    },
    "kind": Network.Kind.CITY_NETWORK,
    "website": "https://eurocities.eu/",
}

UCLG = {
    "name": {
        "ca": "Ciutats i Governs Locals Units",
        "es": "Ciudades y Gobiernos Locales Unidos",
        "en": "United Cities and Local Governments",
    },
    "slug": {"ca": "cglu", "es": "cglu", "en": "uclg"},
    "acronym": {"ca": "CGLU", "es": "CGLU", "en": "UCLG"},
    "headquarters": {"ca": "Barcelona", "es": "Barcelona", "en": "Barcelona"},
    "description": {
        "ca": "<p>L'organització mundial de ciutats i governs locals. Terrassa ocupa una "
        "vicepresidència del seu grup de Ciutats Intermèdies.</p>",
        "es": "<p>La organización mundial de ciudades y gobiernos locales. Terrassa ocupa una "
        "vicepresidencia de su grupo de Ciudades Intermedias.</p>",
        "en": "<p>The world organisation of cities and local governments. Terrassa holds a "
        "vice-presidency of its Intermediary Cities group.</p>",
    },
    "kind": Network.Kind.GLOBAL,
    "website": "https://www.uclg.org/",
}


def _translated(field: str, values: dict) -> dict:
    return {f"{field}_{language}": value for language, value in values.items()}


class _Counter:
    def __init__(self):
        self.created = 0

    def __call__(self, result):
        obj, created = result
        self.created += created
        return obj


def _network(count: _Counter, spec: dict) -> Network:
    values = {
        "kind": spec["kind"],
        "website": spec.get("website", ""),
        "status": Network.Status.PUBLISHED,
    }
    for field in ("name", "slug", "acronym", "headquarters", "description"):
        values.update(_translated(field, spec[field]))
    return count(Network.objects.get_or_create(slug_ca=spec["slug"]["ca"], defaults=values))


def _membership(count: _Counter, network: Network, **values) -> Membership:
    lookup = {
        "network": network,
        "category": values.pop("category"),
        "since": values.pop("since", None),
    }
    return count(
        Membership.objects.get_or_create(
            **lookup, defaults={"notes": EXAMPLE_NOTE["notes"], **values}
        )
    )


def _eurocities(count: _Counter) -> None:
    network = _network(count, EUROCITIES)
    _membership(
        count,
        network,
        category=Membership.Category.ASSOCIATE,
        since=datetime.date(2003, 1, 1),
        until=datetime.date(2008, 12, 31),
        status=Membership.Status.ENDED,
    )
    today = timezone.localdate()
    full = _membership(
        count,
        network,
        category=Membership.Category.FULL,
        since=datetime.date(2009, 1, 1),
        status=Membership.Status.ACTIVE,
        voting_rights=True,
        renewal_date=datetime.date(today.year + 1, 1, 1),
    )
    count(
        MembershipFee.objects.get_or_create(
            membership=full,
            year=today.year,
            defaults={
                "amount": Decimal("1000.00"),
                "note": EXAMPLE_NOTE["fee"],
                "budget_line": "EXEMPLE",
            },
        )
    )
    forum = count(
        Forum.objects.get_or_create(
            slug_ca="forum-de-cultura",
            defaults={
                "network": network,
                "status": Forum.Status.PUBLISHED,
                **_translated(
                    "name",
                    {"ca": "Fòrum de Cultura", "es": "Foro de Cultura", "en": "Culture Forum"},
                ),
                **_translated(
                    "slug",
                    {"ca": "forum-de-cultura", "es": "foro-de-cultura", "en": "culture-forum"},
                ),
                **_translated("description", CULTURE_FORUM_DESCRIPTION),
            },
        )
    )
    for order, names in enumerate(CHALLENGES, start=1):
        count(
            ChallengeArea.objects.get_or_create(
                forum=forum,
                name_ca=names["ca"],
                defaults={"order": order, **_translated("name", names)},
            )
        )
    group = count(
        WorkingGroup.objects.get_or_create(
            network=network,
            name_ca="Grup de treball de City Branding",
            defaults={
                **_translated(
                    "name",
                    {
                        "ca": "Grup de treball de City Branding",
                        "es": "Grupo de trabajo de City Branding",
                        "en": "City Branding working group",
                    },
                ),
                "vice_chair_city": "Terrassa",
            },
        )
    )
    count(
        Position.objects.get_or_create(
            working_group=group,
            title_ca="Vicepresidència",
            defaults={
                **_translated(
                    "title", {"ca": "Vicepresidència", "es": "Vicepresidencia", "en": "Vice-chair"}
                ),
                "start": datetime.date(2017, 1, 1),
            },
        )
    )


def _uclg(count: _Counter) -> None:
    network = _network(count, UCLG)
    _membership(count, network, category=Membership.Category.FULL, status=Membership.Status.ACTIVE)
    group = count(
        WorkingGroup.objects.get_or_create(
            network=network,
            name_ca="Grup de Ciutats Intermèdies",
            defaults=_translated(
                "name",
                {
                    "ca": "Grup de Ciutats Intermèdies",
                    "es": "Grupo de Ciudades Intermedias",
                    "en": "Intermediary Cities group",
                },
            ),
        )
    )
    count(
        Position.objects.get_or_create(
            working_group=group,
            title_ca="Vicepresidència",
            defaults=_translated(
                "title", {"ca": "Vicepresidència", "es": "Vicepresidencia", "en": "Vice-presidency"}
            ),
        )
    )


def load() -> int:
    count = _Counter()
    _eurocities(count)
    _uclg(count)
    return count.created
