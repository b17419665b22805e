from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.i18n import JavaScriptCatalog

from relacions.core import views as core_views
from relacions.core.sitemaps import collect as collect_sitemaps

admin.site.site_header = admin.site.site_title = "Relacions — Ajuntament de Terrassa"

urlpatterns = [
    path("", core_views.root_redirect, name="root"),
    path("healthz", core_views.healthz, name="healthz"),
    path("livez", core_views.livez, name="livez"),
    path("robots.txt", core_views.robots_txt, name="robots"),
    # Every published page in every language, with hreflang alternates (each app's sitemaps.py).
    path("sitemap.xml", sitemap_views.sitemap, {"sitemaps": collect_sitemaps()}, name="sitemap"),
    # Staff members' own two-factor settings, inside the admin's URL space (relacions.security).
    path(f"{settings.ADMIN_URL}two-factor/", include("relacions.security.urls")),
    # Previews and the translation status (relacions.workflow), behind the admin's log-in.
    path(f"{settings.ADMIN_URL}workflow/", include("relacions.workflow.urls")),
    path(settings.ADMIN_URL, admin.site.urls),
    path("images/", include("relacions.images.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
]

urlpatterns += i18n_patterns(
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    # Translated first segments: /ca/actualitat/, /es/actualidad/, /en/news/ …
    path(_("news/"), include("relacions.news.urls")),
    path(_("events/"), include("relacions.events.urls")),
    path(_("networks/"), include("relacions.networks.urls")),
    path(_("agreements/"), include("relacions.agreements.urls")),
    path(_("places/"), include("relacions.places.urls")),
    path(_("mandate-plan/"), include("relacions.mandate.urls")),
    path(_("search/"), include("relacions.search.urls")),
    path(_("open-data/"), include("relacions.opendata.urls")),
    # Last: its page pattern matches any slug.
    path("", include("relacions.pages.urls")),
    prefix_default_language=True,
)

if settings.SERVE_MEDIA:
    # Headers that keep uploads from being run as pages: relacions.core.middleware.
    urlpatterns += [path("media/<path:path>", core_views.serve_media, name="media")]

handler400 = "relacions.core.views.bad_request"
handler404 = "relacions.core.views.page_not_found"
handler500 = "relacions.core.views.server_error"
