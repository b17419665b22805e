"""The visits' rules: public only when published and ended (in Europe/Madrid), costs only once
final, validation with translated errors, and the yearly totals against a hand count."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import override_settings
from django.utils import timezone, translation

from relacions.visits.models import Cost, Participant, Visit, local_today
from tests.factories.visits import (
    CostFactory,
    ParticipantFactory,
    VisitFactory,
    days_ago,
)

pytestmark = pytest.mark.django_db

MADRID = timezone.get_default_timezone()


def test_a_visit_is_public_only_once_published_and_ended():
    ended = VisitFactory()
    VisitFactory(status="draft")
    VisitFactory(starts_on=days_ago(1), ends_on=local_today())  # ends today: not yet
    VisitFactory(starts_on=local_today(), ends_on=days_ago(-3))  # going on
    VisitFactory(starts_on=days_ago(-10), ends_on=days_ago(-12))  # to come
    VisitFactory(publish_at=timezone.now() + datetime.timedelta(hours=1))
    VisitFactory(unpublish_at=timezone.now() - datetime.timedelta(minutes=1))
    assert list(Visit.objects.published()) == [ended]
    assert [v.is_published() for v in Visit.objects.order_by("pk")] == [
        True, False, False, False, False, False, False,
    ]  # fmt: skip


def test_a_visit_ends_at_midnight_in_madrid_whatever_the_active_time_zone():
    visit = VisitFactory(starts_on=datetime.date(2030, 3, 9), ends_on=datetime.date(2030, 3, 10))
    # 23:30 UTC on the 10th is 00:30 on the 11th in Madrid: the visit has ended.
    before = datetime.datetime(2030, 3, 10, 22, 30, tzinfo=datetime.UTC)
    after = datetime.datetime(2030, 3, 10, 23, 30, tzinfo=datetime.UTC)
    with timezone.override("America/New_York"):
        assert not Visit.objects.published(now=before).exists()
        assert list(Visit.objects.published(now=after)) == [visit]
        assert visit.publication_state(now=before) == Visit.State.SCHEDULED
        assert visit.publication_state(now=after) == Visit.State.LIVE
    assert visit.public_from() == datetime.datetime(2030, 3, 11, tzinfo=MADRID)


def test_a_published_visit_still_to_end_is_scheduled():
    visit = VisitFactory(starts_on=local_today(), ends_on=local_today())
    assert visit.publication_state() == Visit.State.SCHEDULED
    assert list(Visit.objects.scheduled()) == [visit]
    assert not Visit.objects.published().exists()


def test_the_end_cannot_come_before_the_start_in_any_language():
    visit = VisitFactory.build(
        starts_on=datetime.date(2024, 5, 2), ends_on=datetime.date(2024, 5, 1)
    )
    with translation.override("es"):
        with pytest.raises(ValidationError) as error:
            visit.full_clean(exclude=["places"])
        assert "La fecha de fin no puede ser anterior" in str(error.value.message_dict["ends_on"])
    with pytest.raises(IntegrityError), transaction.atomic():
        visit.save()


def test_costs_cannot_be_marked_final_before_the_visit_ends():
    visit = VisitFactory(starts_on=local_today(), ends_on=days_ago(-2))
    visit.costs_final = True
    with translation.override("es"):
        with pytest.raises(ValidationError) as error:
            visit.full_clean()
        assert error.value.message_dict["costs_final"] == [
            "Los costes no se pueden marcar como definitivos antes de que termine la visita."
        ]
    with pytest.raises(IntegrityError), transaction.atomic():
        visit.save()


def test_marking_costs_final_dates_them_and_unmarking_clears_the_date():
    visit = VisitFactory()
    visit.costs_final = True
    visit.full_clean()
    visit.save()
    assert visit.costs_final_on == local_today()
    visit.costs_final = False
    visit.save()
    assert visit.costs_final_on is None


def test_a_negative_cost_is_refused_with_a_translated_error_and_by_the_database():
    cost = CostFactory.build(visit=VisitFactory(), amount=Decimal("-1.00"))
    with translation.override("es"):
        with pytest.raises(ValidationError) as error:
            cost.full_clean()
        assert "Un importe no puede ser negativo." in error.value.message_dict["amount"]
    with pytest.raises(IntegrityError), transaction.atomic():
        cost.save()


def test_only_elected_officials_are_named():
    visit = VisitFactory()
    staff = ParticipantFactory.build(visit=visit, role=Participant.Role.STAFF, name="Anna Puig")
    with pytest.raises(ValidationError) as error:
        staff.full_clean()
    assert "Només es fa constar el nom dels càrrecs electes" in str(error.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        staff.save()
    elected = ParticipantFactory.build(visit=visit, role=Participant.Role.ELECTED, name="")
    with pytest.raises(ValidationError) as error:
        elected.full_clean()
    assert "Indiqueu el nom públic del càrrec electe." in str(error.value)


def test_the_yearly_totals_equal_a_hand_count():
    a = VisitFactory(starts_on=datetime.date(2024, 3, 1), ends_on=datetime.date(2024, 3, 2))
    b = VisitFactory(starts_on=datetime.date(2024, 12, 30), ends_on=datetime.date(2025, 1, 2))
    c = VisitFactory(starts_on=datetime.date(2024, 6, 1), ends_on=datetime.date(2024, 6, 1))
    d = VisitFactory(starts_on=datetime.date(2025, 2, 1), ends_on=datetime.date(2025, 2, 3))
    for visit in (a, b, d):
        Visit.objects.filter(pk=visit.pk).update(costs_final=True, costs_final_on=days_ago(0))
    CostFactory(visit=a, amount=Decimal("100.00"), paid_by=Cost.Payer.CITY)
    CostFactory(visit=a, amount=Decimal("50.50"), paid_by=Cost.Payer.EU_PROJECT)
    CostFactory(visit=a, amount=Decimal("25.00"), paid_by=Cost.Payer.HOST)
    CostFactory(visit=b, amount=Decimal("300.00"), paid_by=Cost.Payer.CITY)
    CostFactory(visit=c, amount=Decimal("999.00"), paid_by=Cost.Payer.HOST)  # not final
    CostFactory(visit=d, amount=Decimal("0.00"), paid_by=Cost.Payer.CITY)
    # Not public: never counted.
    hidden = VisitFactory(status="draft", starts_on=datetime.date(2024, 1, 1),
                          ends_on=datetime.date(2024, 1, 2), costs_final=True)  # fmt: skip
    CostFactory(visit=hidden, amount=Decimal("7777.00"))

    rows = list(Visit.objects.published().totals_by_year())

    # 2024: three visits (a, b, c); final costs 100 + 50.50 + 25 + 300 = 475.50; paid by
    # others 50.50 + 25 = 75.50, 15.9 % of it; c's costs are not final.
    assert [(r["year"], r["visits"], r["costs_pending"], r["cost"], r["paid_by_others"])
            for r in rows] == [
        (2025, 1, 0, Decimal("0.00"), Decimal("0.00")),
        (2024, 3, 1, Decimal("475.50"), Decimal("75.50")),
    ]  # fmt: skip
    assert rows[0]["others_share"] is None
    assert rows[1]["others_share"] == Decimal("15.9")


def test_the_totals_are_one_query(django_assert_num_queries):
    for year in (2020, 2021, 2022):
        visit = VisitFactory(starts_on=datetime.date(year, 1, 1), ends_on=datetime.date(year, 1, 2))
        CostFactory(visit=visit)
    with django_assert_num_queries(1):
        assert len(list(Visit.objects.published().totals_by_year())) == 3


@override_settings(VISITS_COSTS_PUBLIC_WITHIN_DAYS=30)
def test_costs_are_overdue_the_set_number_of_days_after_the_end():
    late = VisitFactory(starts_on=days_ago(40), ends_on=days_ago(31))
    VisitFactory(starts_on=days_ago(40), ends_on=days_ago(30))  # due today: not overdue yet
    done = VisitFactory(starts_on=days_ago(40), ends_on=days_ago(35))
    done.costs_final = True
    done.save()
    draft = VisitFactory(status="draft", starts_on=days_ago(90), ends_on=days_ago(89))
    assert set(Visit.objects.costs_overdue()) == {late, draft}
    assert late.costs_due_on() == days_ago(1)
