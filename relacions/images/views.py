from pathlib import PurePath

from django.conf import settings
from django.http import JsonResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_POST
from modeltranslation.utils import build_localized_fieldname

from .forms import EditorUploadForm
from .models import Image

TITLE_MAX_LENGTH = Image._meta.get_field("title").max_length


def _error(message, status: int) -> JsonResponse:
    # The shape CKEditor 5's upload adapter shows to the editor.
    return JsonResponse({"error": {"message": str(message)}}, status=status)


@require_POST
@csrf_protect
def editor_upload(request):
    """CKEditor 5's image upload: the file joins the image library and the editor gets its URL.

    Answers JSON, never a login redirect, since the editor's script is the client.
    """
    user = request.user
    if not (user.is_active and user.is_staff and user.has_perm("images.add_image")):
        return _error(_("You do not have permission to upload images."), status=403)
    form = EditorUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        field_errors = form.errors.get("upload") or form.non_field_errors()
        return _error(field_errors[0] if field_errors else _("No image was sent."), status=400)
    upload = form.cleaned_data["upload"]
    title = PurePath(upload.name).stem.strip()[:TITLE_MAX_LENGTH] or str(_("Untitled image"))
    language = settings.LANGUAGE_CODE
    image = Image(file=upload, decorative=False)
    # The library requires alt text unless an image is decorative. The file name stands in for
    # it here; editors write the real alternative text in the editor's image toolbar, which
    # stores it in the rich text's own `alt` attribute.
    setattr(image, build_localized_fieldname("title", language), title)
    setattr(image, build_localized_fieldname("alt_text", language), title)
    # The file was checked by the form; its name is replaced by a generated one on save.
    image.full_clean(exclude=["file"])
    image.save()
    rendition = image.rendition(max(settings.IMAGE_RENDITION_WIDTHS))
    return JsonResponse({"url": rendition.file.url if rendition else image.file.url})
