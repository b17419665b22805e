"""Every translated field of every content type falls back to Catalan, marked as Catalan.

The fields come from modeltranslation's registry, so a field or a model added later is covered
(or fails here until a page that shows it is named in SHOWN_ON).
"""

import json
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser

import feedparser
import icalendar
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from modeltranslation.translator import translator

from relacions.agreements.models import Agreement, Amendment, CooperationArea, Document, Partner
from relacions.core.data_migrations import empty_blank_rich_text
from relacions.core.fields import RichTextField
from relacions.events.models import Event
from relacions.images.models import Image
from relacions.mandate.models import Axis, Objective, Plan, ProgressUpdate
from relacions.networks.models import ChallengeArea, Forum, Network, Position, WorkingGroup
from relacions.news.models import NewsItem
from relacions.operations.pagecache import current_generation
from relacions.pages.models import Page, SiteSettings
from relacions.places.models import Place
from relacions.projects.models import Department, Programme, Project, Result, Theme
from relacions.reports.models import AreaText, Edition, YearReport
from relacions.reports.publishing import publish
from relacions.visits.models import Gift, Participant, Visit
from tests.factories import (
    AxisFactory,
    ChallengeAreaFactory,
    EventFactory,
    ForumFactory,
    NetworkFactory,
    NewsItemFactory,
    ObjectiveFactory,
    PageFactory,
    PastEventFactory,
    PlanFactory,
    PositionFactory,
    ProgressUpdateFactory,
    WorkingGroupFactory,
)
from tests.factories.agreements import (
    AgreementFactory,
    AmendmentFactory,
    CooperationAreaFactory,
    DocumentFactory,
    PartnerFactory,
)
from tests.factories.places import PlaceFactory
from tests.factories.projects import (
    DepartmentFactory,
    ProgrammeFactory,
    ProjectFactory,
    ResultFactory,
    ThemeFactory,
)
from tests.factories.reports import AreaTextFactory, YearReportFactory
from tests.factories.visits import GiftFactory, ParticipantFactory, VisitFactory
from tests.workflow.conftest import form_data

# Every public page reads the site settings.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_settings")]

SOURCE = settings.LANGUAGE_CODE
TARGETS = [code for code, _name in settings.LANGUAGES if code != SOURCE]
# What the rich-text editor posts for a field left empty.
EMPTY_EDITOR_VALUES = ("<p></p>", "<p>&nbsp;</p>", "<br>", '<p><br data-cke-filler="true"></p>')
NOTICES = ('class="fallback-notice"', 'class="fallback-note"')


def catalan_text(model, field: str) -> str:
    """A value for `field` that no other field of the page repeats."""
    max_length = model._meta.get_field(field).max_length
    if field == "slug":
        return f"nomes-catala-{model._meta.model_name}"
    if field == "acronym":
        return "NCACR"
    text = f"Només en català: {model._meta.model_name} {field}"
    return text[:max_length] if max_length else text


def stored_value(model, field: str) -> str:
    text = catalan_text(model, field)
    return f"<p>{text}</p>" if _is_rich(model, field) else text


def _is_rich(model, field: str) -> bool:
    return isinstance(model._meta.get_field(field), RichTextField)


def catalan_only(model) -> dict:
    """Every translated field of `model` filled in Catalan and empty in the other languages."""
    values = {}
    for field in translator.get_options_for_model(model).all_fields:
        values[f"{field}_{SOURCE}"] = stored_value(model, field)
        for language in TARGETS:
            values[f"{field}_{language}"] = ""
    return values


# --- Where each model's text is shown: (make the object, the page that shows it) ---------------


def _news_item(make):
    return NewsItemFactory(**catalan_only(NewsItem))


def _image(make):
    image = make(**catalan_only(Image))
    return NewsItemFactory(image=image)


def _event(make):
    return PastEventFactory(**catalan_only(Event))


def _page(make):
    return PageFactory(**catalan_only(Page))


def _site_settings(make):
    SiteSettings.objects.filter(pk=1).update(**catalan_only(SiteSettings))
    return None


def _plan(make):
    # Not the current plan, whose address has no slug.
    return PlanFactory(is_current=False, **catalan_only(Plan))


def _axis(make):
    return AxisFactory(**catalan_only(Axis)).plan


def _objective(make):
    return ObjectiveFactory(**catalan_only(Objective))


def _progress_update(make):
    return ProgressUpdateFactory(**catalan_only(ProgressUpdate)).objective


def _network(make):
    return NetworkFactory(**catalan_only(Network))


def _forum(make):
    return ForumFactory(**catalan_only(Forum))


def _working_group(make):
    return WorkingGroupFactory(**catalan_only(WorkingGroup)).network


def _challenge_area(make):
    return ChallengeAreaFactory(**catalan_only(ChallengeArea)).forum


def _position(make):
    return PositionFactory(**catalan_only(Position)).network


def _agreement(make):
    # An amount, so the page shows who pays; a status other than active, so it shows the reason.
    return AgreementFactory(
        amount=100, agreement_status="dormant", status_changed_on="2020-01-01",
        **catalan_only(Agreement),
    )  # fmt: skip


def _partner(make):
    return PartnerFactory(**catalan_only(Partner)).agreement


def _place(make):
    return PartnerFactory(place=PlaceFactory(**catalan_only(Place))).place


def _amendment(make):
    return AmendmentFactory(**catalan_only(Amendment)).agreement


def _document(make):
    return DocumentFactory(**catalan_only(Document)).agreement


def _cooperation_area(make):
    agreement = AgreementFactory()
    agreement.areas.add(CooperationAreaFactory(**catalan_only(CooperationArea)))
    return agreement


def _project(make):
    return ProjectFactory(**catalan_only(Project))


def _programme(make):
    return ProjectFactory(programme=ProgrammeFactory(**catalan_only(Programme)))


def _theme(make):
    project = ProjectFactory()
    project.themes.add(ThemeFactory(**catalan_only(Theme)))
    return project


def _department(make):
    return ProjectFactory(department=DepartmentFactory(**catalan_only(Department)))


def _result(make):
    # Dated, so the timeline shows its title too.
    return ResultFactory(**catalan_only(Result)).project


def _visit(make):
    return VisitFactory(**catalan_only(Visit))


def _participant(make):
    return ParticipantFactory(**catalan_only(Participant)).visit


def _gift(make):
    return GiftFactory(**catalan_only(Gift)).visit


def _published_report(**fields):
    report = YearReportFactory(year=2025, **fields)
    publish(report)
    return report


def _year_report(make):
    return _published_report(**catalan_only(YearReport))


def _area_text(make):
    return AreaTextFactory(report=_published_report(), area="news", **catalan_only(AreaText))


def _edition(make):
    report = _published_report()
    edition = publish(report, reason={"ca": "—"})
    Edition.objects.filter(pk=edition.pk).update(**catalan_only(Edition))
    return report


SHOWN_ON: dict[type, Callable] = {
    YearReport: _year_report,
    AreaText: _area_text,
    Edition: _edition,
    Project: _project,
    Programme: _programme,
    Theme: _theme,
    Department: _department,
    Result: _result,
    Visit: _visit,
    Participant: _participant,
    Gift: _gift,
    Agreement: _agreement,
    Partner: _partner,
    Place: _place,
    Amendment: _amendment,
    Document: _document,
    CooperationArea: _cooperation_area,
    NewsItem: _news_item,
    Image: _image,
    Event: _event,
    Page: _page,
    SiteSettings: _site_settings,
    Plan: _plan,
    Axis: _axis,
    Objective: _objective,
    ProgressUpdate: _progress_update,
    Network: _network,
    Forum: _forum,
    WorkingGroup: _working_group,
    ChallengeArea: _challenge_area,
    Position: _position,
}
# Translated fields no public page shows, and why.
NOT_PUBLIC = {
    (Image, "title"): "the image library's own label, shown only in the admin",
}
# Shown as an attribute rather than text: (element, attribute).
ATTRIBUTES = {(Image, "alt_text"): ("img", "alt")}


def translated_fields() -> list[tuple[type, str]]:
    return [
        (model, field)
        for model in translator.get_registered_models(abstract=False)
        for field in sorted(translator.get_options_for_model(model).all_fields)
    ]


def page_url(obj, language: str) -> str:
    with translation.override(language):
        return obj.get_absolute_url() if obj is not None else reverse("pages:home")


# --- Reading a page: each text and attribute with the language it is marked in ----------------


@dataclass
class Shown:
    text: str
    language: str
    tag: str
    attributes: dict
    ancestors: frozenset = frozenset()


class LanguageMap(HTMLParser):
    """The body's texts and elements, each with the language its nearest `lang` gives it."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []
        self.texts: list[Shown] = []
        self.elements: list[Shown] = []
        self.in_body = False

    def language(self) -> str:
        return self.stack[-1][1] if self.stack else ""

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        language = attributes.get("lang") or self.language()
        if tag == "body":
            self.in_body = True
        if self.in_body:
            self.elements.append(Shown("", language, tag, attributes))
        if tag not in self.VOID:
            self.stack.append((tag, language))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        inside = {tag for tag, _language in self.stack}
        # A select's options are a form control's labels ("Axis 2. Title"), not the page's text.
        if self.in_body and data.strip() and not inside & {"script", "style", "option"}:
            self.texts.append(Shown(data, self.language(), self.stack[-1][0], {}, inside))


def read_page(html: str) -> LanguageMap:
    parser = LanguageMap()
    parser.feed(html)
    return parser


# --- The tests -------------------------------------------------------------------------------


def test_every_content_type_with_translated_fields_names_a_page():
    missing = {model for model, _field in translated_fields()} - set(SHOWN_ON)
    assert not missing, f"name the public page that shows these models' text: {missing}"


@pytest.mark.parametrize("language", TARGETS)
@pytest.mark.parametrize(
    ("model", "field"),
    [
        pytest.param(m, f, id=f"{m._meta.model_name}.{f}")
        for m, f in translated_fields()
        if (m, f) not in NOT_PUBLIC  # shown only in the admin: no public page to read
    ],
)
def test_a_field_written_only_in_catalan_shows_in_catalan(
    client,
    site_settings,
    make_image,
    model,
    field,
    language,
):
    shown = SHOWN_ON[model](make_image)
    url = page_url(shown, language)
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()

    if field == "slug":
        # The address in this language is the Catalan one, and it answers.
        assert catalan_text(model, field) in url
        return
    page = read_page(html)
    expected = catalan_text(model, field)
    if (model, field) in ATTRIBUTES:
        tag, attribute = ATTRIBUTES[model, field]
        found = [e for e in page.elements if e.tag == tag and e.attributes.get(attribute)]
        assert [e.language for e in found if e.attributes[attribute] == expected] == [SOURCE]
        return
    found = [text for text in page.texts if expected in text.text]
    assert found, f"{expected!r} is not on {url}"
    unmarked = [text for text in found if text.language != SOURCE]
    assert not unmarked, f"shown without lang={SOURCE!r}: {unmarked}"
    assert any(notice in html for notice in NOTICES), f"no notice on {url}"


@pytest.mark.parametrize("language", TARGETS)
def test_a_translated_page_has_no_fallback_marks(client, site_settings, language):
    item = NewsItemFactory()
    html = client.get(page_url(item, language)).content.decode()
    assert not any(notice in html for notice in NOTICES)
    main = [text for text in read_page(html).texts if "main" in text.ancestors]
    assert main and {text.language for text in main} == {language}


def rich_text_fields() -> list[tuple[type, str]]:
    return [(model, field) for model, field in translated_fields() if _is_rich(model, field)]


@pytest.mark.parametrize(
    ("model", "field"),
    [pytest.param(m, f, id=f"{m._meta.model_name}.{f}") for m, f in rich_text_fields()],
)
@pytest.mark.parametrize("empty", EMPTY_EDITOR_VALUES)
def test_a_body_the_editor_left_empty_shows_the_catalan_one(
    admin_client,
    site_settings,
    make_image,
    model,
    field,
    empty,
):
    obj = SHOWN_ON[model](make_image)
    assert isinstance(obj, model)
    change_url = reverse(
        f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[obj.pk]
    )
    empties = {f"{field}_{language}": empty for language in TARGETS}

    response = admin_client.post(change_url, form_data(admin_client.get(change_url), **empties))

    assert response.status_code == 302, response.content.decode()[:3000]
    obj.refresh_from_db()
    assert [getattr(obj, name) for name in empties] == [""] * len(TARGETS)
    expected = catalan_text(model, field)
    for language in TARGETS:
        html = admin_client.get(page_url(obj, language)).content.decode()
        found = [text for text in read_page(html).texts if expected in text.text]
        assert found and {text.language for text in found} == {SOURCE}, language
        assert 'class="fallback-notice"' in html


# --- Feeds, calendars, open data and search ----------------------------------------------------

NOTICE = {
    "es": "Este texto solo está disponible en catalán.",
    "en": "This text is only available in Catalan.",
}


def get(client, name: str, language: str, **kwargs):
    with translation.override(language):
        response = client.get(reverse(name, kwargs=kwargs or None))
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("language", TARGETS)
def test_news_feeds_mark_catalan_entries(client, language):
    NewsItemFactory(**catalan_only(NewsItem))
    translated = NewsItemFactory()
    item_title = catalan_text(NewsItem, "title")

    atom = feedparser.parse(get(client, "news:atom", language).content)
    assert not atom.bozo
    marked = {entry.title: entry.title_detail.language for entry in atom.entries}
    assert marked == {item_title: SOURCE, getattr(translated, f"title_{language}"): language}
    summary = next(e.summary for e in atom.entries if e.title == item_title)
    assert summary == f"{catalan_text(NewsItem, 'summary')} ({NOTICE[language]})"

    rss = feedparser.parse(get(client, "news:rss", language).content)
    assert not rss.bozo
    languages = {entry.title: entry.get("language") for entry in rss.entries}
    assert languages[item_title] == SOURCE
    assert list(languages.values()).count(SOURCE) == 1
    assert NOTICE[language] in next(e.summary for e in rss.entries if e.title == item_title)


@pytest.mark.parametrize("language", TARGETS)
def test_calendars_mark_catalan_text(client, language):
    event = PastEventFactory(days=7, **catalan_only(Event))
    with translation.override(language):
        response = client.get(event.get_calendar_url())
    calendar = icalendar.Calendar.from_ical(response.content)
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["summary"]) == catalan_text(Event, "title")
    for name in ("summary", "description", "location"):
        assert vevent[name].params["LANGUAGE"] == SOURCE, name
    assert NOTICE[language] in str(vevent["description"])


@pytest.mark.parametrize("language", TARGETS)
def test_open_data_names_the_fields_only_in_catalan(client, language):
    NewsItemFactory(**catalan_only(NewsItem))
    EventFactory(**catalan_only(Event))
    NetworkFactory(**catalan_only(Network))
    expected = {
        "news": ["title", "summary"],
        "events": ["title", "summary", "venue"],
        "networks": ["name", "acronym", "headquarters", "description"],
    }
    models = {"news": NewsItem, "events": Event, "networks": Network}
    for dataset, fields in expected.items():
        data = json.loads(get(client, "opendata:json", language, dataset=dataset).content)
        (record,) = data["items"]
        assert record["only_in_catalan"] == fields, dataset
        for field in fields:
            assert catalan_text(models[dataset], field) in record[field]


@pytest.mark.parametrize("language", TARGETS)
def test_the_plan_downloads_name_the_titles_only_in_catalan(client, language):
    objective = ObjectiveFactory(**catalan_only(Objective))
    Plan.objects.filter(pk=objective.axis.plan_id).update(title_es="", title_en="")
    data = json.loads(get(client, "mandate:json", language).content)
    (axis,) = data["axes"]
    assert axis["only_in_catalan"] == []
    assert axis["objectives"][0]["only_in_catalan"] == ["title"]
    assert data["plan"]["only_in_catalan"] == ["title"]


def test_search_finds_a_body_left_empty_in_the_editor_and_marks_it(admin_client, site_settings):
    item = NewsItemFactory(
        body_ca="<p>Intercanvi de bones pràctiques amb Pamiers</p>",
        body_es="<p>&nbsp;</p>",
        summary_es="",
    )
    assert item.body_es == ""
    with translation.override("es"):
        response = admin_client.get(reverse("search:results"), {"q": "Pamiers"})
    html = response.content.decode()
    snippets = [
        text
        for text in read_page(html).texts
        if "Pamiers" in text.text and text.tag in ("p", "mark")
    ]
    assert snippets and {text.language for text in snippets} == {SOURCE}


@pytest.mark.parametrize(
    ("model", "field"),
    [pytest.param(m, f, id=f"{m._meta.model_name}.{f}") for m, f in rich_text_fields()],
)
def test_the_data_migration_empties_stored_markup_that_shows_nothing(make_image, model, field):
    from django.apps import apps

    obj = SHOWN_ON[model](make_image)
    stored = {f"{field}_es": "<p>&nbsp;</p>", f"{field}_en": "<p><br></p>"}
    model.objects.filter(pk=obj.pk).update(**stored)  # as saved before the sanitiser emptied it
    kept = model.objects.filter(pk=obj.pk).values_list(f"{field}_{SOURCE}", flat=True).get()
    generation = current_generation()

    empty_blank_rich_text(model._meta.app_label).code(apps, None)

    values = model.objects.filter(pk=obj.pk).values(f"{field}_{SOURCE}", *stored).get()
    assert values == {f"{field}_{SOURCE}": kept, f"{field}_es": "", f"{field}_en": ""}
    assert current_generation() != generation  # cached pages are not served again


@pytest.mark.parametrize("language", TARGETS)
@pytest.mark.parametrize(
    ("factory", "model", "list_url"),
    [
        (NewsItemFactory, NewsItem, "news:list"),
        (EventFactory, Event, "events:list"),
        (ProjectFactory, Project, "projects:list"),
    ],
)
def test_a_card_in_catalan_says_so(client, site_settings, factory, model, list_url, language):
    factory(**catalan_only(model))
    factory()
    html = get(client, list_url, language).content.decode()
    cards = html.split('class="card ')[1:]
    assert len(cards) == 2
    [catalan] = [card for card in cards if catalan_text(model, "title") in card]
    assert 'class="fallback-note"' in catalan
    assert sum('class="fallback-note"' in card for card in cards) == 1
