"""The workflow's admin pages in a real browser: the dashboard, a history and the comparison of
two revisions, with axe run on what these pages add to the admin."""

import pytest
from django.urls import reverse
from reversion.models import Version

from relacions.news.models import NewsItem
from tests.factories import NewsItemFactory

pytestmark = pytest.mark.django_db(transaction=True)


def check_axe(page, selector: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    from tests.fixtures.browser import WCAG_21_AA

    results = Axe().run(page, context=selector, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()


def test_the_dashboard(admin_page):
    NewsItemFactory(status=NewsItem.Status.DRAFT, title_ca="Esborrany al tauler", title_en="")
    admin_page.goto(reverse("admin:index"))
    dashboard = admin_page.locator(".workflow-dashboard")
    assert "Esborrany al tauler" in dashboard.inner_text()
    admin_page.get_by_role("link", name="Esborrany al tauler").click()
    assert "/change/" in admin_page.url
    admin_page.goto(reverse("admin:index"))
    check_axe(admin_page, ".workflow-dashboard")
    assert admin_page.csp_errors == []


def test_the_history_and_the_comparison_of_two_revisions(admin_page):
    item = NewsItemFactory(title_es="Antes")
    change = reverse("admin:news_newsitem_change", args=(item.pk,))
    admin_page.goto(change)
    admin_page.fill("#id_revision_comment", "Primera revisió")
    admin_page.locator("input[name=_continue]").click()
    admin_page.wait_for_url(f"**{change}")
    admin_page.locator("a[href='#tabs-2'], .ui-tabs-nav li:nth-child(2) a").first.click()
    admin_page.fill("#id_title_es", "Después")
    admin_page.locator("input[name=_continue]").click()
    admin_page.wait_for_url(f"**{change}")
    assert Version.objects.get_for_object(item).count() == 2

    admin_page.goto(reverse("admin:news_newsitem_history", args=(item.pk,)))
    assert "Primera revisió" in admin_page.locator("#change-history").inner_text()
    check_axe(admin_page, "#content-main")
    admin_page.get_by_role("button", name="Compare the chosen revisions").click()
    admin_page.wait_for_url("**/history/compare/**")
    # Struck through and underlined for the eye, and said in words to a screen reader.
    removed, added = admin_page.locator("del").first, admin_page.locator("ins").first
    assert removed.inner_text().split() == ["removed:", "Antes"]
    assert added.inner_text().split() == ["added:", "Después"]
    assert removed.locator(".visually-hidden").bounding_box()["width"] <= 1
    assert "line-through" in removed.evaluate("e => getComputedStyle(e).textDecorationLine")
    assert "underline" in added.evaluate("e => getComputedStyle(e).textDecorationLine")
    assert admin_page.get_by_role("heading", name="Title").is_visible()
    assert admin_page.get_by_role("heading", name="Spanish").is_visible()
    check_axe(admin_page, "#content-main")
    assert admin_page.csp_errors == []
