"""The demo's report is published once the demo content is loaded: its figures are those of the
demo records (relacions/reports/demo.yaml writes the narrative and the press review)."""

from django.dispatch import receiver

from relacions.core.signals import demo_loaded

from .models import YearReport
from .publishing import publish


@receiver(demo_loaded)
def publish_demo_report(sender, today, **kwargs):
    """The report of the year before the demo's `today`, if it has no edition yet (loading the
    demo twice changes nothing)."""
    report = YearReport.objects.filter(year=today.year - 1, editions__isnull=True).first()
    if report is not None:
        publish(report)
