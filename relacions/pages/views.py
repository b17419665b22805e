from django.utils import timezone
from django.views.generic import DetailView, TemplateView

from relacions.core.prepared import published_by_slug
from relacions.workflow.preview import PreviewMixin

from .chrome import site_chrome
from .models import Page


class HomeView(TemplateView):
    template_name = "pages/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Read with the menu and the footer pages (the chrome's one query).
        context["mission_page"] = site_chrome(self.request).pages_by_key.get(Page.Key.MISSION)
        return context


# A page's lookup, compiled once (relacions.core.prepared).
BY_SLUG = published_by_slug(lambda now: Page.objects.published(now))


class PageDetailView(PreviewMixin, DetailView):
    context_object_name = "page"

    def get_object(self, queryset=None):
        return BY_SLUG.first_or_404(now=timezone.now(), slug=self.kwargs["slug"])
