"""The redirects table: old addresses (the city site's, a page's before its slug changed) sent on
to new ones when nothing else answers them, never to another site unless explicitly allowed."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError

from relacions.core.roles import ADMINISTRATORS, EDITORS, setup_roles
from relacions.redirects.models import Redirect
from tests.factories import PageFactory

# Every public page reads the site settings.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_settings")]


def codes(error) -> dict[str, list[str]]:
    return {field: [e.code for e in errors] for field, errors in error.value.error_dict.items()}


def make(old_path: str, new_path: str, **fields) -> Redirect:
    redirect = Redirect(old_path=old_path, new_path=new_path, **fields)
    redirect.full_clean()
    redirect.save()
    return redirect


def test_an_old_address_is_sent_on_permanently_and_counted(client):
    redirect = make("/relacions-internacionals/agermanaments.html", "/ca/xarxes/")

    response = client.get("/relacions-internacionals/agermanaments.html")

    assert response.status_code == 301
    assert response["Location"] == "/ca/xarxes/"
    redirect.refresh_from_db()
    assert redirect.hits == 1
    assert redirect.last_used_at is not None


def test_a_temporary_redirect_is_a_302(client):
    make("/ca/campanya/", "/ca/agenda/", kind=Redirect.Kind.TEMPORARY)

    response = client.get("/ca/campanya/")

    assert response.status_code == 302
    assert response["Location"] == "/ca/agenda/"


def test_an_old_path_without_a_language_prefix_is_not_first_given_one(client):
    # /relacions/ would otherwise be sent to /ca/relacions/ (a page slug) by LocaleMiddleware.
    make("/relacions/", "/ca/qui-som/")

    response = client.get("/relacions/")

    assert response.status_code == 301
    assert response["Location"] == "/ca/qui-som/"


def test_the_final_slash_does_not_matter(client):
    make("/ca/antiga-pagina", "/ca/qui-som/")

    assert client.get("/ca/antiga-pagina/")["Location"] == "/ca/qui-som/"
    assert client.get("/ca/antiga-pagina")["Location"] == "/ca/qui-som/"


def test_a_query_string_can_be_part_of_the_old_address(client):
    make("/index.php?page=relacions", "/ca/qui-som/")
    make("/index.php", "/ca/")

    assert client.get("/index.php?page=relacions")["Location"] == "/ca/qui-som/"
    assert client.get("/index.php?page=other")["Location"] == "/ca/"


def test_a_page_that_exists_is_never_redirected(client, site_settings):
    page = PageFactory(slug_ca="qui-som")
    make("/ca/qui-som/", "/ca/agenda/")

    response = client.get("/ca/qui-som/")

    assert response.status_code == 200
    assert page.title_ca in response.content.decode()


def test_only_reading_is_redirected(client):
    make("/ca/formularis/antic/", "/ca/")

    assert client.post("/ca/formularis/antic/").status_code == 404


def test_an_unknown_address_is_still_a_404(client, site_settings):
    make("/ca/una/", "/ca/")

    assert client.get("/ca/una-altra/").status_code == 404


@pytest.mark.parametrize(
    "target",
    [
        "https://elsewhere.example/",
        "//elsewhere.example/path",
        "/\\elsewhere.example",
        "http:/elsewhere.example",
        "javascript:alert(1)",
        "relative/path",
    ],
)
def test_another_site_is_refused_unless_allowed(target):
    with pytest.raises(ValidationError) as error:
        make("/ca/old/", target)
    assert codes(error) == {"new_path": ["off_site"]}


def test_another_site_is_allowed_when_explicitly_ticked(client):
    make("/ca/eurocities/", "https://eurocities.eu/", allow_external=True)

    response = client.get("/ca/eurocities/")

    assert response.status_code == 301
    assert response["Location"] == "https://eurocities.eu/"


def test_a_row_written_around_the_validation_still_never_leaves_the_site(client):
    Redirect.objects.create(old_path="/ca/trap/", new_path="//elsewhere.example/")
    Redirect.objects.create(
        old_path="/ca/script/", new_path="javascript:alert(1)", allow_external=True
    )

    assert client.get("/ca/trap/").status_code == 404
    assert client.get("/ca/script/").status_code == 404


def test_loops_and_chains_are_refused():
    make("/ca/a/", "/ca/b/")
    with pytest.raises(ValidationError) as loop:
        make("/ca/c/", "/ca/c/")
    with pytest.raises(ValidationError) as chain:
        make("/ca/z/", "/ca/a/")

    assert codes(loop) == {"new_path": ["loop"]}
    assert codes(chain) == {"new_path": ["chain"]}
    assert "/ca/b/" in chain.value.messages[0], "the message names the final address"


def test_a_full_old_address_is_reduced_to_its_decoded_path():
    redirect = make("https://www.terrassa.cat/relacions/f%C3%B2rum.html?id=3", "/ca/")

    assert redirect.old_path == "/relacions/fòrum.html?id=3"


# --- The admin ---------------------------------------------------------------------------------


def staff(username: str, role: str):
    setup_roles()
    user = get_user_model().objects.create_user(username, password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return user


def add_form(client, **data):
    values = {"old_path": "/ca/vella/", "new_path": "/ca/", "kind": "301", "note": ""}
    return client.post("/admin/redirects/redirect/add/", values | data)


def test_an_editor_manages_redirects_on_this_site_only(client):
    client.force_login(staff("editor", EDITORS))

    add_form(client, new_path="https://elsewhere.example/", allow_external="on")

    assert not Redirect.objects.exists()
    add_form(client)
    redirect = Redirect.objects.get()
    assert (redirect.new_path, redirect.allow_external) == ("/ca/", False)


def test_an_administrator_may_send_to_another_site(client):
    client.force_login(staff("admin", ADMINISTRATORS))

    response = add_form(client, new_path="https://eurocities.eu/", allow_external="on")

    assert response.status_code == 302
    assert Redirect.objects.get().new_path == "https://eurocities.eu/"


def test_the_list_shows_how_often_each_redirect_was_used(client):
    make("/ca/vella/", "/ca/")
    client.get("/ca/vella/")
    client.force_login(staff("editor", EDITORS))

    response = client.get("/admin/redirects/redirect/")

    assert response.status_code == 200
    assert 'class="field-hits">1<' in response.content.decode()
