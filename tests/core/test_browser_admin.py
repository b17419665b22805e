import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_admin_shows_three_language_tabs_and_the_editor_offline(admin_page):
    failed = []
    admin_page.on("requestfailed", lambda request: failed.append(request.url))
    admin_page.goto("/admin/pages/page/add/")

    tabs = admin_page.locator(".ui-tabs-nav").first.locator("li")
    assert tabs.count() == 3
    assert [tabs.nth(i).inner_text().strip().lower()[:2] for i in range(3)] == ["ca", "es", "en"]
    tabs.nth(1).click()
    assert admin_page.locator("#id_title_es").is_visible()
    editors = admin_page.locator(".ck-editor__editable")
    editors.first.wait_for(state="attached")
    assert editors.count() == 3
    assert admin_page.locator(".ck-editor__editable:visible").count() == 1
    assert failed == []
    assert admin_page.csp_errors == []


def test_the_events_country_is_found_by_typing_its_name_in_catalan(admin_page):
    admin_page.set_extra_http_headers({"Accept-Language": "ca"})
    admin_page.goto("/admin/events/event/add/")
    admin_page.locator("#id_country + .select2 .select2-selection").click()
    search = admin_page.locator(".select2-container--open .select2-search__field")
    search.fill("jap")
    # A name one of whose words starts with what was typed, in Catalan.
    assert admin_page.locator(".select2-results__option").all_inner_texts() == ["Japó"]
    search.fill("ja")
    assert "Azerbaidjan" not in admin_page.locator(".select2-results__option").all_inner_texts()
    search.fill("regne")
    assert admin_page.locator(".select2-results__option").all_inner_texts() == ["Regne Unit"]
    search.press("Enter")
    assert admin_page.locator("#id_country").input_value() == "GB"
    assert admin_page.csp_errors == []
