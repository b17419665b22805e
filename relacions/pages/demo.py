"""Demo content: the office's own text (../shared/seed/), in Catalan with Spanish and English
translations. Loaded by `manage.py load_demo_content`; what exists already is left untouched."""

from .models import Page, SiteSettings

MISSION = {
    "ca": (
        "El Servei de Relacions Europees i Internacionals té com a missió la representativitat, el "
        "posicionament i el desenvolupament de Terrassa en l'escenari europeu i internacional, tot "
        "analitzant i promovent les polítiques públiques per assegurar la participació de la ciutat "
        "en accions municipals que es puguin generar per assolir els principals objectius detallats "
        "en el Pla de Mandat."
    ),
    "es": (
        "El Servicio de Relaciones Europeas e Internacionales tiene como misión la "
        "representatividad, el posicionamiento y el desarrollo de Terrassa en el escenario europeo e "
        "internacional, analizando y promoviendo las políticas públicas para asegurar la "
        "participación de la ciudad en acciones municipales que puedan generarse para alcanzar los "
        "principales objetivos detallados en el Plan de Mandato."
    ),
    "en": (
        "The mission of the European and International Relations Service is to represent, position "
        "and develop Terrassa on the European and international stage, analysing and promoting "
        "public policies to ensure that the city takes part in the municipal actions that may arise "
        "to achieve the main objectives set out in the Pla de Mandat, the city's mandate plan."
    ),
}

OFFICE_NAME = {
    "ca": "Servei de Relacions Europees i Internacionals",
    "es": "Servicio de Relaciones Europeas e Internacionales",
    "en": "European and International Relations Service",
}

WHAT_WE_DO = {
    "ca": (
        "<h2>Què fem</h2><ul><li>Representem la ciutat a les xarxes europees i internacionals de "
        "ciutats, com EUROCITIES i Ciutats i Governs Locals Units (CGLU).</li><li>Participem en els "
        "fòrums i grups de treball d'aquestes xarxes, com el Fòrum de Cultura d'EUROCITIES.</li>"
        "<li>Cuidem els agermanaments de Terrassa amb Pamiers (França), Granada (Nicaragua), "
        "Tetuan (Marroc) i Tecoluca (El Salvador).</li><li>Analitzem les polítiques europees i "
        "promovem la participació de la ciutat en projectes que serveixen els objectius del Pla de "
        "Mandat.</li></ul>"
    ),
    "es": (
        "<h2>Qué hacemos</h2><ul><li>Representamos a la ciudad en las redes europeas e "
        "internacionales de ciudades, como EUROCITIES y Ciudades y Gobiernos Locales Unidos "
        "(CGLU).</li><li>Participamos en los foros y grupos de trabajo de estas redes, como el Foro "
        "de Cultura de EUROCITIES.</li><li>Cuidamos los hermanamientos de Terrassa con Pamiers "
        "(Francia), Granada (Nicaragua), Tetuán (Marruecos) y Tecoluca (El Salvador).</li>"
        "<li>Analizamos las políticas europeas y promovemos la participación de la ciudad en "
        "proyectos que sirven a los objetivos del Plan de Mandato.</li></ul>"
    ),
    "en": (
        "<h2>What we do</h2><ul><li>We represent the city in European and international city "
        "networks such as EUROCITIES and United Cities and Local Governments (UCLG).</li><li>We "
        "take part in these networks' forums and working groups, such as the EUROCITIES Culture "
        "Forum.</li><li>We look after Terrassa's twinnings with Pamiers (France), Granada "
        "(Nicaragua), Tetouan (Morocco) and Tecoluca (El Salvador).</li><li>We analyse European "
        "policies and promote the city's participation in projects that serve the objectives of "
        "the Pla de Mandat.</li></ul>"
    ),
}

ADDRESS = "Ajuntament de Terrassa\nRaval de Montserrat, 14\n08221 Terrassa"

PAGES = [
    {
        "key": Page.Key.MISSION,
        "menu_order": 1,
        "show_in_menu": True,
        "title": {"ca": "Qui som", "es": "Quiénes somos", "en": "Who we are"},
        "slug": {"ca": "qui-som", "es": "quienes-somos", "en": "who-we-are"},
        "summary": MISSION,
        "body": {lang: f"<p>{MISSION[lang]}</p>{WHAT_WE_DO[lang]}" for lang in MISSION},
    },
    {
        "key": Page.Key.CONTACT,
        "menu_order": 9,
        "show_in_menu": True,
        "title": {"ca": "Contacte", "es": "Contacto", "en": "Contact"},
        "slug": {"ca": "contacte", "es": "contacto", "en": "contact"},
        "summary": {
            "ca": "Com adreçar-vos al Servei de Relacions Europees i Internacionals.",
            "es": "Cómo dirigirse al Servicio de Relaciones Europeas e Internacionales.",
            "en": "How to reach the European and International Relations Service.",
        },
        "body": {
            "ca": "<p>El Servei és a l'Ajuntament de Terrassa, Raval de Montserrat, 14, 08221 "
            "Terrassa. Podeu adreçar-hi consultes sobre xarxes de ciutats, agermanaments i "
            "projectes europeus a través dels canals d'atenció ciutadana de l'Ajuntament.</p>",
            "es": "<p>El Servicio está en el Ayuntamiento de Terrassa, Raval de Montserrat, 14, "
            "08221 Terrassa. Puede dirigirle consultas sobre redes de ciudades, hermanamientos y "
            "proyectos europeos a través de los canales de atención ciudadana del "
            "Ayuntamiento.</p>",
            "en": "<p>The Service is at Terrassa City Council, Raval de Montserrat, 14, 08221 "
            "Terrassa. Questions about city networks, twinnings and European projects can be sent "
            "through the City Council's citizen service channels.</p>",
        },
    },
    {
        "key": Page.Key.LEGAL_NOTICE,
        "menu_order": 20,
        "title": {"ca": "Avís legal", "es": "Aviso legal", "en": "Legal notice"},
        "slug": {"ca": "avis-legal", "es": "aviso-legal", "en": "legal-notice"},
        "summary": {
            "ca": "Titularitat del web i condicions d'ús.",
            "es": "Titularidad de la web y condiciones de uso.",
            "en": "Who owns this website and the terms of use.",
        },
        "body": {
            "ca": "<p>Aquest web és de l'Ajuntament de Terrassa (Raval de Montserrat, 14, 08221 "
            "Terrassa). Els continguts es poden reproduir citant-ne la font, llevat que s'indiqui "
            "el contrari. Les imatges porten els seus propis crèdits i llicències.</p>",
            "es": "<p>Esta web es del Ayuntamiento de Terrassa (Raval de Montserrat, 14, 08221 "
            "Terrassa). Los contenidos pueden reproducirse citando la fuente, salvo que se indique "
            "lo contrario. Las imágenes llevan sus propios créditos y licencias.</p>",
            "en": "<p>This website belongs to Terrassa City Council (Raval de Montserrat, 14, 08221 "
            "Terrassa). Its content may be reproduced with acknowledgement of the source unless "
            "stated otherwise. Images carry their own credits and licences.</p>",
        },
    },
    {
        "key": Page.Key.ACCESSIBILITY,
        "menu_order": 21,
        "title": {
            "ca": "Declaració d'accessibilitat",
            "es": "Declaración de accesibilidad",
            "en": "Accessibility statement",
        },
        "slug": {"ca": "accessibilitat", "es": "accesibilidad", "en": "accessibility"},
        "summary": {
            "ca": "El compromís de l'Ajuntament amb l'accessibilitat d'aquest web.",
            "es": "El compromiso del Ayuntamiento con la accesibilidad de esta web.",
            "en": "The City Council's commitment to the accessibility of this website.",
        },
        "body": {
            "ca": "<p>L'Ajuntament de Terrassa es compromet a fer accessible aquest web d'acord amb "
            "el Reial decret 1112/2018 i la Directiva (UE) 2016/2102, amb l'objectiu de complir "
            "el nivell AA de les WCAG 2.1. Si trobeu cap barrera d'accés, feu-nos-ho saber a "
            "través dels canals de contacte de l'Ajuntament.</p>",
            "es": "<p>El Ayuntamiento de Terrassa se compromete a hacer accesible esta web de "
            "acuerdo con el Real Decreto 1112/2018 y la Directiva (UE) 2016/2102, con el objetivo "
            "de cumplir el nivel AA de las WCAG 2.1. Si encuentra alguna barrera de acceso, "
            "comuníquenoslo a través de los canales de contacto del Ayuntamiento.</p>",
            "en": "<p>Terrassa City Council is committed to making this website accessible in "
            "accordance with Royal Decree 1112/2018 and Directive (EU) 2016/2102, aiming at level "
            "AA of WCAG 2.1. If you find any barrier, please tell us through the City Council's "
            "contact channels.</p>",
        },
    },
]

TRANSLATED = ("title", "slug", "summary", "body")


def load() -> int:
    created = 0
    if not SiteSettings.objects.exists():
        SiteSettings.objects.create(
            **{f"office_name_{lang}": name for lang, name in OFFICE_NAME.items()},
            **{f"mission_intro_{lang}": text for lang, text in MISSION.items()},
            address=ADDRESS,
            website="https://www.terrassa.cat/",
        )
        created += 1
    for spec in PAGES:
        if Page.objects.filter(key=spec["key"]).exists():
            continue
        values = {
            f"{field}_{lang}": text for field in TRANSLATED for lang, text in spec[field].items()
        }
        Page.objects.create(
            key=spec["key"],
            menu_order=spec["menu_order"],
            show_in_menu=spec.get("show_in_menu", False),
            status=Page.Status.PUBLISHED,
            **values,
        )
        created += 1
    return created
