"""Demo content as data: one `demo.yaml` per app (named by the `demo` part of its content.py),
loaded by `manage.py load_demo_content`.

A file is a list of sections, loaded in order; each names a model, the fields that find an object
again (its natural key) and the objects:

    - model: news.NewsItem          # app_label.ModelName
      key: slug                     # one field or a list of fields
      defaults: {status: published} # optional: values every object of the section has
      objects:
        - slug: {ca: una-noticia, es: una-noticia, en: a-news-item}
          title: {ca: Una notícia, es: Una noticia, en: A news item}
          published_on: today-3d
          networks: [eurocities]    # links by the linked model's key

Values:
- A translated field (registered with modeltranslation) is a mapping of languages,
  `{ca: …, es: …, en: …}`, set on `field_ca`, `field_es`, `field_en`. As a key it is matched by
  its value in the default language.
- A foreign key or many-to-many link names the linked object by the key its own section declares
  (in any app's demo.yaml): a plain value for a one-field key, a mapping for a key of several
  fields (`{plan: pla-de-mandat-2023-2027, code: "5.2"}`). A link that finds nothing is an error:
  apps load in INSTALLED_APPS order, so an app links to what an earlier app loaded.
- Dates and date-times are ISO (`2019-10-09`, `2019-10-09 10:00`) or counted from today in
  settings.TIME_ZONE (see `parse_date`): `today`, `today+12d`, `today-2y`, `year-start+1y`
  (1 January of next year), with a time of day for a date-time: `today+12d 10:00`. An integer
  field whose name ends in `year` takes the same notation and keeps the year (`year: today`).
- A file field is a path relative to the YAML file; the file is stored when the object has none.
- `unless_another_has: {is_current: true}` sets those values unless another object of the model
  already has them (the demo plan becomes the current plan only when no real one is).

Loading is idempotent: an object is found by its key and updated, and one whose values are already
those of the file is not saved again, so a second run changes nothing. Each run is one transaction.
"""

import datetime
from pathlib import Path

from django.apps import AppConfig
from django.db import models, transaction

from ..declaration import demo_files as declared_demo_files
from ..signals import demo_loaded
from .base import Counts, DemoContentError
from .dates import local_today, parse_date
from .loading import _Loader
from .reading import _declared_keys, _keys_of, _read

__all__ = [
    "Counts",
    "DemoContentError",
    "declared_keys",
    "demo_files",
    "load_apps",
    "load_demo_content",
    "load_file",
    "parse_date",
]


def demo_files() -> list[tuple[AppConfig, Path]]:
    """Every app's demo file, as its declaration names it (the `demo` part of content.py), in
    INSTALLED_APPS order."""
    return list(declared_demo_files())


def load_demo_content(*, today: datetime.date | None = None) -> dict[str, Counts]:
    """Load every app's demo.yaml, in INSTALLED_APPS order, in one transaction."""
    today = today or local_today()
    with transaction.atomic():
        loaded = {config.label: load_file(path, today=today) for config, path in demo_files()}
        demo_loaded.send(sender=None, today=today)
    return loaded


def load_apps(*labels: str, today: datetime.date | None = None) -> Counts:
    """Load these apps' demo.yaml, in the order given (what a file links to must be loaded by
    then), in one transaction; for tests that need part of the demo content."""
    counts = Counts()
    with transaction.atomic():
        files = {config.label: path for config, path in demo_files()}
        for label in labels:
            counts += load_file(files[label], today=today)
    return counts


def load_file(path: Path, *, today: datetime.date | None = None) -> Counts:
    path = Path(path)
    sections = _read(path)
    keys = declared_keys() | _keys_of(path, sections)
    loader = _Loader(path, keys, today or local_today())
    with transaction.atomic():
        for section in sections:
            loader.load_section(section)
    return loader.counts


def declared_keys() -> dict[type[models.Model], tuple[str, ...]]:
    """The natural key of every model that some installed app's demo.yaml declares."""
    return dict(_declared_keys(tuple(path for _config, path in demo_files())))
