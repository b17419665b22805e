from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class TranslationStamp(models.Model):
    """When one language of an object's translated text last changed (`tracking.py` keeps it).

    A language whose stamp is older than the Catalan one was translated from an earlier text."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    language = models.CharField(_("language"), max_length=10)
    changed_at = models.DateTimeField(_("changed at"))

    class Meta:
        verbose_name = _("translation stamp")
        verbose_name_plural = _("translation stamps")
        constraints = (
            models.UniqueConstraint(
                fields=("content_type", "object_id", "language"),
                name="workflow_one_stamp_per_language",
            ),
        )
        # Administrators hold every permission; Editors never get this one (core.roles).
        permissions = (("delete_published", _("Can delete published content")),)

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id}:{self.language} {self.changed_at}"
