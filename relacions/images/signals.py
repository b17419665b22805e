from django.core.signals import setting_changed
from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import Image, Rendition, delete_file_on_commit
from .validators import apply_pixel_limit


# post_delete, not Model.delete(): the admin's bulk "delete selected" and cascades from other
# models never call delete() on each object, but they do send this signal.
@receiver(post_delete, sender=Image, dispatch_uid="images_delete_original")
@receiver(post_delete, sender=Rendition, dispatch_uid="images_delete_rendition")
def delete_stored_file(sender, instance, **kwargs):
    delete_file_on_commit(instance.file.storage, instance.file.name)


@receiver(setting_changed, dispatch_uid="images_pixel_limit")
def update_pixel_limit(*, setting, **kwargs):
    if setting == "IMAGE_MAX_PIXELS":
        apply_pixel_limit()
