import re

import pytest
from django.template import Context, Template
from django.utils import translation

from relacions.images.models import Image

pytestmark = pytest.mark.django_db


def render(template: str, **context) -> str:
    return Template("{% load images_tags %}" + template).render(Context(context)).strip()


def attributes(html: str, tag: str) -> dict[str, str]:
    element = re.search(rf"<{tag}\b([^>]*)>", html)
    assert element, f"no <{tag}> in {html}"
    return dict(re.findall(r'([\w-]+)="([^"]*)"', element.group(1)))


def test_picture_with_webp_source_and_original_format_fallback(make_image):
    image = make_image(2000, 1000, alt_text_ca="Firma del conveni")
    html = render(
        '{% picture image sizes="(min-width: 60em) 50vw, 100vw" css_class="hero" %}', image=image
    )

    assert html.startswith("<picture>") and html.endswith("</picture>")
    source, img = attributes(html, "source"), attributes(html, "img")
    assert source["type"] == "image/webp"
    assert source["srcset"] == image.srcset("webp")
    assert source["sizes"] == img["sizes"] == "(min-width: 60em) 50vw, 100vw"
    assert [c.rsplit(" ", 1)[1] for c in img["srcset"].split(", ")] == ["480w", "960w", "1600w"]
    assert img["srcset"] == image.srcset("jpeg")
    assert img["src"] == image.rendition(1600, "jpeg").file.url
    assert (img["width"], img["height"]) == ("1600", "800")
    assert img["alt"] == "Firma del conveni"
    assert (img["loading"], img["decoding"], img["class"]) == ("lazy", "async", "hero")
    assert "lang" not in img


def test_decorative_image_has_empty_alt(make_image):
    html = render("{% picture image %}", image=make_image(decorative=True, alt_text_ca="x"))
    assert attributes(html, "img")["alt"] == ""
    assert 'alt=""' in html


def test_alt_text_is_translated_with_catalan_fallback(make_image):
    image = make_image(alt_text_ca="Pati de l'Ajuntament", alt_text_en="Town hall courtyard")
    with translation.override("en"):
        assert attributes(render("{% picture image %}", image=image), "img")["alt"] == (
            "Town hall courtyard"
        )
    with translation.override("es"):
        img = attributes(render("{% picture image %}", image=image), "img")
    assert (img["alt"], img["lang"]) == ("Pati de l&#x27;Ajuntament", "ca")


def test_webp_original_has_no_separate_source(make_image):
    image = make_image(1000, 500, file_format="WEBP", name="a.webp")
    html = render('{% picture image loading="eager" %}', image=image)
    assert "<source" not in html
    img = attributes(html, "img")
    assert img["src"].endswith("-960w.webp")
    assert img["loading"] == "eager"


def test_sizes_are_not_localised(make_image):
    image = make_image(2000, 1000)
    with translation.override("es"), translation.override("ca"):
        html = render("{% picture image %}", image=image)
    assert 'width="1600" height="800"' in html


def test_nothing_for_no_image():
    assert render("{% picture image %}", image=None) == ""


def test_attribute_values_are_escaped(make_image):
    image = make_image(alt_text_ca='"><script>alert(1)</script>')
    html = render("{% picture image css_class=klass %}", image=image, klass='x" onload="y')
    assert "<script>" not in html
    assert 'onload="' not in html


@pytest.mark.parametrize("count", [1, 50])
def test_a_list_renders_in_constant_queries(make_image, django_assert_num_queries, count):
    for _ in range(count):
        make_image(600, 400)
    template = "{% for image in images %}{% picture image %}{% endfor %}"
    with django_assert_num_queries(1):  # the images, their renditions in each row
        html = render(template, images=Image.objects.all())
    assert html.count("<picture>") == count
    assert html.count('srcset="') == 2 * count
