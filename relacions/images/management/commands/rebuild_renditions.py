from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand

from relacions.images.models import Image


class Command(BaseCommand):
    help = "Make every image's renditions again (after IMAGE_RENDITION_WIDTHS changes)."

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int, help="Only these images (by id).")

    def handle(self, *args, ids, **options):
        images = Image.objects.order_by("pk")
        if ids:
            images = images.filter(pk__in=ids)
        done = failed = 0
        for image in images.iterator():
            try:
                image.rebuild_renditions()
            except (ValidationError, OSError) as error:
                failed += 1
                self.stderr.write(f"Image {image.pk} ({image.file.name}): {error}")
            else:
                done += 1
        self.stdout.write(f"Renditions rebuilt for {done} image(s); {failed} failed.")
