from django.contrib import admin
from django.urls import path

from . import views

app_name = "security"

urlpatterns = [
    # Behind the admin's own check: active staff only, others go to its log-in page.
    path("", admin.site.admin_view(views.two_factor), name="two-factor"),
]
