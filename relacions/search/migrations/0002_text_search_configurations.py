"""The text-search configurations of the index, one per language: the language's stemmer behind
`unaccent`, so searching "accio" finds "acció". Catalan stemming needs the server's `catalan`
configuration; where PostgreSQL has none, the Catalan index falls back to `simple`
(accent-insensitive, without stemming).

`relacions_stem_text(config, text)` replaces each word by its stem, so that indexing (and
searching) the result stems every word twice. Snowball's Spanish stemmer gives "ciudad" → "ciud"
but "ciudades" → "ciudad", and "europea" → "europe" but "europeas" → "europ": once more brings
both to "ciud" and "europ", so a plural finds its singular. A stem is a fixed point for almost
every other word ("accion", "cultur", "network"), so nothing else changes.
"""

from django.db import migrations

# Word tokens (with letters outside ASCII) go through unaccent first; ASCII-only tokens need not.
WORD_TOKENS = "hword, hword_part, word"

# (our configuration, the configuration it copies, that configuration's stemming dictionary)
CONFIGURATIONS = (
    ("relacions_ca", "catalan", "catalan_stem"),
    ("relacions_es", "spanish", "spanish_stem"),
    ("relacions_en", "english", "english_stem"),
)


def create_sql(name: str, source: str, dictionary: str) -> str:
    """Create `name` as a copy of `source` with unaccent, or of `simple` when the server has no
    `source` configuration or `dictionary` (idempotent: an existing one is replaced)."""
    return f"""
    DO $$
    BEGIN
        DROP TEXT SEARCH CONFIGURATION IF EXISTS {name};
        IF EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{source}')
           AND EXISTS (SELECT 1 FROM pg_ts_dict WHERE dictname = '{dictionary}') THEN
            CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {source});
            ALTER TEXT SEARCH CONFIGURATION {name}
                ALTER MAPPING FOR {WORD_TOKENS} WITH unaccent, {dictionary};
        ELSE
            CREATE TEXT SEARCH CONFIGURATION {name} (COPY = simple);
            ALTER TEXT SEARCH CONFIGURATION {name}
                ALTER MAPPING FOR {WORD_TOKENS} WITH unaccent, simple;
        END IF;
    END
    $$;
    """


def drop_sql(name: str) -> str:
    return f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name};"


# Tokens of the default parser (ts_token_type('default')): words and parts of hyphenated words
# are stemmed with the configuration's last dictionary for words (after unaccent); whole
# hyphenated words and URLs are left out, as their parts follow them; everything else (spaces,
# punctuation, numbers, addresses) is kept as it is, so the words keep their positions. A stem
# that reads "or" keeps its word, since web-search syntax would take it for the operator.
# IMMUTABLE like to_tsvector(regconfig, text), whose result also depends on the dictionaries (they
# change only by migration, followed by rebuild_search_index): so PostgreSQL computes a search's
# query once, not once per matching row.
STEM_TEXT_SQL = """
CREATE OR REPLACE FUNCTION relacions_stem_text(config regconfig, document text)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    WITH stemmer AS (
        SELECT m.mapdict::regdictionary AS dictionary
        FROM pg_ts_config_map m
        WHERE m.mapcfg = config AND m.maptokentype = 2
        ORDER BY m.mapseqno DESC
        LIMIT 1
    )
    SELECT coalesce(string_agg(
        CASE WHEN p.tokid IN (1, 2, 10, 11) THEN coalesce(
            nullif((ts_lexize((SELECT dictionary FROM stemmer), unaccent(p.token)))[1], 'or'),
            p.token
        ) ELSE p.token END,
        '' ORDER BY p.position), '')
    FROM ts_parse('default', document) WITH ORDINALITY AS p(tokid, token, position)
    WHERE p.tokid NOT IN (5, 15, 16, 17)
$$;
"""


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        # unaccent is a trusted extension (PostgreSQL 13+): the database owner may create it.
        # Left in place on reversal: other code may use it.
        migrations.RunSQL("CREATE EXTENSION IF NOT EXISTS unaccent;", migrations.RunSQL.noop),
        *(
            migrations.RunSQL(create_sql(name, source, dictionary), drop_sql(name))
            for name, source, dictionary in CONFIGURATIONS
        ),
        migrations.RunSQL(
            STEM_TEXT_SQL, "DROP FUNCTION IF EXISTS relacions_stem_text(regconfig, text);"
        ),
    ]
