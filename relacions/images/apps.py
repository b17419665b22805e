from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from relacions.core.roles import EDITORS


class ImagesConfig(AppConfig):
    name = "relacions.images"
    verbose_name = _("Image library")
    role_permissions = {
        EDITORS: (
            "images.add_image",
            "images.change_image",
            "images.view_image",
            "images.delete_image",
        ),
    }

    def ready(self):
        from . import signals  # noqa: F401  (connects the receivers)
        from .validators import apply_pixel_limit

        # Any Pillow use in the process (not only uploads) refuses decompression bombs.
        apply_pixel_limit()
