"""The image library: uploaded images, described once and reused by every content type.

For other apps
--------------
Link an image with a foreign key and render it with the `images_tags` library::

    image = models.ForeignKey("images.Image", null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+", verbose_name=_("image"))

    NewsItem.objects.select_related("image")

    {% load images_tags %}
    {% picture item.image sizes="(min-width: 60em) 50vw, 100vw" loading="lazy" css_class="card" %}

`picture` renders `<picture>` with a WebP `<source srcset>` and an `<img src srcset sizes width
height alt loading decoding>` fallback in the original format (`css_class` goes on the `<img>`);
`alt=""` for decorative images; the alt text in the active language, or Catalan marked
`lang="ca"`. Nothing is rendered for `None`. It makes no query: what a page needs of each
rendition (width, height, format, file name) is stored in the image's own row
(`Image.rendition_data`), so `select_related("image")` is all a list needs.

In Python: `image.srcset("webp")`, `image.rendition(960)`, `image.og_rendition` and
`image.og_image_url` (for Open Graph: the largest rendition in JPEG or PNG, up to 1600 px).
"""

import uuid
from pathlib import PurePosixPath
from typing import NamedTuple

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname, get_language

from relacions.core.fields import RichTextField

from . import renditions
from .fields import ImageFileField
from .validators import open_image


class Format(models.TextChoices):
    JPEG = "jpeg", "JPEG"
    PNG = "png", "PNG"
    WEBP = "webp", "WebP"


def original_upload_to(instance: "Image", filename: str) -> str:
    """A random name: the uploaded file's name (which may hold a person's name, a date, a place)
    is never stored. `Image.save` passes a name whose extension matches the re-encoded content."""
    return f"images/originals/{uuid.uuid4().hex}{PurePosixPath(filename).suffix.lower()}"


class Sources(NamedTuple):
    """What `<picture>` needs: the fallback `<img>`'s file, size and srcset, and the WebP srcset."""

    src: str
    width: int
    height: int
    srcset: str
    webp_srcset: str


class Image(models.Model):
    """An image in the library, stored cleaned (upright, no metadata) with its renditions.

    The renditions are described twice, written together in one transaction: in the image's
    own row (`rendition_data`, which every page reads, so showing an image costs no query of
    its own) and as `Rendition` rows (the files' bookkeeping: each row's deletion, cascades and
    the admin's bulk delete included, removes its file once nothing uses the name).

    Cleaning and renditions happen in `save()`, not in a service: every path that stores an
    image (admin, editor upload, shell, data import, test factories) must strip the GPS position
    from a photo, and a service one of them forgets to call would publish it.
    """

    class Licence(models.TextChoices):
        ALL_RIGHTS_RESERVED = "all-rights-reserved", _("All rights reserved")
        PERMISSION = "permission", _("Used with the author's permission")
        CC_BY = "cc-by-4.0", _("Creative Commons Attribution 4.0 (CC BY 4.0)")
        CC_BY_SA = "cc-by-sa-4.0", _("Creative Commons Attribution-ShareAlike 4.0 (CC BY-SA 4.0)")
        CC0 = "cc0-1.0", _("Creative Commons Zero (CC0): no rights reserved")
        PUBLIC_DOMAIN = "public-domain", _("Public domain")

    file = ImageFileField(
        _("file"),
        upload_to=original_upload_to,
        max_length=255,
        help_text=_(
            "JPEG, PNG or WebP. Photos are turned upright and their metadata (camera, GPS "
            "position, dates) removed; smaller copies are made for phones and tablets."
        ),
    )
    title = models.CharField(
        _("title"),
        max_length=200,
        help_text=_("To find the image in the library; not shown to visitors."),
    )
    alt_text = models.CharField(
        _("alternative text"),
        max_length=300,
        blank=True,
        help_text=_(
            "What the image shows, for people who cannot see it. Required in Catalan unless "
            "the image is decorative."
        ),
    )
    decorative = models.BooleanField(
        _("decorative"),
        default=False,
        help_text=_("The image adds no information to the text around it: screen readers skip it."),
    )
    credit = models.CharField(
        _("credit"),
        max_length=200,
        blank=True,
        help_text=_("Author or source, as it must be shown: “Photo: Name Surname”."),
    )
    licence = models.CharField(
        _("licence"),
        max_length=20,
        choices=Licence.choices,
        blank=True,
    )
    width = models.PositiveIntegerField(_("width"), default=0, editable=False)
    height = models.PositiveIntegerField(_("height"), default=0, editable=False)
    format = models.CharField(_("format"), max_length=4, choices=Format, blank=True, editable=False)
    # [{"width", "height", "format", "file"}, …] by width: the `Rendition` rows'
    # columns that a page needs, kept with the image so that pages read no other table.
    rendition_data = models.JSONField(_("renditions"), default=list, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    # What the cached fragments that show the image are keyed by (pagecache.fragments): a rebuild
    # of its renditions leaves `updated_at` as it was.
    FRAGMENT_VERSION = ("updated_at", "rendition_data")

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")
        ordering = ("-created_at", "-pk")

    def __str__(self):
        return self.title or self.file.name

    def save(self, *args, **kwargs):
        picture, previous = None, ""
        if self.file and not self.file._committed:
            previous = self._stored_file_name()
            picture = self._store_clean_file()
        with transaction.atomic():
            if picture is not None:
                # The files first, so that the row is written once, with their description.
                self.rendition_data = self._write_renditions(picture)
                update_fields = kwargs.get("update_fields")
                if update_fields is not None:
                    kwargs["update_fields"] = {*update_fields, *STORED_FIELDS}
            super().save(*args, **kwargs)
            if picture is not None:
                self._record_renditions()
            if previous and previous != self.file.name:
                delete_file_on_commit(self.file.storage, previous)

    def clean(self):
        super().clean()
        alt_field = build_localized_fieldname("alt_text", settings.LANGUAGE_CODE)
        if not self.decorative and not (getattr(self, alt_field, "") or "").strip():
            message = _(
                "Describe the image in Catalan for people who cannot see it, "
                "or mark it as decorative."
            )
            raise ValidationError({alt_field: ValidationError(message, code="alt_text_required")})

    # --- Storing ------------------------------------------------------------------------------

    def _store_clean_file(self):
        """Replace the pending upload with its cleaned re-encoding; return the cleaned pixels."""
        picture, file_format = open_image(self.file)
        cleaned = renditions.clean(picture, file_format)
        content = ContentFile(renditions.encode(cleaned, file_format, original=True))
        self.file.save(f"image.{renditions.EXTENSIONS[file_format]}", content, save=False)
        self.width, self.height = cleaned.size
        self.format = file_format
        return cleaned

    def _stored_file_name(self) -> str:
        if self.pk is None:
            return ""
        stored = type(self).objects.filter(pk=self.pk).values_list("file", flat=True).first()
        return stored or ""

    def _write_renditions(self, picture) -> list[dict]:
        """Store the renditions' files of the cleaned `picture`; return their `rendition_data`."""
        storage = Rendition._meta.get_field("file").storage
        previous = set()
        if self.pk is not None:
            previous = set(Rendition.objects.filter(image=self).values_list("file", flat=True))
        data = []
        for width in renditions.widths_for(self.width):
            resized = renditions.resize(picture, width)
            for file_format in renditions.formats_for(self.format):
                name = renditions.rendition_name(self.file.name, width, file_format)
                if name in previous:
                    # Rebuilding in place: free the name so it stays deterministic. The old
                    # row's deletion keeps the new file (its name is in use by then).
                    storage.delete(name)
                content = ContentFile(renditions.encode(resized, file_format))
                data.append(
                    {
                        "width": resized.width,
                        "height": resized.height,
                        "format": file_format,
                        "file": storage.save(name, content),
                    }
                )
        return data

    def _record_renditions(self) -> None:
        """Make the `Rendition` rows match `rendition_data`. The old rows' files go once the
        transaction commits, unless a new rendition now uses the name."""
        Rendition.objects.filter(image=self).delete()
        Rendition.objects.bulk_create(Rendition(image=self, **row) for row in self.rendition_data)

    def describe_recorded_renditions(self) -> None:
        """Make `rendition_data` match the `Rendition` rows again. A restored revision brings
        back the description of its day, which may name files replaced or rebuilt since; the
        rows, which no revision restores, follow the files."""
        rows = self.renditions.order_by("width", "format")
        self.rendition_data = list(rows.values("width", "height", "format", "file"))
        self.save(update_fields=["rendition_data"])

    def rebuild_renditions(self) -> None:
        """Make the renditions again from the stored file (after IMAGE_RENDITION_WIDTHS or the
        encoder settings change)."""
        picture, _format = open_image(self.file)
        with transaction.atomic():
            self.rendition_data = self._write_renditions(renditions.clean(picture, self.format))
            # A save, not an update(): the pages that show the image are stale now. Not
            # `updated_at`: nothing an editor sees changed, so a form open meanwhile saves.
            self.save(update_fields=["rendition_data"])
            self._record_renditions()

    # --- Reading ------------------------------------------------------------------------------

    @property
    def alt(self) -> str:
        """The `alt` attribute: empty for decorative images, else the alt text in the active
        language or its fallback."""
        return "" if self.decorative else self.alt_text

    @property
    def alt_language(self) -> str:
        """The fallback language's code when `alt` shows its text instead of the active
        language's (for a `lang` attribute), else ""."""
        if self.decorative or not self.alt_text:
            return ""
        own = getattr(self, build_localized_fieldname("alt_text", get_language()), "")
        return "" if own else settings.LANGUAGE_CODE

    def _renditions(self, file_format: str | None = None) -> list["Rendition"]:
        """Renditions by width, read from the image's own row (unsaved `Rendition` objects: no
        query); built once per format while `rendition_data` stays the same list (a page asks
        for the Open Graph one up to three times: its head, its card, its schema.org data)."""
        data = self.rendition_data
        built = self.__dict__.get("_built_renditions")
        if built is None or built[0] is not data:
            built = self.__dict__["_built_renditions"] = (data, {})
        found = built[1].get(file_format)
        if found is None:
            found = built[1][file_format] = sorted(
                (
                    Rendition(image=self, **row)
                    for row in data
                    if file_format is None or row["format"] == file_format
                ),
                key=lambda r: r.width,
            )
        return list(found)

    def srcset(self, file_format: str | None = None) -> str:
        """`url 480w, url 960w, …` for one format (the original's by default)."""
        found = self._renditions(file_format or self.format)
        if not found and (file_format or self.format) == self.format and self.file:
            return f"{self.file.url} {self.width}w"
        return ", ".join(f"{r.file.url} {r.width}w" for r in found)

    def rendition(self, width: int, file_format: str | None = None) -> "Rendition | None":
        """The rendition `width` pixels wide, else the narrowest wider one, else the widest."""
        found = self._renditions(file_format or self.format)
        if not found:
            return None
        return next((r for r in found if r.width >= width), found[-1])

    @property
    def og_rendition(self) -> "Rendition | None":
        """For Open Graph and JSON-LD: the largest rendition (≤ 1600 px) in the original format,
        which every social network reads (not all of them read WebP)."""
        return self.rendition(max(settings.IMAGE_RENDITION_WIDTHS), self.format)

    @property
    def og_image_url(self) -> str:
        rendition = self.og_rendition
        if rendition is not None:
            return rendition.file.url
        return self.file.url if self.file else ""

    def sources(self) -> Sources:
        """Everything `{% picture %}` renders, from one read of the renditions."""
        found = self._renditions()
        fallback = [r for r in found if r.format == self.format]
        webp = [r for r in found if r.format == Format.WEBP] if self.format != Format.WEBP else []
        if not fallback:
            # No renditions (an image stored outside save()): the original itself.
            url = self.file.url
            return Sources(url, self.width, self.height, f"{url} {self.width}w", "")
        largest = fallback[-1]
        return Sources(
            src=largest.file.url,
            width=largest.width,
            height=largest.height,
            srcset=", ".join(f"{r.file.url} {r.width}w" for r in fallback),
            webp_srcset=", ".join(f"{r.file.url} {r.width}w" for r in webp),
        )

    def rich_text_uses(self) -> list[models.Model]:
        """The objects whose rich text (in any language) shows this image or one of its
        renditions: the editor stores their addresses in the HTML, which no foreign key tracks,
        so deleting the image would leave those texts with a broken picture. One query per model
        with rich text."""
        names = [self.file.name, *(row["file"] for row in self.rendition_data)]
        names = [name for name in names if name]
        if not names:
            return []
        found = []
        for model, fields in rich_text_models():
            query = models.Q()
            for field in fields:
                for name in names:
                    query |= models.Q(**{f"{field}__contains": name})
            found += model._base_manager.filter(query).order_by("pk")
        return found


# What a new file changes besides the file itself (`save(update_fields=…)` writes them too).
STORED_FIELDS = ("width", "height", "format", "rendition_data")


def rich_text_models() -> list[tuple[type[models.Model], list[str]]]:
    """Every model with rich text and the names of its rich-text columns (each language's)."""
    found = []
    for model in apps.get_models():
        fields = [f.attname for f in model._meta.concrete_fields if isinstance(f, RichTextField)]
        if fields:
            found.append((model, fields))
    return found


class Rendition(models.Model):
    """A resized copy of an image in one format, made once when the image is saved.

    The rows keep account of the files (a row's deletion removes its file; one name per image,
    width and format); pages read the image's `rendition_data` instead, written with them."""

    image = models.ForeignKey(
        Image, verbose_name=_("image"), on_delete=models.CASCADE, related_name="renditions"
    )
    width = models.PositiveIntegerField(_("width"))
    height = models.PositiveIntegerField(_("height"))
    format = models.CharField(_("format"), max_length=4, choices=Format)
    file = models.FileField(_("file"), max_length=255)

    class Meta:
        verbose_name = _("rendition")
        verbose_name_plural = _("renditions")
        ordering = ("width", "format")
        constraints = (
            models.UniqueConstraint(
                fields=("image", "width", "format"), name="images_rendition_unique_size"
            ),
        )

    def __str__(self):
        return f"{self.image_id} {self.width}w {self.format}"

    @property
    def url(self) -> str:
        return self.file.url

    @property
    def mime_type(self) -> str:
        return f"image/{self.format}"


def delete_file_on_commit(storage, name: str) -> None:
    """Delete a stored file once the transaction commits (a rollback keeps it, since the rows
    that point to it come back), unless an image or rendition uses the name by then."""
    if not name:
        return

    def delete():
        in_use = (
            Image.objects.filter(file=name).exists() or Rendition.objects.filter(file=name).exists()
        )
        if not in_use:
            storage.delete(name)

    transaction.on_commit(delete)
