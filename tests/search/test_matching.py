"""What a query finds: stemming, accents, ranking and web-search syntax, in each language."""

import pytest

from tests.factories import EventFactory, NetworkFactory, NewsItemFactory, PageFactory

from .conftest import found, texts

pytestmark = pytest.mark.django_db


def news(title_ca, title_es="", title_en="", **fields):
    values = texts("title", title_ca, title_es, title_en)
    values |= texts("summary", "", "", "") | texts("body", "", "", "")
    return NewsItemFactory(**(values | fields))


def test_spanish_stemming_finds_the_singular_from_the_plural():
    news("La ciutat", "La ciudad europea", "The city")
    assert found("ciudades", "es") == ["La ciudad europea"]
    assert found("europeas", "es") == ["La ciudad europea"]


def test_spanish_stemming_finds_the_plural_from_the_singular():
    news("Les ciutats", "Las ciudades europeas", "The cities")
    assert found("ciudad", "es") == ["Las ciudades europeas"]


def test_english_stemming():
    news("El fòrum", "El foro", "The culture forum")
    news("Xarxes", "Redes", "Networks of cities")
    assert found("forums", "en") == ["The culture forum"]
    assert found("city", "en") == ["Networks of cities"]
    assert found("network", "en") == ["Networks of cities"]


def test_catalan_stemming():
    news("Les ciutats europees", "x", "x")
    assert found("ciutat", "ca") == ["Les ciutats europees"]


@pytest.mark.parametrize(
    ("language", "title", "query"),
    [
        ("ca", "Acció exterior de Terrassa", "accio"),
        ("ca", "Accio sense accent", "acció"),
        ("es", "Acción exterior", "accion"),
        ("ca", "Política cultural", "POLITICA"),
        ("es", "Cooperación en Leeds", "leeds"),
        ("en", "Culture in Leeds", "Leeds"),
        ("ca", "Fòrum de Cultura", "cultura"),
    ],
)
def test_accents_and_case_do_not_matter(language, title, query):
    news(**texts("title", title, title, title))
    assert found(query, language) == [title]


def test_a_title_match_outranks_a_body_match():
    news(
        "Una notícia qualsevol",
        body_ca="<p>Parla de sostenibilitat, i de sostenibilitat, i de sostenibilitat.</p>",
    )
    news("Sostenibilitat urbana")
    news("Un altre tema", summary_ca="Sobre la sostenibilitat")
    assert found("sostenibilitat") == [
        "Sostenibilitat urbana",
        "Un altre tema",
        "Una notícia qualsevol",
    ]


def test_body_text_of_rich_text_is_searched_without_its_markup():
    news("Una notícia", body_ca="<p>La <strong>xarxa</strong> Eurocities &amp; amics</p>")
    assert found("xarxa eurocities") == ["Una notícia"]
    assert found("strong") == []
    assert found("amp") == []


def test_web_search_syntax():
    news("Pla de mandat de la ciutat")
    news("Mandat de pla")
    news("Cultura i esport")
    news("Cultura i festa")
    # A phrase in quotes: the words together, in this order.
    assert found('"pla de mandat"') == ["Pla de mandat de la ciutat"]
    # A minus sign leaves a word out.
    assert found("cultura -festa") == ["Cultura i esport"]
    # "or" finds either word.
    assert sorted(found("esport or festa")) == ["Cultura i esport", "Cultura i festa"]


def test_every_content_type_is_found():
    NewsItemFactory(**texts("title", "Notícia Tramuntana", "Noticia Tramuntana", "News Tramuntana"))
    EventFactory(**texts("title", "Acte Tramuntana", "Acto Tramuntana", "Event Tramuntana"))
    NetworkFactory(**texts("name", "Xarxa Tramuntana", "Red Tramuntana", "Network Tramuntana"))
    PageFactory(**texts("title", "Pàgina Tramuntana", "Página Tramuntana", "Page Tramuntana"))
    from tests.factories import ForumFactory, ObjectiveFactory

    ForumFactory(**texts("name", "Fòrum Tramuntana", "Foro Tramuntana", "Forum Tramuntana"))
    ObjectiveFactory(
        **texts("title", "Objectiu Tramuntana", "Objetivo Tramuntana", "Goal Tramuntana")
    )
    assert sorted(found("tramuntana", "en")) == [
        "Event Tramuntana", "Forum Tramuntana", "Goal Tramuntana", "Network Tramuntana",
        "News Tramuntana", "Page Tramuntana",
    ]  # fmt: skip
