from django.contrib.postgres.search import SearchConfig, SearchHeadline, SearchQuery, SearchRank
from django.db import models
from django.db.models import Count, F, Func, TextField, Value
from django.db.models.functions import Left, Right

from relacions.core.models import Publishable

from .registry import search_config
from .text import MARK_END, MARK_START, SNIPPET_EDGE, SNIPPET_ELLIPSIS

# What a result shows; the document and the full text stay in the database.
RESULT_FIELDS = ("facet", "title", "url", "date", "language", "is_fallback", "text_is_fallback")


class StemText(Func):
    """Each word of the text replaced by its stem (SQL function from migrations/0002), so that
    to_tsvector and websearch_to_tsquery stem twice: "ciudades" and "ciudad" meet."""

    function = "relacions_stem_text"
    output_field = TextField()

    def __init__(self, expression, *, config: str):
        super().__init__(SearchConfig(config), expression)


def web_query(text: str, language: str) -> SearchQuery:
    """The visitor's words in web-search syntax ("a phrase", -exclude, or), which never fails to
    parse, stemmed and unaccented as the language's entries are."""
    config = search_config(language)
    return SearchQuery(StemText(Value(text), config=config), search_type="websearch", config=config)


def highlight_query(text: str, language: str) -> SearchQuery:
    """What ts_headline marks: it stems the text once, so the words are matched stemmed once
    as well as twice."""
    config = search_config(language)
    return web_query(text, language) | SearchQuery(text, search_type="websearch", config=config)


class SearchEntryQuerySet(models.QuerySet):
    def visible(self, now=None):
        """Entries inside their publication window now (drafts are never indexed)."""
        return self.filter(Publishable.window_q(now))

    def matching(self, text: str, *, language: str, now=None):
        """Visible entries in `language` that match `text`."""
        return self.visible(now).filter(language=language, document=web_query(text, language))

    def of_facet(self, facet: str | None):
        return self.filter(facet=facet) if facet else self

    def facet_counts(self) -> dict[str, int]:
        """{facet: number of entries}, in one aggregate query."""
        rows = self.order_by().values_list("facet").annotate(count=Count("pk"))
        return dict(rows)

    def for_results(self, text: str, *, language: str):
        """Most relevant first (title matches count most), each with `headline`: up to two
        passages of the text around the matched words, marked for `text.highlight()`.

        PostgreSQL computes the headline only for the rows of the page (it postpones expensive
        output columns past ORDER BY … LIMIT), so a page costs the same however many match."""
        return (
            self.annotate(
                rank=SearchRank(F("document"), web_query(text, language)),
                headline=SearchHeadline(
                    "text",
                    highlight_query(text, language),
                    config=search_config(language),
                    start_sel=MARK_START,
                    stop_sel=MARK_END,
                    max_words=30,
                    min_words=12,
                    max_fragments=2,
                    fragment_delimiter=SNIPPET_ELLIPSIS,
                ),
                # Whether the snippet was cut at either end (SearchEntry.snippet).
                text_start=Left("text", SNIPPET_EDGE),
                text_end=Right("text", SNIPPET_EDGE),
            )
            .only(*RESULT_FIELDS)
            .order_by("-rank", F("date").desc(nulls_last=True), "-pk")
        )
