from django.db import models

from .forms import ImageUploadField


class ImageFileField(models.ImageField):
    """An ImageField whose form field applies the image library's validation, so the admin and
    every model form that includes it refuse the same files with the same messages."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": ImageUploadField, **kwargs})
