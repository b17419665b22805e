"""The text-search configurations that migrations/0002 creates, on whichever PostgreSQL runs the
tests (CI runs them on the embedded 18 and on the machine's 15)."""

import importlib

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db

migration = importlib.import_module("relacions.search.migrations.0002_text_search_configurations")


def scalar(sql: str, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def lexemes(config: str, text: str) -> str:
    return scalar(
        "SELECT to_tsvector(%s::regconfig, relacions_stem_text(%s::regconfig, %s))::text",
        [config, config, text],
    )


def word_dictionary(config: str) -> str:
    return scalar(
        """
        SELECT m.mapdict::regdictionary::text FROM pg_ts_config_map m
        WHERE m.mapcfg = %s::regconfig AND m.maptokentype = 2 ORDER BY m.mapseqno DESC LIMIT 1
        """,
        [config],
    )


def test_each_language_has_its_configuration():
    assert word_dictionary("relacions_es") == "spanish_stem"
    assert word_dictionary("relacions_en") == "english_stem"
    has_catalan = scalar("SELECT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'catalan')")
    assert word_dictionary("relacions_ca") == ("catalan_stem" if has_catalan else "simple")


def test_accents_are_removed_before_stemming():
    assert lexemes("relacions_ca", "Acció") == lexemes("relacions_ca", "accio")
    assert lexemes("relacions_es", "Acción política") == lexemes("relacions_es", "accion politica")


def test_plurals_meet_their_singulars_in_spanish():
    assert lexemes("relacions_es", "ciudades") == lexemes("relacions_es", "ciudad")
    assert lexemes("relacions_es", "europeas") == lexemes("relacions_es", "europea")


def test_the_stemmed_text_keeps_web_search_syntax():
    stemmed = scalar(
        "SELECT relacions_stem_text('relacions_es'::regconfig, %s)",
        ['"Las ciudades" -culturas or redes'],
    )
    assert stemmed == '"Las ciudad" -cultur or red'


def test_a_server_without_the_languages_configuration_falls_back_to_simple():
    """What happens on a PostgreSQL without `catalan` (the SQL the migration runs, with a
    configuration no server has)."""
    with connection.cursor() as cursor:
        cursor.execute(migration.create_sql("relacions_test_missing", "klingon", "klingon_stem"))
    try:
        assert word_dictionary("relacions_test_missing") == "simple"
        assert lexemes("relacions_test_missing", "Acció Ciutats") == "'accio':1 'ciutats':2"
    finally:
        with connection.cursor() as cursor:
            cursor.execute(migration.drop_sql("relacions_test_missing"))


def test_creating_the_configurations_again_changes_nothing():
    with connection.cursor() as cursor:
        for name, source, dictionary in migration.CONFIGURATIONS:
            cursor.execute(migration.create_sql(name, source, dictionary))
    assert word_dictionary("relacions_es") == "spanish_stem"
