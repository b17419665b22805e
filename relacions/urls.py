from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from relacions.core import views as core_views

admin.site.site_header = admin.site.site_title = "Relacions — Ajuntament de Terrassa"

urlpatterns = [
    path("", core_views.root_redirect, name="root"),
    path("healthz", core_views.healthz, name="healthz"),
    path("livez", core_views.livez, name="livez"),
    path("robots.txt", core_views.robots_txt, name="robots"),
    path(settings.ADMIN_URL, admin.site.urls),
    path("images/", include("relacions.images.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
]

urlpatterns += i18n_patterns(
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("", include("relacions.pages.urls")),
    prefix_default_language=True,
)

if settings.SERVE_MEDIA:
    from django.views.static import serve

    urlpatterns += [path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]

handler404 = "relacions.core.views.page_not_found"
handler500 = "relacions.core.views.server_error"
