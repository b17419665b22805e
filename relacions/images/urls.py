from django.urls import path

from . import views

app_name = "images"

urlpatterns = [
    path("editor-upload/", views.editor_upload, name="editor-upload"),
]
