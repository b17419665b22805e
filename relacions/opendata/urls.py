from django.urls import path

from . import views

app_name = "opendata"

# File names are the same in every language (only the prefix, /ca/ /es/ /en/, changes the language
# of the content), as the Pla de Mandat's plan.json and plan.csv.
urlpatterns = [
    path("", views.OpenDataView.as_view(), name="index"),
    path("<slug:dataset>.json", views.dataset_json, name="json"),
    path("<slug:dataset>.csv", views.dataset_csv, name="csv"),
]
