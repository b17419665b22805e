from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.i18n import JavaScriptCatalog

from relacions.core import views as core_views
from relacions.core.declaration import public_urls
from relacions.core.media import serve_media
from relacions.core.sitemaps import collect as collect_sitemaps
from relacions.operations import views as operations_views

admin.site.site_header = admin.site.site_title = "Relacions — Ajuntament de Terrassa"

urlpatterns = [
    path("", core_views.root_redirect, name="root"),
    path("healthz", operations_views.healthz, name="healthz"),
    path("livez", operations_views.livez, name="livez"),
    path("robots.txt", core_views.robots_txt, name="robots"),
    # Every published page in every language, with hreflang alternates (each app's content.py).
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
    # Each app's translated first segment (/ca/actualitat/, /es/actualidad/, /en/news/ …), as
    # its content.py declares it; the pages' catch-all slug pattern last.
    # The places' old addresses (/ca/llocs/<slug>/), moved under the world map (/ca/mon/<slug>/).
    path(_("places/"), include("relacions.places.old_urls")),
    *(path(segment, include(module)) for segment, module in public_urls()),
    prefix_default_language=True,
)

if settings.SERVE_MEDIA:
    # Headers that keep uploads from being run as pages: relacions.core.media.
    urlpatterns += [path("media/<path:path>", serve_media, name="media")]

handler400 = "relacions.core.errors.bad_request"
handler404 = "relacions.core.errors.page_not_found"
# A 500 that is a database failure answers 503.
handler500 = "relacions.operations.views.server_error"
