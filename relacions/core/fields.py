from django.db import models
from django_ckeditor_5.widgets import CKEditor5Widget

from .sanitize import sanitize_html


class RichTextField(models.TextField):
    """HTML edited with CKEditor 5 and sanitised with nh3 every time the model is saved.

    Cleaning in `pre_save` (not only in a form) covers every path that writes the model, including
    modeltranslation's per-language copies of this field.
    """

    def formfield(self, **kwargs):
        # Forced: the admin would otherwise swap in its plain textarea for every TextField.
        kwargs["widget"] = CKEditor5Widget(config_name="default")
        return super().formfield(**kwargs)

    def pre_save(self, model_instance, add):
        value = sanitize_html(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value
