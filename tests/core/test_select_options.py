"""`{% select_options %}`: the options of a list's filters, written without a template loop."""

import pytest
from django.template import Context, Template

from tests.factories import NetworkFactory, NewsItemFactory
from tests.helpers import url_of

RENDER = Template("{% load relacions %}{% select_options choices selected %}")


def options(choices, selected) -> str:
    return RENDER.render(Context({"choices": choices, "selected": selected}))


def test_the_chosen_value_is_selected_compared_as_text():
    choices = [("", "Tots els anys"), (2025, "2025"), (2024, "2024")]
    assert options(choices, "2024") == (
        '<option value="">Tots els anys</option><option value="2025">2025</option>'
        '<option value="2024" selected>2024</option>'
    )
    assert options(choices, 2025).count(" selected") == 1
    assert '<option value="" selected>' in options(choices, None)
    assert '<option value="" selected>' in options(choices, "")


def test_values_and_labels_are_escaped():
    html = options([('a"b', "<script>x</script> & co")], None)
    assert html == '<option value="a&quot;b">&lt;script&gt;x&lt;/script&gt; &amp; co</option>'


@pytest.mark.django_db
def test_the_news_list_marks_the_chosen_network(client, site_settings):
    network = NetworkFactory(name_ca="Xarxa triada", slug_ca="xarxa-triada")
    NewsItemFactory().networks.add(network)
    body = client.get(url_of("news:list") + "?network=xarxa-triada").content.decode()
    assert body.count(" selected>") == 3  # the network, and "all" for the year and the subject
    assert '<option value="xarxa-triada" selected>Xarxa triada</option>' in body
