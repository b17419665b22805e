from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, TemplateView

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


class PageDetailView(PreviewMixin, DetailView):
    context_object_name = "page"

    def get_object(self, queryset=None):
        return get_object_or_404(Page.objects.published().by_slug(self.kwargs["slug"])[:1])
