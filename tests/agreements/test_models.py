import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from relacions.agreements.models import Agreement
from tests.factories.agreements import AgreementFactory, AmendmentFactory
from tests.factories.events import PastEventFactory
from tests.factories.news import NewsItemFactory

pytestmark = pytest.mark.django_db


def _errors(obj, language="ca"):
    with translation.override(language):
        with pytest.raises(ValidationError) as error:
            obj.full_clean()
        return {
            field: [str(m) for m in messages]
            for field, messages in error.value.message_dict.items()
        }


def test_an_end_before_the_start_is_refused_in_each_language():
    agreement = AgreementFactory.build(
        signed_on=datetime.date(2020, 1, 1), ends_on=datetime.date(2019, 1, 1)
    )
    assert _errors(agreement)["ends_on"] == [
        "La data de final no pot ser anterior a la data d'inici."
    ]
    assert _errors(agreement, "es")["ends_on"] == [
        "La fecha de fin no puede ser anterior a la fecha de inicio."
    ]


def test_an_ended_agreement_needs_its_end_date():
    agreement = AgreementFactory.build(agreement_status=Agreement.AgreementStatus.ENDED)
    assert _errors(agreement)["ends_on"] == [
        "Un acord finalitzat necessita la data en què va finalitzar."
    ]


def test_an_amendment_dated_before_the_signature_is_refused():
    agreement = AgreementFactory(signed_on=datetime.date(2000, 6, 1))
    amendment = AmendmentFactory.build(agreement=agreement, date=datetime.date(2000, 5, 31))
    assert _errors(amendment)["date"] == [
        "Una modificació no pot tenir una data anterior a la signatura de l'acord."
    ]


def test_an_extension_needs_its_new_end_date():
    amendment = AmendmentFactory.build(
        agreement=AgreementFactory(), kind="extension", new_end_date=None
    )
    assert "new_end_date" in _errors(amendment, "en")


def test_last_activity_is_the_latest_of_signature_amendments_news_and_events():
    agreement = AgreementFactory(signed_on=datetime.date(2001, 1, 1))
    assert Agreement.objects.with_last_activity().get().last_activity == datetime.date(2001, 1, 1)
    AmendmentFactory(agreement=agreement, date=datetime.date(2010, 3, 3))
    agreement.news_items.add(NewsItemFactory(published_on=datetime.date(2015, 4, 4)))
    # A draft item is no activity the public can see.
    agreement.news_items.add(
        NewsItemFactory(published_on=datetime.date(2016, 4, 4), status="draft")
    )
    assert Agreement.objects.with_last_activity().get().last_activity == datetime.date(2015, 4, 4)
    event = PastEventFactory()
    agreement.events.add(event)
    assert Agreement.objects.with_last_activity().get().last_activity == timezone.localdate(
        event.start
    )


def test_an_active_twinning_with_no_activity_for_a_year_is_dormant():
    quiet = AgreementFactory(signed_on=datetime.date(1990, 1, 1))
    busy = AgreementFactory(signed_on=datetime.date(1990, 1, 1))
    busy.news_items.add(NewsItemFactory(published_on=timezone.localdate()))
    AgreementFactory(signed_on=datetime.date(1990, 1, 1), kind=Agreement.Kind.PROTOCOL)
    AgreementFactory(
        signed_on=datetime.date(1990, 1, 1),
        agreement_status=Agreement.AgreementStatus.ENDED,
        ends_on=datetime.date(2000, 1, 1),
    )
    assert list(Agreement.objects.dormant()) == [quiet]


def test_ending_within_finds_the_agreements_to_renew():
    today = timezone.localdate()
    soon = AgreementFactory(ends_on=today + datetime.timedelta(days=30))
    AgreementFactory(ends_on=today + datetime.timedelta(days=200))
    AgreementFactory(ends_on=None)
    assert list(Agreement.objects.ending_within(90)) == [soon]


def test_twin_cities_come_first_and_drafts_are_never_public():
    protocol = AgreementFactory(kind=Agreement.Kind.PROTOCOL, title_ca="A protocol")
    twinning = AgreementFactory(kind=Agreement.Kind.TWINNING, title_ca="Z twinning")
    AgreementFactory(status="draft")
    with translation.override("ca"):
        assert list(Agreement.objects.for_listing()) == [twinning, protocol]
