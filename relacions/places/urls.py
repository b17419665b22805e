from django.urls import path

from . import views

app_name = "places"

urlpatterns = [
    path("", views.WorldMapView.as_view(), name="world"),
    # The same name in every language (only the prefix changes the language of the text).
    path("terrassa-world.geojson", views.world_geojson, name="geojson"),
    path("<slug:slug>/", views.PlaceDetailView.as_view(), name="detail"),
]
