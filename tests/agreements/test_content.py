"""The agreements' parts of the shared features, as content.py declares them (the readers that
use them are converted by the lead: these tests call the declared parts directly)."""

import datetime

import pytest
from django.utils import translation

from relacions.agreements.content import content
from relacions.agreements.datasets import AGREEMENTS
from relacions.agreements.models import Agreement
from relacions.agreements.sitemaps import SITEMAPS
from tests.factories.agreements import (
    AgreementFactory,
    AmendmentFactory,
    CooperationAreaFactory,
    PartnerFactory,
)
from tests.factories.places import PlaceFactory

pytestmark = pytest.mark.django_db


def test_the_dataset_has_the_public_fields_of_published_agreements_only():
    agreement = AgreementFactory(title_en="Twinning with Pamiers", amount=1500)
    PartnerFactory(agreement=agreement, organisation_en="Pamiers", place=PlaceFactory(country="FR"))
    AmendmentFactory(agreement=agreement, date=datetime.date(2001, 2, 3), description_en="Change")
    agreement.areas.add(CooperationAreaFactory(name_en="Culture"))
    AgreementFactory(status="draft")
    with translation.override("en"):
        [record] = AGREEMENTS.records(build_uri=lambda path: f"https://example.org{path}")
        [row] = AGREEMENTS.table(build_uri=lambda path: f"https://example.org{path}")
    assert record["title"] == "Twinning with Pamiers"
    assert record["countries"] == ["FR"]
    assert record["areas"] == ["Culture"]
    assert record["amendments"] == ["2001-02-03 Amendment: Change"]
    assert record["url"] == "https://example.org/en/agreements/" + agreement.slug_en + "/"
    assert "reviews" not in record
    assert len(row) == len(AGREEMENTS.headers())


def test_the_sitemap_lists_published_agreements():
    live = AgreementFactory()
    AgreementFactory(status="draft")
    assert list(SITEMAPS["agreements"]().items()) == [live]


def test_the_search_declaration_indexes_agreements():
    [indexed] = content.search
    assert indexed.model is Agreement and indexed.title == "title"
