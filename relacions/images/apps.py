from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImagesConfig(AppConfig):
    name = "relacions.images"
    verbose_name = _("Image library")

    def ready(self):
        from . import signals  # noqa: F401  (connects the receivers)
        from .validators import apply_pixel_limit

        # Any Pillow use in the process (not only uploads) refuses decompression bombs.
        apply_pixel_limit()
