from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from relacions.core.csv_export import csv_response

from .datasets import LICENCE_NAME, LICENCE_URL, PUBLISHER, Dataset, datasets, downloadable

LICENCE_LINK = f'<{LICENCE_URL}>; rel="license"'
FORMATS = ("json", "csv")


class OpenDataView(TemplateView):
    """The page that lists every machine-readable output of the site, in each language."""

    template_name = "opendata/index.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            outputs=outputs(),
            datasets=downloadable().values(),
            licence_url=LICENCE_URL,
            sitemap_url=self.request.build_absolute_uri(reverse("sitemap")),
            **kwargs,
        )


def outputs() -> list[dict]:
    """The page's table, one group per dataset: each format and its address in each language."""
    return [
        {
            "data": dataset.title,
            "formats": [
                {"format": label, "links": _in_each_language(name, kwargs)}
                for label, name, kwargs in _formats(dataset)
            ],
        }
        for dataset in datasets().values()
    ]


def _formats(dataset: Dataset) -> list[tuple[str, str, dict]]:
    feeds: list[tuple[str, str, dict]] = [(feed.label, feed.url_name, {}) for feed in dataset.feeds]
    if not dataset.has_files:
        return feeds
    files = [(fmt.upper(), f"opendata:{fmt}", {"dataset": dataset.slug}) for fmt in FORMATS]
    return feeds + files


def _in_each_language(name: str, kwargs: dict) -> list[tuple[str, str]]:
    links = []
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            links.append((language, reverse(name, kwargs=kwargs)))
    return links


def _dataset(slug: str) -> Dataset:
    try:
        return downloadable()[slug]
    except KeyError:
        raise Http404("No such dataset.") from None


def json_download(request, data: Dataset, *, source: str, title=None, **extra) -> JsonResponse:
    """A dataset's JSON file: what it is, its licence and source, then its items (also the yearly
    report's figures of one year, relacions.reports.views)."""
    body = {
        "dataset": data.slug,
        **extra,
        "title": str(title or data.title),
        "description": str(data.description),
        "language": translation.get_language(),
        "publisher": PUBLISHER,
        "licence": {"name": LICENCE_NAME, "url": LICENCE_URL},
        "source": source,
        "generated_at": timezone.localtime().replace(microsecond=0),
        "items": data.records(build_uri=request.build_absolute_uri),
    }
    response = JsonResponse(body, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Link"] = LICENCE_LINK
    return response


def csv_download(request, data: Dataset, *, filename: str) -> HttpResponse:
    response = csv_response(
        filename=filename,
        headers=data.headers(),
        rows=data.table(build_uri=request.build_absolute_uri),
    )
    response["Link"] = LICENCE_LINK
    return response


@require_safe
def dataset_json(request, dataset: str):
    source = request.build_absolute_uri(reverse("opendata:index"))
    return json_download(request, _dataset(dataset), source=source)


@require_safe
def dataset_csv(request, dataset: str):
    data = _dataset(dataset)
    return csv_download(request, data, filename=f"{data.slug}-{translation.get_language()}.csv")
