from django.urls import path

from . import views

app_name = "pages"

# The page pattern catches any slug, so relacions/urls.py includes this module last.
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("<slug:slug>/", views.PageDetailView.as_view(), name="detail"),
]
