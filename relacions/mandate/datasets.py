"""The Pla de Mandat on the open-data page (the `datasets` part of content.py). The plan is a
tree (axes, objectives, progress) that does not fit one table of columns: the app writes its own
JSON and CSV files (views.plan_json, views.plan_csv), listed here as feeds."""

from django.utils.translation import gettext_lazy as _

from relacions.opendata.datasets import Dataset, Feed

PLAN = Dataset(
    order=40,
    slug="plan",
    title=_("Pla de Mandat"),
    description=_("The current plan's axes and objectives, with their progress."),
    feeds=(Feed("JSON", "mandate:json"), Feed("CSV", "mandate:csv")),
)
