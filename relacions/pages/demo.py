"""Demo content: the office's own text (../shared/seed/), in Catalan with Spanish and English
translations. Loaded by `manage.py load_demo_content`; what exists already is left untouched."""

import datetime

from .models import Page, SiteSettings

MISSION = {
    "ca": (
        "El Servei de Relacions Europees i Internacionals té com a missió la representativitat, el "
        "posicionament i el desenvolupament de Terrassa en l'escenari europeu i internacional, tot "
        "analitzant i promovent les polítiques públiques per assegurar la participació de la "
        "ciutat en accions municipals que es puguin generar per assolir els principals objectius "
        "detallats en el Pla de Mandat."
    ),
    "es": (
        "El Servicio de Relaciones Europeas e Internacionales tiene como misión la "
        "representatividad, el posicionamiento y el desarrollo de Terrassa en el escenario europeo "
        "e internacional, analizando y promoviendo las políticas públicas para asegurar la "
        "participación de la ciudad en acciones municipales que puedan generarse para alcanzar los "
        "principales objetivos detallados en el Plan de Mandato."
    ),
    "en": (
        "The mission of the European and International Relations Service is to represent, position "
        "and develop Terrassa on the European and international stage, analysing and promoting "
        "public policies to ensure that the city takes part in the municipal actions that may "
        "arise to achieve the main objectives set out in the Pla de Mandat, the city's mandate "
        "plan."
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
        "ciutats, com EUROCITIES i Ciutats i Governs Locals Units (CGLU).</li><li>Participem en "
        "els fòrums i grups de treball d'aquestes xarxes, com el Fòrum de Cultura "
        "d'EUROCITIES.</li><li>Cuidem els agermanaments de Terrassa amb Pamiers (França), Granada "
        "(Nicaragua), Tetuan (Marroc) i Tecoluca (El Salvador).</li><li>Analitzem les polítiques "
        "europees i promovem la participació de la ciutat en projectes que serveixen els objectius "
        "del Pla de Mandat.</li></ul>"
    ),
    "es": (
        "<h2>Qué hacemos</h2><ul><li>Representamos a la ciudad en las redes europeas e "
        "internacionales de ciudades, como EUROCITIES y Ciudades y Gobiernos Locales Unidos "
        "(CGLU).</li><li>Participamos en los foros y grupos de trabajo de estas redes, como el "
        "Foro de Cultura de EUROCITIES.</li><li>Cuidamos los hermanamientos de Terrassa con "
        "Pamiers (Francia), Granada (Nicaragua), Tetuán (Marruecos) y Tecoluca (El "
        "Salvador).</li><li>Analizamos las políticas europeas y promovemos la participación de la "
        "ciudad en proyectos que sirven a los objetivos del Plan de Mandato.</li></ul>"
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

# The accessibility statement, after the model of Commission Implementing Decision (EU) 2018/1523
# and Royal Decree 1112/2018 (compliance status, non-accessible content, preparation, feedback,
# enforcement). Dates, contact details and the accessibility unit are the office's to confirm.
STATEMENT_REVIEWED_ON = datetime.date(2026, 11, 26)
ACCESSIBILITY_STATEMENT = {
    "ca": (
        "<p>L'Ajuntament de Terrassa s'ha compromès a fer accessible aquest lloc web, el del "
        "Servei de Relacions Europees i Internacionals, d'acord amb el Reial decret 1112/2018, de "
        "7 de setembre, sobre accessibilitat dels llocs web i aplicacions per a dispositius mòbils "
        "del sector públic, que transposa la Directiva (UE) 2016/2102. Aquesta declaració segueix "
        "el model de la Decisió d'execució (UE) 2018/1523 de la Comissió Europea.</p><h2>Situació "
        "de compliment</h2><p>Aquest lloc web és <strong>parcialment conforme</strong> amb el "
        "Reial decret 1112/2018 a causa de la manca de conformitat i de les excepcions que "
        "s'indiquen a continuació. La referència és el nivell AA de les Pautes d'accessibilitat "
        "per al contingut web (WCAG) 2.1, que recull la norma UNE-EN 301 549.</p><h2>Contingut no "
        "accessible</h2><h3>Manca de conformitat</h3><ul><li>Alguns documents PDF que provenen de "
        "les xarxes de ciutats i d'altres organismes poden no tenir una estructura accessible "
        "(encapçalaments, ordre de lectura, text alternatiu de les imatges). Alternativa: us en "
        "facilitem el contingut en un format accessible si ens el demaneu.</li><li>Algunes imatges "
        "publicades abans de la revisió de la mediateca poden tenir un text alternatiu poc "
        "descriptiu. Les estem revisant; mentrestant, el text de cada pàgina conté la informació "
        "essencial.</li></ul><h3>Càrrega desproporcionada</h3><p>No s'ha invocat la càrrega "
        "desproporcionada per a cap contingut.</p><h3>Contingut fora de l'àmbit de la legislació "
        "aplicable</h3><ul><li>Documents ofimàtics (PDF, textos, fulls de càlcul) publicats abans "
        "del 20 de setembre de 2018.</li><li>Continguts de tercers que l'Ajuntament no finança, no "
        "desenvolupa ni controla, com els webs de les xarxes internacionals als quals "
        "enllacem.</li><li>Continguts multimèdia pregravats publicats abans del 23 de setembre de "
        "2020.</li></ul><h2>Preparació d'aquesta declaració</h2><p>Aquesta declaració es va "
        "preparar el 26 de novembre de 2026. El mètode emprat ha estat una autoavaluació del "
        "mateix Servei: la validació de cada tipus de pàgina en català, castellà i anglès amb el "
        "validador HTML del W3C (Nu HTML Checker) i amb axe-core, i un recorregut de les funcions "
        "principals només amb el teclat. La declaració es revisa com a mínim un cop l'any; la data "
        "de la darrera revisió és al final d'aquesta pàgina.</p><h2>Observacions i dades de "
        "contacte</h2><p>Ens podeu fer arribar comunicacions sobre els requisits d'accessibilitat, "
        "per exemple:</p><ul><li>informar de qualsevol possible incompliment d'aquest lloc "
        "web;</li><li>explicar-nos altres dificultats d'accés al contingut;</li><li>fer qualsevol "
        "consulta o suggeriment de millora sobre l'accessibilitat del web;</li><li>demanar en un "
        "format accessible la informació d'un contingut no accessible o exclòs de l'àmbit de la "
        "legislació.</li></ul><p>Adreceu-vos al Servei amb les dades de contacte que figuren al "
        "peu de cada pàgina, o a l'Ajuntament de Terrassa per qualsevol dels seus canals d'atenció "
        "ciutadana, inclosa la seu electrònica. Us respondrem en un termini màxim de vint dies "
        "hàbils.</p><h2>Procediment d'aplicació</h2><p>Si la vostra sol·licitud d'informació "
        "accessible o la vostra queixa ha estat desestimada, si no esteu d'acord amb la decisió "
        "presa o si no heu rebut resposta en el termini de vint dies hàbils, podeu presentar una "
        "reclamació. D'acord amb el Reial decret 1112/2018, la reclamació es dirigeix a la unitat "
        "responsable d'accessibilitat que ha designat l'Ajuntament de Terrassa, i es pot presentar "
        "per qualsevol dels mitjans que preveu la Llei 39/2015, del procediment administratiu "
        "comú, inclòs el registre electrònic de la seu electrònica de "
        "l'Ajuntament.</p><h2>Compatibilitat</h2><p>El lloc web es basa en HTML, CSS i WAI-ARIA, i "
        "funciona amb les versions actuals dels navegadors habituals i amb lectors de pantalla. No "
        "necessita JavaScript per mostrar cap contingut.</p><p><em>Text d'exemple del contingut de "
        "demostració: el Servei n'ha de confirmar les dates, les dades de contacte i la unitat "
        "responsable d'accessibilitat.</em></p>"
    ),
    "es": (
        "<p>El Ayuntamiento de Terrassa se ha comprometido a hacer accesible este sitio web, el "
        "del Servicio de Relaciones Europeas e Internacionales, de conformidad con el Real Decreto "
        "1112/2018, de 7 de septiembre, sobre accesibilidad de los sitios web y aplicaciones para "
        "dispositivos móviles del sector público, que transpone la Directiva (UE) 2016/2102. Esta "
        "declaración sigue el modelo de la Decisión de Ejecución (UE) 2018/1523 de la Comisión "
        "Europea.</p><h2>Situación de cumplimiento</h2><p>Este sitio web es <strong>parcialmente "
        "conforme</strong> con el Real Decreto 1112/2018 debido a la falta de conformidad y a las "
        "excepciones que se indican a continuación. La referencia es el nivel AA de las Pautas de "
        "accesibilidad para el contenido web (WCAG) 2.1, que recoge la norma UNE-EN 301 "
        "549.</p><h2>Contenido no accesible</h2><h3>Falta de conformidad</h3><ul><li>Algunos "
        "documentos PDF procedentes de las redes de ciudades y de otros organismos pueden no tener "
        "una estructura accesible (encabezados, orden de lectura, texto alternativo de las "
        "imágenes). Alternativa: le facilitamos su contenido en un formato accesible si nos lo "
        "pide.</li><li>Algunas imágenes publicadas antes de la revisión de la mediateca pueden "
        "tener un texto alternativo poco descriptivo. Las estamos revisando; mientras tanto, el "
        "texto de cada página contiene la información esencial.</li></ul><h3>Carga "
        "desproporcionada</h3><p>No se ha invocado la carga desproporcionada para ningún "
        "contenido.</p><h3>Contenido fuera del ámbito de la legislación "
        "aplicable</h3><ul><li>Documentos ofimáticos (PDF, textos, hojas de cálculo) publicados "
        "antes del 20 de septiembre de 2018.</li><li>Contenidos de terceros que el Ayuntamiento no "
        "financia, no desarrolla ni controla, como los sitios web de las redes internacionales a "
        "los que enlazamos.</li><li>Contenidos multimedia pregrabados publicados antes del 23 de "
        "septiembre de 2020.</li></ul><h2>Preparación de esta declaración</h2><p>Esta declaración "
        "se preparó el 26 de noviembre de 2026. El método empleado ha sido una autoevaluación del "
        "propio Servicio: la validación de cada tipo de página en catalán, castellano e inglés con "
        "el validador HTML del W3C (Nu HTML Checker) y con axe-core, y un recorrido de las "
        "funciones principales solo con el teclado. La declaración se revisa como mínimo una vez "
        "al año; la fecha de la última revisión figura al final de esta "
        "página.</p><h2>Observaciones y datos de contacto</h2><p>Puede hacernos llegar "
        "comunicaciones sobre los requisitos de accesibilidad, por ejemplo:</p><ul><li>informar de "
        "cualquier posible incumplimiento de este sitio web;</li><li>explicarnos otras "
        "dificultades de acceso al contenido;</li><li>hacer cualquier consulta o sugerencia de "
        "mejora sobre la accesibilidad del sitio web;</li><li>solicitar en un formato accesible la "
        "información de un contenido no accesible o excluido del ámbito de la "
        "legislación.</li></ul><p>Diríjase al Servicio con los datos de contacto que figuran al "
        "pie de cada página, o al Ayuntamiento de Terrassa por cualquiera de sus canales de "
        "atención ciudadana, incluida la sede electrónica. Le responderemos en un plazo máximo de "
        "veinte días hábiles.</p><h2>Procedimiento de aplicación</h2><p>Si su solicitud de "
        "información accesible o su queja ha sido desestimada, si no está de acuerdo con la "
        "decisión adoptada o si no ha recibido respuesta en el plazo de veinte días hábiles, puede "
        "presentar una reclamación. De acuerdo con el Real Decreto 1112/2018, la reclamación se "
        "dirige a la unidad responsable de accesibilidad que ha designado el Ayuntamiento de "
        "Terrassa, y puede presentarse por cualquiera de los medios que prevé la Ley 39/2015, del "
        "procedimiento administrativo común, incluido el registro electrónico de la sede "
        "electrónica del Ayuntamiento.</p><h2>Compatibilidad</h2><p>El sitio web se basa en HTML, "
        "CSS y WAI-ARIA, y funciona con las versiones actuales de los navegadores habituales y con "
        "lectores de pantalla. No necesita JavaScript para mostrar ningún "
        "contenido.</p><p><em>Texto de ejemplo del contenido de demostración: el Servicio debe "
        "confirmar sus fechas, los datos de contacto y la unidad responsable de "
        "accesibilidad.</em></p>"
    ),
    "en": (
        "<p>Terrassa City Council is committed to making this website, that of the European and "
        "International Relations Service, accessible in accordance with Royal Decree 1112/2018 of "
        "7 September on the accessibility of public sector websites and mobile applications, which "
        "transposes Directive (EU) 2016/2102. This statement follows the model of the European "
        "Commission's Implementing Decision (EU) 2018/1523.</p><h2>Compliance status</h2><p>This "
        "website is <strong>partially compliant</strong> with Royal Decree 1112/2018 because of "
        "the non-compliances and exemptions listed below. The reference is level AA of the Web "
        "Content Accessibility Guidelines (WCAG) 2.1, as set out in the standard EN 301 "
        "549.</p><h2>Non-accessible content</h2><h3>Non-compliance</h3><ul><li>Some PDF documents "
        "that come from the city networks and other organisations may lack an accessible structure "
        "(headings, reading order, text alternatives for images). Alternative: we will send you "
        "their content in an accessible format on request.</li><li>Some images published before "
        "the image library was reviewed may have text alternatives that say too little. We are "
        "reviewing them; meanwhile, the text of each page holds the essential "
        "information.</li></ul><h3>Disproportionate burden</h3><p>Disproportionate burden has not "
        "been claimed for any content.</p><h3>Content outside the scope of the applicable "
        "legislation</h3><ul><li>Office documents (PDF, text documents, spreadsheets) published "
        "before 20 September 2018.</li><li>Third-party content that the City Council neither "
        "funds, develops nor controls, such as the websites of the international networks we link "
        "to.</li><li>Pre-recorded time-based media published before 23 September "
        "2020.</li></ul><h2>Preparation of this statement</h2><p>This statement was prepared on 26 "
        "November 2026. The method used was a self-assessment by the Service itself: every kind of "
        "page was checked in Catalan, Spanish and English with the W3C HTML validator (Nu HTML "
        "Checker) and with axe-core, and the main functions were walked through with the keyboard "
        "only. The statement is reviewed at least once a year; the date of its last review is at "
        "the end of this page.</p><h2>Feedback and contact information</h2><p>You can send us "
        "communications about the accessibility requirements, for example:</p><ul><li>to report "
        "any possible non-compliance of this website;</li><li>to tell us about other difficulties "
        "in reaching the content;</li><li>to ask any question or suggest any improvement about the "
        "accessibility of the website;</li><li>to ask for the information of a non-accessible or "
        "exempted content in an accessible format.</li></ul><p>Contact the Service with the "
        "details at the foot of every page, or Terrassa City Council through any of its citizen "
        "service channels, including its e-office (seu electrònica). We will reply within twenty "
        "working days at most.</p><h2>Enforcement procedure</h2><p>If your request for accessible "
        "information or your complaint has been rejected, if you disagree with the decision taken, "
        "or if you have had no reply within twenty working days, you may file a claim. Under Royal "
        "Decree 1112/2018 the claim is addressed to the accessibility unit designated by Terrassa "
        "City Council, and it may be filed by any of the means provided for in Law 39/2015 on the "
        "common administrative procedure, including the electronic register of the City Council's "
        "e-office.</p><h2>Compatibility</h2><p>The website is built on HTML, CSS and WAI-ARIA and "
        "works with the current versions of the usual browsers and with screen readers. It needs "
        "no JavaScript to show any content.</p><p><em>Example text of the demo content: the "
        "Service must confirm its dates, the contact details and the accessibility unit.</em></p>"
    ),
}

# The first demo version of the statement: replaced by the full one where it was never edited.
PREVIOUS_STATEMENT = {
    "ca": "<p>L'Ajuntament de Terrassa es compromet a fer accessible aquest web d'acord amb "
    "el Reial decret 1112/2018 i la Directiva (UE) 2016/2102, amb l'objectiu de complir el nivell "
    "AA de les WCAG 2.1. Si trobeu cap barrera d'accés, feu-nos-ho saber a "
    "través dels canals de contacte de l'Ajuntament.</p>",
    "es": "<p>El Ayuntamiento de Terrassa se compromete a hacer accesible esta web de "
    "acuerdo con el Real Decreto 1112/2018 y la Directiva (UE) 2016/2102, con el objetivo de "
    "cumplir el nivel AA de las WCAG 2.1. Si encuentra alguna barrera de acceso, "
    "comuníquenoslo a través de los canales de contacto del Ayuntamiento.</p>",
    "en": "<p>Terrassa City Council is committed to making this website accessible in "
    "accordance with Royal Decree 1112/2018 and Directive (EU) 2016/2102, aiming at level AA of "
    "WCAG 2.1. If you find any barrier, please tell us through the City Council's "
    "contact channels.</p>",
}
PREVIOUS_STATEMENT_SUMMARY = {
    "ca": "El compromís de l'Ajuntament amb l'accessibilitat d'aquest web.",
    "es": "El compromiso del Ayuntamiento con la accesibilidad de esta web.",
    "en": "The City Council's commitment to the accessibility of this website.",
}

ADDRESS = "Ajuntament de Terrassa\nRaval de Montserrat, 14\n08221 Terrassa"

ACCESSIBILITY_PAGE = {
    "key": Page.Key.ACCESSIBILITY,
    "menu_order": 21,
    "title": {
        "ca": "Declaració d'accessibilitat",
        "es": "Declaración de accesibilidad",
        "en": "Accessibility statement",
    },
    "slug": {"ca": "accessibilitat", "es": "accesibilidad", "en": "accessibility"},
    "summary": {
        "ca": "Fins a quin punt és accessible aquest web, què encara no ho és i com ens podeu "
        "demanar una alternativa o presentar una reclamació.",
        "es": "Hasta qué punto es accesible esta web, qué aún no lo es y cómo puede pedirnos "
        "una alternativa o presentar una reclamación.",
        "en": "How accessible this website is, what is not yet, and how to ask us for an "
        "alternative or make a complaint.",
    },
    "body": ACCESSIBILITY_STATEMENT,
    "reviewed_on": STATEMENT_REVIEWED_ON,
}

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
            "en": "<p>This website belongs to Terrassa City Council (Raval de Montserrat, 14, "
            "08221 Terrassa). Its content may be reproduced with acknowledgement of the source "
            "unless stated otherwise. Images carry their own credits and licences.</p>",
        },
    },
    ACCESSIBILITY_PAGE,
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
            reviewed_on=spec.get("reviewed_on"),
            status=Page.Status.PUBLISHED,
            **values,
        )
        created += 1
    created += _complete_statement()
    return created


def _complete_statement() -> int:
    """Bring a statement loaded by an earlier version of this module up to the full one: only the
    languages whose text is missing or still the first demo text change, so an editor's work is
    never overwritten and a second run changes nothing."""
    statement = Page.objects.filter(key=Page.Key.ACCESSIBILITY).first()
    if statement is None:
        return 0
    changed = []
    for lang, body in ACCESSIBILITY_STATEMENT.items():
        if getattr(statement, f"body_{lang}") in ("", None, PREVIOUS_STATEMENT[lang]):
            setattr(statement, f"body_{lang}", body)
            changed.append(f"body_{lang}")
        if getattr(statement, f"summary_{lang}") in ("", None, PREVIOUS_STATEMENT_SUMMARY[lang]):
            setattr(statement, f"summary_{lang}", ACCESSIBILITY_PAGE["summary"][lang])
            changed.append(f"summary_{lang}")
    if changed and statement.reviewed_on is None:
        statement.reviewed_on = STATEMENT_REVIEWED_ON
    if changed:
        statement.save()
    return int(bool(changed))
