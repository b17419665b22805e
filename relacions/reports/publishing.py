"""Publishing a yearly report: its figures computed now and frozen in a new edition."""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from . import figures
from .models import Edition, YearReport, year_has_ended


class CannotPublish(Exception):
    """Why a report cannot be published (a translated sentence for the admin's message)."""


def publish(report: YearReport, *, user=None, reason: dict[str, str] | None = None) -> Edition:
    """A new edition of `report` with its figures as the records give them now. The year must
    have ended; an edition after the first needs a reason (the page shows why the figures
    changed). Two Administrators publishing at once get two numbered editions, one after the
    other (the report's row is locked)."""
    if not year_has_ended(report.year):
        raise CannotPublish(
            _("The report of %(year)s can be published once the year has ended.")
            % {"year": report.year}
        )
    reason = {language: text.strip() for language, text in (reason or {}).items() if text}
    with transaction.atomic():
        YearReport.objects.select_for_update().get(pk=report.pk)
        last = report.editions.aggregate(last=Max("number"))["last"] or 0
        if last and not reason:
            raise CannotPublish(_("Say why the figures are published again."))
        now = timezone.now()
        edition = Edition(
            report=report,
            number=last + 1,
            computed_at=now,
            published_by=user,
            figures=figures.snapshot(report.year, now=now),
        )
        for language, text in reason.items():
            setattr(edition, f"reason_{language}", text)
        edition.save()
    return edition
