"""Demo news: the office's own news item about the EUROCITIES Culture Forum in Leeds (from
../shared/seed/, with Spanish and English translations) and clearly marked example items.

Loaded by `manage.py load_demo_content` after the networks, events and mandate demo content
(INSTALLED_APPS order), so the seed item can link the network, the forum, the Leeds meeting and
objective 5.2 when they exist. What exists already is left untouched.
"""

import datetime
import io

from django.core.files.base import ContentFile
from django.db.models import Q
from django.utils.text import slugify
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

from relacions.events.models import Event
from relacions.images.models import Image
from relacions.mandate.models import Objective
from relacions.networks.models import Forum, Network

from .models import NewsItem

LANGUAGES = ("ca", "es", "en")
TRANSLATED = ("title", "slug", "summary", "body")

# --- The seed news item ------------------------------------------------------------------------

SEED_PARAGRAPHS = {
    "ca": (
        "El proper fòrum cultural tindrà lloc a Leeds del 9 a l'11 d'octubre de 2019 i se "
        "centrarà en ciutats inclusives mitjançant col·laboracions diverses. Mitjançant "
        "formats dinàmics, les ciutats participants intercanviaran pràctiques locals "
        "innovadores sobre com les noves associacions entre cultura i altres sectors fomenten "
        "les societats inclusives.",
        "El Fòrum de Cultura de la xarxa EUROCITIES treballa per promoure un major "
        "reconeixement de la cultura com a aspecte vital de les polítiques públiques i "
        "fomentar l'accés i la participació a la cultura per a tots. La xarxa considera que la "
        "cultura és fonamental per al desenvolupament sostenible de les ciutats europees. És "
        "un motor per al desenvolupament econòmic urbà i contribueix directament a millorar la "
        "qualitat de vida dels ciutadans. La cultura s'ha convertit cada cop més en el centre "
        "de les agendes de desenvolupament local i està cada vegada més connectada amb altres "
        "àrees. Aquesta ha estat una tendència clau durant l'última dècada i és probable que "
        "continuï en la següent. Aquesta és també una clara tendència a nivell de la UE i això "
        "es reflecteix en les polítiques i els programes de la Comissió Europea, cada cop més "
        "transversals, en què la cultura està connectada a altres polítiques.",
        "En la seva estratègia cultural EUROCITIES identifica cinc reptes clau als quals "
        "s'enfronten actualment les administracions i les institucions culturals de les "
        "ciutats: el repte demogràfic; El repte de l'apoderament del públic; El repte de la "
        "governança i el treball en xarxa; El repte digital; i el repte financer i "
        "organitzatiu.",
    ),
    "es": (
        "El próximo foro cultural tendrá lugar en Leeds del 9 al 11 de octubre de 2019 y se "
        "centrará en las ciudades inclusivas mediante colaboraciones diversas. Mediante formatos "
        "dinámicos, las ciudades participantes intercambiarán prácticas locales innovadoras sobre "
        "cómo las nuevas asociaciones entre la cultura y otros sectores fomentan las sociedades "
        "inclusivas.",
        "El Foro de Cultura de la red EUROCITIES trabaja para promover un mayor reconocimiento de "
        "la cultura como aspecto vital de las políticas públicas y fomentar el acceso y la "
        "participación en la cultura para todos. La red considera que la cultura es fundamental "
        "para el desarrollo sostenible de las ciudades europeas. Es un motor para el desarrollo "
        "económico urbano y contribuye directamente a mejorar la calidad de vida de los "
        "ciudadanos. La cultura se ha convertido cada vez más en el centro de las agendas de "
        "desarrollo local y está cada vez más conectada con otras áreas. Esta ha sido una "
        "tendencia clave durante la última década y es probable que continúe en la siguiente. "
        "Esta es también una clara tendencia a nivel de la UE, y ello se refleja en las políticas "
        "y los programas de la Comisión Europea, cada vez más transversales, en los que la cultura "
        "está conectada con otras políticas.",
        "En su estrategia cultural, EUROCITIES identifica cinco retos clave a los que se enfrentan "
        "actualmente las administraciones y las instituciones culturales de las ciudades: el reto "
        "demográfico; el reto del empoderamiento del público; el reto de la gobernanza y el "
        "trabajo en red; el reto digital, y el reto financiero y organizativo.",
    ),
    "en": (
        "The next culture forum will take place in Leeds from 9 to 11 October 2019 and will focus "
        "on inclusive cities through diverse partnerships. Through dynamic formats, the "
        "participating cities will exchange innovative local practices on how new partnerships "
        "between culture and other sectors foster inclusive societies.",
        "The EUROCITIES Culture Forum works to promote greater recognition of culture as a vital "
        "aspect of public policy and to encourage access to and participation in culture for all. "
        "The network considers culture fundamental to the sustainable development of European "
        "cities. It is a driver of urban economic development and contributes directly to "
        "improving citizens' quality of life. Culture has increasingly become the centre of local "
        "development agendas and is more and more connected with other areas. This has been a key "
        "trend over the last decade and is likely to continue in the next. It is also a clear "
        "trend at EU level, and this is reflected in the European Commission's increasingly "
        "cross-cutting policies and programmes, in which culture is connected to other policies.",
        "In its culture strategy, EUROCITIES identifies five key challenges that city "
        "administrations and cultural institutions currently face: the demographic challenge; the "
        "challenge of audience empowerment; the challenge of governance and networking; the "
        "digital challenge; and the financial and organisational challenge.",
    ),
}

SEED_ITEM = {
    "title": {
        "ca": "Fòrum de Cultura de la xarxa EUROCITIES a Leeds",
        "es": "Foro de Cultura de la red EUROCITIES en Leeds",
        "en": "EUROCITIES network Culture Forum in Leeds",
    },
    "slug": {
        "ca": "forum-de-cultura-eurocities-leeds",
        "es": "foro-de-cultura-eurocities-leeds",
        "en": "eurocities-culture-forum-leeds",
    },
    "summary": {
        "ca": "El proper fòrum cultural tindrà lloc a Leeds del 9 a l'11 d'octubre de 2019 i se "
        "centrarà en ciutats inclusives mitjançant col·laboracions diverses.",
        "es": "El próximo foro cultural tendrá lugar en Leeds del 9 al 11 de octubre de 2019 y se "
        "centrará en las ciudades inclusivas mediante colaboraciones diversas.",
        "en": "The next culture forum will take place in Leeds from 9 to 11 October 2019 and will "
        "focus on inclusive cities through diverse partnerships.",
    },
    "body": {
        lang: "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
        for lang, paragraphs in SEED_PARAGRAPHS.items()
    },
    "published_on": datetime.date(2019, 9, 20),
    "featured": True,
}

# --- Example items -----------------------------------------------------------------------------

EXAMPLE_NOTE = {
    "ca": "Aquesta notícia és un exemple del contingut de demostració: no descriu fets reals.",
    "es": "Esta noticia es un ejemplo del contenido de demostración: no describe hechos reales.",
    "en": "This news item is an example of the demo content: it does not describe real events.",
}
EXAMPLE_MARK = {"ca": "(exemple)", "es": "(ejemplo)", "en": "(example)"}

# (date, featured, network acronym or None, titles, summaries)
EXAMPLES = [
    (
        datetime.date(2019, 6, 14),
        False,
        "EUROCITIES",
        {
            "ca": "Terrassa al grup de treball City Branding d'EUROCITIES",
            "es": "Terrassa en el grupo de trabajo City Branding de EUROCITIES",
            "en": "Terrassa in the EUROCITIES City Branding working group",
        },
        {
            "ca": "La ciutat comparteix amb altres ciutats europees com explica la seva identitat "
            "al món.",
            "es": "La ciudad comparte con otras ciudades europeas cómo explica su identidad al "
            "mundo.",
            "en": "The city shares with other European cities how it presents its identity to the "
            "world.",
        },
    ),
    (
        datetime.date(2019, 11, 5),
        False,
        "EUROCITIES",
        {
            "ca": "Balanç del Fòrum de Cultura de Leeds",
            "es": "Balance del Foro de Cultura de Leeds",
            "en": "Looking back on the Leeds Culture Forum",
        },
        {
            "ca": "Les pràctiques locals presentades a Leeds inspiren noves col·laboracions entre "
            "cultura i altres sectors.",
            "es": "Las prácticas locales presentadas en Leeds inspiran nuevas colaboraciones entre "
            "la cultura y otros sectores.",
            "en": "The local practices presented in Leeds inspire new partnerships between culture "
            "and other sectors.",
        },
    ),
    (
        datetime.date(2020, 3, 10),
        False,
        None,
        {
            "ca": "Trobada en línia amb les ciutats agermanades",
            "es": "Encuentro en línea con las ciudades hermanadas",
            "en": "Online meeting with the twin cities",
        },
        {
            "ca": "Pamiers, Granada, Tetuan i Tecoluca repassen amb Terrassa els projectes comuns.",
            "es": "Pamiers, Granada, Tetuán y Tecoluca repasan con Terrassa los proyectos comunes.",
            "en": "Pamiers, Granada, Tetouan and Tecoluca review their joint projects with "
            "Terrassa.",
        },
    ),
    (
        datetime.date(2020, 10, 2),
        False,
        "CGLU",
        {
            "ca": "Reunió del grup de Ciutats Intermèdies de CGLU",
            "es": "Reunión del grupo de Ciudades Intermedias de CGLU",
            "en": "Meeting of the UCLG Intermediary Cities group",
        },
        {
            "ca": "Terrassa, vicepresidenta del grup, hi presenta les prioritats de l'any.",
            "es": "Terrassa, vicepresidenta del grupo, presenta las prioridades del año.",
            "en": "Terrassa, which holds a vice-presidency of the group, presents the year's "
            "priorities.",
        },
    ),
    (
        datetime.date(2021, 2, 18),
        False,
        None,
        {
            "ca": "Sessió informativa sobre convocatòries europees per a entitats",
            "es": "Sesión informativa sobre convocatorias europeas para entidades",
            "en": "Briefing on European calls for local organisations",
        },
        {
            "ca": "El Servei explica a les entitats de la ciutat com participar en projectes "
            "europeus.",
            "es": "El Servicio explica a las entidades de la ciudad cómo participar en proyectos "
            "europeos.",
            "en": "The Service explains to the city's organisations how to take part in European "
            "projects.",
        },
    ),
    (
        datetime.date(2021, 9, 22),
        False,
        "EUROCITIES",
        {
            "ca": "Terrassa a la Setmana Europea de la Mobilitat",
            "es": "Terrassa en la Semana Europea de la Movilidad",
            "en": "Terrassa in European Mobility Week",
        },
        {
            "ca": "La ciutat se suma a la campanya europea amb activitats als barris.",
            "es": "La ciudad se suma a la campaña europea con actividades en los barrios.",
            "en": "The city joins the European campaign with activities in its neighbourhoods.",
        },
    ),
    (
        datetime.date(2022, 4, 7),
        False,
        None,
        {
            "ca": "Visita d'una delegació de Pamiers",
            "es": "Visita de una delegación de Pamiers",
            "en": "A delegation from Pamiers visits Terrassa",
        },
        {
            "ca": "La visita reforça l'agermanament amb la ciutat francesa.",
            "es": "La visita refuerza el hermanamiento con la ciudad francesa.",
            "en": "The visit strengthens the twinning with the French city.",
        },
    ),
    (
        datetime.date(2022, 11, 15),
        True,
        "EUROCITIES",
        {
            "ca": "Terrassa comparteix la seva política cultural a EUROCITIES",
            "es": "Terrassa comparte su política cultural en EUROCITIES",
            "en": "Terrassa shares its cultural policy at EUROCITIES",
        },
        {
            "ca": "La ciutat presenta com la cultura contribueix a una societat més inclusiva.",
            "es": "La ciudad presenta cómo la cultura contribuye a una sociedad más inclusiva.",
            "en": "The city presents how culture contributes to a more inclusive society.",
        },
    ),
    (
        datetime.date(2023, 5, 9),
        False,
        None,
        {
            "ca": "Dia d'Europa a Terrassa",
            "es": "Día de Europa en Terrassa",
            "en": "Europe Day in Terrassa",
        },
        {
            "ca": "Activitats per conèixer què fa la Unió Europea a la ciutat.",
            "es": "Actividades para conocer qué hace la Unión Europea en la ciudad.",
            "en": "Activities to find out what the European Union does in the city.",
        },
    ),
    (
        datetime.date(2023, 10, 19),
        False,
        None,
        {
            "ca": "Reunió de seguiment de l'agermanament amb Tecoluca",
            "es": "Reunión de seguimiento del hermanamiento con Tecoluca",
            "en": "Follow-up meeting on the twinning with Tecoluca",
        },
        {
            "ca": "Les dues ciutats revisen els projectes de cooperació en curs.",
            "es": "Las dos ciudades revisan los proyectos de cooperación en curso.",
            "en": "The two cities review their ongoing cooperation projects.",
        },
    ),
    (
        datetime.date(2024, 3, 21),
        False,
        None,
        {
            "ca": "Jornada sobre fons europeus per a la ciutat",
            "es": "Jornada sobre fondos europeos para la ciudad",
            "en": "A day on European funds for the city",
        },
        {
            "ca": "Els serveis municipals comparteixen com preparar propostes de finançament "
            "europeu.",
            "es": "Los servicios municipales comparten cómo preparar propuestas de financiación "
            "europea.",
            "en": "Municipal services share how to prepare proposals for European funding.",
        },
    ),
    (
        datetime.date(2024, 6, 12),
        False,
        None,
        {
            "ca": "Intercanvi juvenil amb Tetuan",
            "es": "Intercambio juvenil con Tetuán",
            "en": "Youth exchange with Tetouan",
        },
        {
            "ca": "Joves de Terrassa i de Tetuan participen en un programa d'intercanvi.",
            "es": "Jóvenes de Terrassa y de Tetuán participan en un programa de intercambio.",
            "en": "Young people from Terrassa and Tetouan take part in an exchange programme.",
        },
    ),
    (
        datetime.date(2025, 1, 30),
        False,
        "CGLU",
        {
            "ca": "Informe anual de la participació en xarxes internacionals",
            "es": "Informe anual de la participación en redes internacionales",
            "en": "Annual report on the city's international networks",
        },
        {
            "ca": "Un resum de l'activitat de Terrassa a les xarxes de ciutats durant l'any.",
            "es": "Un resumen de la actividad de Terrassa en las redes de ciudades durante el año.",
            "en": "A summary of Terrassa's activity in city networks over the year.",
        },
    ),
    (
        datetime.date(2025, 5, 9),
        False,
        None,
        {
            "ca": "Dia d'Europa 2025",
            "es": "Día de Europa 2025",
            "en": "Europe Day 2025",
        },
        {
            "ca": "La ciutat celebra el Dia d'Europa amb les entitats i els centres educatius.",
            "es": "La ciudad celebra el Día de Europa con las entidades y los centros educativos.",
            "en": "The city celebrates Europe Day with local organisations and schools.",
        },
    ),
]

# --- Demo images -------------------------------------------------------------------------------

IMAGES = {
    "leeds": {
        "lines": ("EUROCITIES", "Culture Forum", "Leeds · 9-11.10.2019"),
        "colours": ((155, 28, 49), (255, 255, 255)),
        "title": {
            "ca": "Cartell del Fòrum de Cultura de Leeds (imatge de demostració)",
            "es": "Cartel del Foro de Cultura de Leeds (imagen de demostración)",
            "en": "Leeds Culture Forum poster (demo image)",
        },
        "alt_text": {
            "ca": "Cartell vermell: «EUROCITIES, Culture Forum», Leeds, del 9 a l'11 d'octubre de "
            "2019.",
            "es": "Cartel rojo: «EUROCITIES, Culture Forum», Leeds, del 9 al 11 de octubre de "
            "2019.",
            "en": "Red poster: “EUROCITIES, Culture Forum”, Leeds, 9 to 11 October 2019.",
        },
    },
    "europe": {
        "lines": ("Terrassa", "Europa · Europe", "Relacions internacionals"),
        "colours": ((0, 51, 153), (255, 204, 0)),
        "title": {
            "ca": "Terrassa i Europa (imatge de demostració)",
            "es": "Terrassa y Europa (imagen de demostración)",
            "en": "Terrassa and Europe (demo image)",
        },
        "alt_text": {
            "ca": "Rètol blau i groc amb el text «Terrassa, Europa, Relacions internacionals».",
            "es": "Rótulo azul y amarillo con el texto «Terrassa, Europa, Relacions "
            "internacionals».",
            "en": "Blue and yellow sign reading “Terrassa, Europa, Relacions internacionals”.",
        },
    },
}
IMAGE_SIZE = (1920, 1080)
IMAGE_CREDIT = "Relacions (demo)"


def _poster(lines: tuple[str, ...], background, ink) -> bytes:
    """A plain poster with a few lines of text: enough to see renditions at work."""
    picture = PILImage.new("RGB", IMAGE_SIZE, background)
    draw = ImageDraw.Draw(picture)
    draw.rectangle((60, 60, IMAGE_SIZE[0] - 60, IMAGE_SIZE[1] - 60), outline=ink, width=12)
    sizes = (170, 120, 80)
    y = 250
    for line, size in zip(lines, sizes, strict=False):
        font = ImageFont.load_default(size=size)
        draw.text((IMAGE_SIZE[0] // 2, y), line, fill=ink, font=font, anchor="mm")
        y += size + 130
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def _image(key: str) -> tuple[Image, bool]:
    spec = IMAGES[key]
    existing = Image.objects.filter(title_ca=spec["title"]["ca"]).first()
    if existing is not None:
        return existing, False
    image = Image(
        credit=IMAGE_CREDIT,
        licence=Image.Licence.CC0,
        **{f"title_{lang}": text for lang, text in spec["title"].items()},
        **{f"alt_text_{lang}": text for lang, text in spec["alt_text"].items()},
    )
    image.file = ContentFile(_poster(spec["lines"], *spec["colours"]), name=f"{key}.jpg")
    image.save()  # cleans the file and makes the renditions
    return image, True


# --- Links to the other apps' demo content (looked up, never created here) ---------------------


def _network(acronym: str) -> Network | None:
    match = Q()
    for lang in LANGUAGES:
        match |= Q(**{f"acronym_{lang}__iexact": acronym}) | Q(**{f"name_{lang}__iexact": acronym})
    return Network.objects.filter(match).order_by("pk").first()


def _seed_links() -> dict[str, list]:
    network = _network("EUROCITIES")
    forums = Forum.objects.filter(network=network) if network else Forum.objects.none()
    forum = (
        forums.filter(Q(name_en__icontains="culture") | Q(name_ca__icontains="cultura"))
        .order_by("pk")
        .first()
    )
    event = (
        Event.objects.filter(city__iexact="Leeds", start__year=2019).order_by("start", "pk").first()
    )
    objective = Objective.objects.filter(code="5.2").order_by("-plan__is_current", "pk").first()
    return {
        "networks": [network] if network else [],
        "forums": [forum] if forum else [],
        "events": [event] if event else [],
        "objectives": [objective] if objective else [],
    }


# --- Loading -----------------------------------------------------------------------------------


def _create(spec: dict, *, image: Image | None, links: dict[str, list]) -> bool:
    if NewsItem.objects.filter(slug_ca=spec["slug"]["ca"]).exists():
        return False
    item = NewsItem.objects.create(
        status=NewsItem.Status.PUBLISHED,
        published_on=spec["published_on"],
        featured=spec["featured"],
        image=image,
        **{f"{field}_{lang}": spec[field][lang] for field in TRANSLATED for lang in LANGUAGES},
    )
    for relation, objects in links.items():
        getattr(item, relation).set(objects)
    return True


def _example_spec(published_on, featured, titles, summaries) -> dict:
    titles = {lang: f"{titles[lang]} {EXAMPLE_MARK[lang]}" for lang in LANGUAGES}
    return {
        "title": titles,
        "slug": {lang: slugify(titles[lang]) for lang in LANGUAGES},
        "summary": summaries,
        "body": {
            lang: f"<p>{summaries[lang]}</p><p><em>{EXAMPLE_NOTE[lang]}</em></p>"
            for lang in LANGUAGES
        },
        "published_on": published_on,
        "featured": featured,
    }


def load() -> int:
    created = 0
    images = {}
    for key in IMAGES:
        images[key], made = _image(key)
        created += made
    created += _create(SEED_ITEM, image=images["leeds"], links=_seed_links())
    for index, (published_on, featured, acronym, titles, summaries) in enumerate(EXAMPLES):
        network = _network(acronym) if acronym else None
        created += _create(
            _example_spec(published_on, featured, titles, summaries),
            # One example in four has a picture, so the list shows cards with and without.
            image=images["europe"] if index % 4 == 0 or featured else None,
            links={"networks": [network] if network else []},
        )
    return created
