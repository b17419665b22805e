"""Included at <ADMIN_URL>workflow/ (relacions/urls.py): every view goes through the admin's
log-in and staff check."""

from django.contrib import admin
from django.urls import path

from . import views

app_name = "workflow"

urlpatterns = [
    path("preview/<str:token>/", admin.site.admin_view(views.preview_view), name="preview"),
    path(
        "translations/",
        admin.site.admin_view(views.translation_status_view),
        name="translation-status",
    ),
]
