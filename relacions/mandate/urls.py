from django.urls import path, register_converter

from . import views
from .models import CODE_PATTERN

app_name = "mandate"


class ObjectiveCodeConverter:
    regex = CODE_PATTERN

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(ObjectiveCodeConverter, "objective_code")

# The open-data addresses are the same in every language (only the prefix changes the language of
# the content), so a script that downloads them never has to translate a URL.
urlpatterns = [
    path("", views.OverviewView.as_view(), name="overview"),
    path("plan.json", views.PlanJSONView.as_view(), name="json"),
    path("plan.csv", views.PlanCSVView.as_view(), name="csv"),
    path("<slug:slug>/", views.PlanView.as_view(), name="plan"),
    path("<slug:plan>/<objective_code:code>/", views.ObjectiveView.as_view(), name="objective"),
]
