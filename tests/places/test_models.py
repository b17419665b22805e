from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import translation

from tests.factories.places import PlaceFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("latitude", Decimal("90.5"), "La latitud ha d'estar entre -90 i 90."),
        ("latitude", Decimal("-91"), "La latitud ha d'estar entre -90 i 90."),
        ("longitude", Decimal("180.1"), "La longitud ha d'estar entre -180 i 180."),
    ],
)
def test_coordinates_out_of_range_are_refused_with_a_translated_error(field, value, message):
    place = PlaceFactory.build(**{field: value})
    with translation.override("ca"), pytest.raises(ValidationError) as error:
        place.full_clean()
    assert error.value.message_dict[field] == [message]


def test_one_coordinate_without_the_other_is_refused():
    place = PlaceFactory.build(longitude=None)
    with pytest.raises(ValidationError) as error:
        place.full_clean()
    assert "longitude" in error.value.message_dict


def test_the_database_refuses_coordinates_out_of_range_too():
    with pytest.raises(IntegrityError):
        PlaceFactory(latitude=Decimal("95"))


@pytest.mark.parametrize(
    ("field", "value"), [("wikidata_id", "15483"), ("nuts_code", "es511"), ("nuts_code", "E")]
)
def test_identifiers_are_checked(field, value):
    with pytest.raises(ValidationError) as error:
        PlaceFactory.build(**{field: value}).full_clean()
    assert field in error.value.message_dict


def test_label_names_the_country_in_the_active_language():
    place = PlaceFactory.build(name_ca="Pamiers", name_en="Pamiers", country="FR")
    with translation.override("ca"):
        assert place.label() == "Pamiers (França)"
    with translation.override("en"):
        assert place.label() == "Pamiers (France)"
