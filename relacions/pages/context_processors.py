from django.utils.functional import SimpleLazyObject

from .models import Page, SiteSettings


def _footer_pages() -> dict[str, Page]:
    pages = Page.objects.published().filter(key__isnull=False)
    return {page.key.replace("-", "_"): page for page in pages}


def site(request):
    """Site settings, menu and footer pages, fetched only if a template uses them."""
    return {
        "site_settings": SimpleLazyObject(SiteSettings.load),
        "menu_pages": SimpleLazyObject(lambda: list(Page.objects.in_menu())),
        "footer_pages": SimpleLazyObject(_footer_pages),
    }
