"""The site's URLs for the admin tests, with a stand-in for the projects' public page where the
site has none (the admin's change form links to a project's page, and a branch may hold the
admin before the public pages). Where `projects:detail` exists, this is the site's URLconf."""

from django.http import HttpResponse
from django.urls import get_resolver, include, path

from relacions import urls as site

urlpatterns = list(site.urlpatterns)

if "projects" not in get_resolver(site).namespace_dict:
    urlpatterns.append(
        path(
            "projects-stand-in/",
            include(
                (
                    [path("<slug:slug>/", lambda request, slug: HttpResponse(), name="detail")],
                    "projects",
                )
            ),
        )
    )
