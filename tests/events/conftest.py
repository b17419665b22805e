import io
from datetime import datetime, timedelta

import PIL.Image
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from relacions.core.models import Publishable
from relacions.images.models import Image

NOW = timezone.now()

# Keyword arguments that put an item in each publication state (see Publishable.State).
PUBLICATION_STATES = {
    "draft": {"status": Publishable.Status.DRAFT},
    "scheduled": {"publish_at": NOW + timedelta(days=1)},
    "expired": {"publish_at": NOW - timedelta(days=2), "unpublish_at": NOW - timedelta(hours=1)},
}


def madrid(*args) -> datetime:
    """A date and time on Terrassa's clock (the site's time zone)."""
    return timezone.make_aware(datetime(*args))


@pytest.fixture(autouse=True)
def _site(site_settings):
    """Every page renders the site settings (header, footer)."""


@pytest.fixture
def image(db):
    buffer = io.BytesIO()
    PIL.Image.new("RGB", (1200, 800), (155, 28, 49)).save(buffer, "JPEG")
    image = Image(
        file=SimpleUploadedFile("leeds.jpg", buffer.getvalue(), content_type="image/jpeg"),
        title_ca="Leeds",
        alt_text_ca="El centre de Leeds",
        alt_text_en="Leeds city centre",
        credit="Foto: Exemple",
    )
    image.save()
    return image
