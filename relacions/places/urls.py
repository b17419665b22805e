from django.urls import path

from . import views

app_name = "places"

urlpatterns = [path("<slug:slug>/", views.PlaceDetailView.as_view(), name="detail")]
