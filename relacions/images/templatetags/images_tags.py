"""`{% picture %}`: a responsive `<picture>` for an image of the library.

    {% load images_tags %}
    {% picture image sizes="(min-width: 60em) 50vw, 100vw" loading="lazy" css_class="card-image" %}

See relacions/images/models.py for what it renders (from the image's own row: no query).
"""

from django import template

register = template.Library()


@register.inclusion_tag("images/_picture.html")
def picture(image, sizes: str = "100vw", loading: str = "lazy", css_class: str = ""):
    if image is None or not image.file:
        return {"image": None}
    return {
        "image": image,
        "sources": image.sources(),
        "alt": image.alt,
        "alt_language": image.alt_language,
        "sizes": sizes,
        "loading": loading,
        "css_class": css_class,
    }
