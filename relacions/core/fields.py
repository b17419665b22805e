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
        # Through __dict__, not getattr/setattr: on a translated field modeltranslation's
        # descriptor would read the fallback language and write it into the active language.
        value = sanitize_html(model_instance.__dict__.get(self.attname))
        model_instance.__dict__[self.attname] = value
        return value
