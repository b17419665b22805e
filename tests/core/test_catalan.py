"""Catalan elision of generated text (relacions.core.catalan)."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation
from django.utils.formats import date_format
from django.utils.html import format_html

from relacions.core.catalan import elide, elide_if_catalan


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lloc web de EUROCITIES", "Lloc web d'EUROCITIES"),
        ("Web de el Ajuntament", "Web de l'Ajuntament"),
        ("un fòrum de Energy Cities", "un fòrum d'Energy Cities"),
        ("membre de UCLG", "membre d'UCLG"),
        ("la pertinença de Hamburg", "la pertinença d'Hamburg"),
        ("es publica el 1 d'octubre", "es publica l'1 d'octubre"),
        ("des del 11 de març", "des de l'11 de març"),
        ("renovació al Òrgan", "renovació a l'Òrgan"),
        ("passa pel Ajuntament", "passa per l'Ajuntament"),
        ("De Europa", "D'Europa"),
        ("la Àgora", "l'Àgora"),
        ("la única", "l'única"),
        # No elision: consonants, i/u sounding as consonants, "la" before unstressed i/u,
        # numbers that do not start with a vowel sound, acronyms spelled from a consonant.
        ("de Terrassa", "de Terrassa"),
        ("de iogurt", "de iogurt"),
        ("de Huelva", "de Huelva"),
        ("el iode", "el iode"),
        ("la Universitat", "la Universitat"),
        ("la història", "la història"),
        ("de 2011", "de 2011"),
        ("el 1.000", "el 1.000"),
        ("el 18 de maig", "el 18 de maig"),
        ("de FEDER", "de FEDER"),
        ("Bilbao de Abajo", "Bilbao d'Abajo"),
        ("vida útil", "vida útil"),
    ],
)
def test_elide(text, expected):
    assert elide(text) == expected


def test_markup_between_the_words_is_kept_and_safe_text_stays_safe():
    link = format_html('Un fòrum de <a href="{}">{}</a>', "/ca/xarxes/eurocities/", "EUROCITIES")
    elided = elide(link)
    assert elided == 'Un fòrum d\'<a href="/ca/xarxes/eurocities/">EUROCITIES</a>'
    assert hasattr(elided, "__html__")


def test_only_catalan_is_changed():
    with translation.override("es"):
        assert elide_if_catalan("la ciudad de Oporto") == "la ciudad de Oporto"
    with translation.override("ca"):
        assert elide_if_catalan("la ciutat de Porto") == "la ciutat de Porto"
        assert elide_if_catalan("la ciutat de Oporto") == "la ciutat d'Oporto"


def test_catalan_dates_carry_the_elided_preposition():
    with translation.override("ca"):
        assert date_format(datetime.date(2025, 10, 1)) == "1 d'octubre de 2025"
        assert date_format(datetime.date(2027, 5, 31)) == "31 de maig de 2027"
    with translation.override("es"):
        assert date_format(datetime.date(2025, 10, 1)) == "1 de octubre de 2025"


def test_the_template_filter():
    template = Template(
        "{% load relacions %}{% filter elide %}Activitats de {{ m }}{% endfilter %}"
    )
    with translation.override("ca"):
        assert template.render(Context({"m": "agost del 2026"})) == "Activitats d'agost del 2026"
