"""The programmes' code list, seeded with the current EU programmes and the earlier ones the
office's projects came from. Administrators edit it afterwards; this runs once."""

from django.db import migrations

# (English, Catalan, Spanish, current, strands as the same tuples without strands)
PROGRAMMES = (
    ("Horizon Europe", "Horitzó Europa", "Horizonte Europa", True, ()),
    (
        "Interreg",
        "Interreg",
        "Interreg",
        True,
        (
            ("Interreg Europe", "Interreg Europe", "Interreg Europe", True),
            ("Interreg Sudoe", "Interreg Sudoe", "Interreg Sudoe", True),
            ("Interreg Euro-MED (MED)", "Interreg Euro-MED (MED)", "Interreg Euro-MED (MED)", True),
            ("Interreg POCTEFA", "Interreg POCTEFA", "Interreg POCTEFA", True),
        ),
    ),
    ("URBACT", "URBACT", "URBACT", True, ()),
    (
        "European Urban Initiative",
        "Iniciativa Urbana Europea",
        "Iniciativa Urbana Europea",
        True,
        (),
    ),
    (
        "Erasmus+",
        "Erasmus+",
        "Erasmus+",
        True,
        (
            (
                "KA1 — Learning mobility",
                "KA1 — Mobilitat per a l'aprenentatge",
                "KA1 — Movilidad por motivos de aprendizaje",
                True,
            ),
            (
                "KA2 — Cooperation among organisations",
                "KA2 — Cooperació entre organitzacions",
                "KA2 — Cooperación entre organizaciones",
                True,
            ),
            (
                "KA3 — Support to policy development",
                "KA3 — Suport al desenvolupament de polítiques",
                "KA3 — Apoyo al desarrollo de políticas",
                True,
            ),
        ),
    ),
    (
        "CERV — Citizens, Equality, Rights and Values",
        "CERV — Ciutadania, Igualtat, Drets i Valors",
        "CERV — Ciudadanos, Igualdad, Derechos y Valores",
        True,
        (
            (
                "Equality, rights and gender equality",
                "Igualtat, drets i igualtat de gènere",
                "Igualdad, derechos e igualdad de género",
                True,
            ),
            (
                "Citizens' engagement and participation",
                "Compromís i participació de la ciutadania",
                "Compromiso y participación de la ciudadanía",
                True,
            ),
            ("Daphne", "Daphne", "Daphne", True),
            ("Union values", "Valors de la Unió", "Valores de la Unión", True),
        ),
    ),
    ("Creative Europe", "Europa Creativa", "Europa Creativa", True, ()),
    ("LIFE", "LIFE", "LIFE", True, ()),
    (
        "ERDF — European Regional Development Fund",
        "FEDER — Fons Europeu de Desenvolupament Regional",
        "FEDER — Fondo Europeo de Desarrollo Regional",
        True,
        (),
    ),
    (
        "ESF+ — European Social Fund Plus",
        "FSE+ — Fons Social Europeu Plus",
        "FSE+ — Fondo Social Europeo Plus",
        True,
        (),
    ),
    (
        "NextGenerationEU — Recovery plan",
        "NextGenerationEU — Pla de Recuperació",
        "NextGenerationEU — Plan de Recuperación",
        True,
        (),
    ),
    ("Digital Europe", "Europa Digital", "Europa Digital", True, ()),
    (
        "Rights, Equality and Citizenship (2014–2020)",
        "Drets, Igualtat i Ciutadania (2014–2020)",
        "Derechos, Igualdad y Ciudadanía (2014–2020)",
        False,
        (),
    ),
    (
        "Europe for Citizens (2014–2020)",
        "Europa amb els Ciutadans (2014–2020)",
        "Europa con los Ciudadanos (2014–2020)",
        False,
        (),
    ),
    ("Horizon 2020", "Horitzó 2020", "Horizonte 2020", False, ()),
)


def _create(Programme, english, catalan, spanish, current, order, parent=None):
    return Programme.objects.create(
        name=catalan,
        name_ca=catalan,
        name_es=spanish,
        name_en=english,
        current=current,
        eu_funded=True,
        order=order,
        parent=parent,
    )


def seed(apps, schema_editor):
    Programme = apps.get_model("projects", "Programme")
    if Programme.objects.exists():
        return
    for order, (english, catalan, spanish, current, strands) in enumerate(PROGRAMMES, 1):
        programme = _create(Programme, english, catalan, spanish, current, order * 10)
        for strand_order, (s_english, s_catalan, s_spanish, s_current) in enumerate(strands, 1):
            _create(
                Programme, s_english, s_catalan, s_spanish, s_current, strand_order, programme
            )


class Migration(migrations.Migration):
    dependencies = [("projects", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
