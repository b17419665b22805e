"""The projects as one spreadsheet (CSV or XLSX), exported and imported in the same format with
django-import-export: the import shows a preview and each row's errors, and saves nothing unless
every row validates (the model's clean(), its constraints and `check_coordination`).

The columns are the model's field names, one per language for a translated field (`title_ca`,
`title_es`, `title_en`), so a file means the same whatever the language of the admin that wrote
it. Rows are matched by the Catalan slug, or failing that by the grant agreement number, so a
re-import updates a project rather than adding a copy; a row whose values are all unchanged is
skipped (no save, no new version, no revision). Related items are named by keys that survive a
round trip (docs/ARCHITECTURE.md, "The projects' spreadsheet", lists them):

- programme: its Catalan name, a strand after its programme's: `Interreg › Interreg Europe`;
- department, themes: Catalan names (themes one a line in their cell);
- objectives: `<plan's Catalan slug>/<code>`; networks, agreements, news, events: Catalan slugs
  (separated by `,`);
- partners: one cell, a line each, `organisation | kind | place | role | PIC` (the kind is IATI's
  organisation-type code, the place its Catalan slug, the role a Role value).
"""

import csv
import datetime
import io
import re
import tempfile
import uuid
from decimal import Decimal, InvalidOperation
from pathlib import Path

import openpyxl
import tablib
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext, gettext_lazy
from import_export import resources, widgets
from import_export.fields import Field
from import_export.formats import base_formats
from import_export.tmp_storages import BaseStorage

from relacions.core.csv_export import BYTE_ORDER_MARK, FORMULA_PREFIXES, csv_text
from relacions.core.translated import localized_names

from .models import Department, Partner, Programme, Project, Role, Theme, check_coordination

LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)
PROGRAMME_SEPARATOR = " › "
PARTNER_SEPARATOR = "|"
PARTNER_PARTS = ("organisation", "kind", "place", "role", "participant_code")


def _text(value) -> str:
    """A cell as text: "" for an empty cell, whole numbers without ".0" (a spreadsheet turns a
    typed 101234567 into a number), and the apostrophe the CSV export puts before a cell that a
    spreadsheet would run as a formula taken off again."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if text.startswith("'") and text[1:].startswith(FORMULA_PREFIXES):
        return text[1:]
    return text


# Widgets: each turns a cell into a value and back, and says what is wrong in the user's language
# (a ValueError becomes the row's error on that column).


class TextWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        return _text(value)

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class MoneyWidget(widgets.Widget):
    """Euros with a full stop or a comma as the decimal mark, no thousands separators."""

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, int | Decimal):
            return Decimal(value)
        if isinstance(value, float):
            return Decimal(str(value))
        text = _text(value).replace("€", "").replace("\u00a0", "").replace(" ", "")
        if not text:
            return None
        if text.count(",") == 1 and "." not in text:
            text = text.replace(",", ".")
        try:
            amount = Decimal(text)
        except InvalidOperation:
            amount = None
        if amount is None or not amount.is_finite():
            raise ValueError(
                gettext(
                    "“%(value)s” is not an amount in euros: write it with digits and a decimal "
                    "mark only, e.g. 12500.50 or 12500,50."
                )
                % {"value": text}
            )
        return amount

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else value


class DateWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = _text(value)
        if not text:
            return None
        try:
            parsed = parse_date(text)
        except ValueError:
            parsed = None
        if parsed is None:
            raise ValueError(
                gettext("“%(value)s” is not a date: write it as year-month-day, e.g. 2026-03-31.")
                % {"value": text}
            )
        return parsed

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else value


class DateTimeWidget(widgets.Widget):
    """ISO 8601 with the offset, e.g. 2026-03-31T09:00:00+02:00 (a time without an offset is
    read in the site's time zone)."""

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, datetime.datetime):
            parsed = value
        else:
            text = _text(value)
            if not text:
                return None
            try:
                parsed = parse_datetime(text)
            except ValueError:
                parsed = None
            if parsed is None:
                raise ValueError(
                    gettext(
                        "“%(value)s” is not a date and time: write it as 2026-03-31T09:00:00+02:00."
                    )
                    % {"value": text}
                )
        if timezone.is_naive(parsed):
            parsed = timezone.make_aware(parsed)
        return parsed

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else timezone.localtime(value).isoformat()


class KeyedWidget(widgets.Widget):
    """A foreign key named by a key of the related row (`key_of` / `lookup`)."""

    def __init__(self, model, *, missing: str, **kwargs):
        self.model = model
        self.missing = missing
        super().__init__(**kwargs)

    def key_of(self, obj) -> str:
        return obj.name_ca

    def lookup(self, key: str):
        return self.model.objects.filter(name_ca=key)

    def find(self, key: str):
        found = list(self.lookup(key)[:2])
        if len(found) != 1:
            raise ValueError(str(self.missing) % {"value": key})
        return found[0]

    def clean(self, value, row=None, **kwargs):
        key = _text(value)
        return self.find(key) if key else None

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else self.key_of(value)


class ProgrammeWidget(KeyedWidget):
    def __init__(self, **kwargs):
        missing = gettext_lazy(
            "There is no programme “%(value)s” (write a strand after its programme: "
            "Interreg › Interreg Europe)."
        )
        super().__init__(Programme, missing=missing, **kwargs)

    def key_of(self, obj) -> str:
        if obj.parent_id:
            return f"{obj.parent.name_ca}{PROGRAMME_SEPARATOR}{obj.name_ca}"
        return obj.name_ca

    def lookup(self, key: str):
        parent, _sep, name = key.rpartition(PROGRAMME_SEPARATOR.strip())
        if parent.strip():
            return Programme.objects.filter(
                parent__name_ca=parent.strip(), parent__parent__isnull=True, name_ca=name.strip()
            )
        return Programme.objects.filter(parent__isnull=True, name_ca=key)


class ManyKeyedWidget(widgets.ManyToManyWidget):
    """Several related rows in one cell, each named by its key; saved after the project."""

    def __init__(self, model, *, separator: str, kind: str, **kwargs):
        super().__init__(model, separator=separator, **kwargs)
        self.kind = kind
        self.joiner = separator if separator == "\n" else f"{separator} "

    def key_of(self, obj) -> str:
        return obj.slug_ca

    def lookup(self, keys: list[str]) -> dict[str, object]:
        return {obj.slug_ca: obj for obj in self.model.objects.filter(slug_ca__in=keys)}

    def keys(self, value) -> list[str]:
        text = _text(value)
        parts = text.splitlines() if self.separator == "\n" else text.split(self.separator)
        return [key.strip() for key in parts if key.strip()]

    def clean(self, value, row=None, **kwargs):
        keys = self.keys(value)
        found = self.lookup(keys) if keys else {}
        missing = [key for key in keys if key not in found]
        if missing:
            raise ValueError(_missing_message(self.kind, missing))
        # Distinct, in the cell's order.
        return list({key: found[key] for key in keys}.values())

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return self.joiner.join(self.key_of(item) for item in value.all())


class ThemesWidget(ManyKeyedWidget):
    def key_of(self, obj) -> str:
        return obj.name_ca

    def lookup(self, keys):
        return {obj.name_ca: obj for obj in self.model.objects.filter(name_ca__in=keys)}


class ObjectivesWidget(ManyKeyedWidget):
    def key_of(self, obj) -> str:
        return f"{obj.plan.slug_ca}/{obj.code}"

    def lookup(self, keys):
        wanted = [key.rpartition("/") for key in keys]
        plans = {plan for plan, _sep, _code in wanted}
        codes = {code for _plan, _sep, code in wanted}
        objectives = self.model.objects.select_related("plan").filter(
            plan__slug_ca__in=plans, code__in=codes
        )
        return {self.key_of(objective): objective for objective in objectives}


def _missing_message(kind: str, keys: list[str]) -> str:
    listed = ", ".join(f"“{key}”" for key in keys)
    messages = {
        "themes": gettext("There is no theme named %(keys)s."),
        "objectives": gettext(
            "There is no objective %(keys)s (write the plan's slug, a slash and the objective's "
            "code, e.g. pla-de-mandat-2023-2027/5.2)."
        ),
        "networks": gettext("There is no network with the slug %(keys)s."),
        "agreements": gettext("There is no agreement with the slug %(keys)s."),
        "news_items": gettext("There is no news item with the slug %(keys)s."),
        "events": gettext("There is no event with the slug %(keys)s."),
    }
    return messages[kind] % {"keys": listed}


# The partners' cell.


def partners_cell(project: Project) -> str:
    lines = []
    for partner in project.partners.all():
        parts = (
            partner.organisation,
            partner.kind,
            partner.place.slug_ca if partner.place else "",
            partner.role,
            partner.participant_code,
        )
        lines.append(f" {PARTNER_SEPARATOR} ".join(parts).rstrip())  # four separators, always
    return "\n".join(lines)


def _partner_key(partner: Partner) -> tuple:
    return (
        partner.organisation,
        partner.kind,
        partner.place_id,
        partner.role,
        partner.participant_code,
    )


def parse_partners(value) -> tuple[list[Partner], list[str]]:
    """The partners a cell lists (unsaved, without their project) and what is wrong with them."""
    from relacions.places.models import Place

    partners, errors = [], []
    lines = [line.strip() for line in re.split(r"\r\n|\r|\n", _text(value)) if line.strip()]
    slugs = set()
    parsed = []
    for line in lines:
        # From the right: the kind, place, role and PIC never hold a "|", an organisation's
        # name may (the export writes every part, so its lines have four separators).
        parts = [part.strip() for part in line.rsplit(PARTNER_SEPARATOR, len(PARTNER_PARTS) - 1)]
        parts += [""] * (len(PARTNER_PARTS) - len(parts))
        parsed.append(dict(zip(PARTNER_PARTS, parts, strict=True)))
        if parts[2]:
            slugs.add(parts[2])
    places = {place.slug_ca: place for place in Place.objects.filter(slug_ca__in=slugs)}
    for number, data in enumerate(parsed, 1):
        place = None
        if data["place"]:
            place = places.get(data["place"])
            if place is None:
                errors.append(
                    gettext("Partner %(number)d: there is no place with the slug “%(slug)s”.")
                    % {"number": number, "slug": data["place"]}
                )
                continue
        partner = Partner(
            organisation=data["organisation"],
            kind=data["kind"] or Partner.Kind.OTHER,
            place=place,
            role=data["role"] or Role.PARTNER,
            participant_code=data["participant_code"],
            order=number - 1,
        )
        try:
            partner.full_clean(exclude=["project"])
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                label = Partner._meta.get_field(field).verbose_name
                for message in messages:
                    errors.append(
                        gettext("Partner %(number)d, %(field)s: %(message)s")
                        % {"number": number, "field": label, "message": message}
                    )
            continue
        partners.append(partner)
    return partners, errors


# The resource.


def _many(attribute: str, widget) -> Field:
    return Field(attribute=attribute, column_name=attribute, widget=widget)


class ProjectResource(resources.ModelResource):
    programme = Field(attribute="programme", column_name="programme", widget=ProgrammeWidget())
    department = Field(
        attribute="department",
        column_name="department",
        widget=KeyedWidget(
            Department, missing=gettext_lazy("There is no department named “%(value)s”.")
        ),
    )
    themes = _many("themes", ThemesWidget(Theme, separator="\n", kind="themes"))
    objectives = _many(
        "objectives",
        ObjectivesWidget(
            Project._meta.get_field("objectives").related_model, separator=",", kind="objectives"
        ),
    )
    networks = _many(
        "networks",
        ManyKeyedWidget(
            Project._meta.get_field("networks").related_model, separator=",", kind="networks"
        ),
    )
    agreements = _many(
        "agreements",
        ManyKeyedWidget(
            Project._meta.get_field("agreements").related_model, separator=",", kind="agreements"
        ),
    )
    news_items = _many(
        "news_items",
        ManyKeyedWidget(
            Project._meta.get_field("news_items").related_model, separator=",", kind="news_items"
        ),
    )
    events = _many(
        "events",
        ManyKeyedWidget(
            Project._meta.get_field("events").related_model, separator=",", kind="events"
        ),
    )
    # Written by save_m2m() once the project is saved: not a model field (attribute None).
    partners = Field(column_name="partners")

    class Meta:
        model = Project
        fields = (
            *localized_names("slug"),
            "acronym",
            *localized_names("title", "summary", "description"),
            "programme",
            "call_identifier",
            "grant_agreement_number",
            "city_role",
            "project_status",
            "starts_on",
            "ends_on",
            "total_cost",
            "eu_contribution",
            "city_budget",
            "city_eu_contribution",
            "department",
            "themes",
            "website",
            "objectives",
            "networks",
            "agreements",
            "news_items",
            "events",
            "partners",
            "status",
            "publish_at",
            "unpublish_at",
        )
        export_order = fields
        import_id_fields = ("slug_ca",)
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        use_transactions = True

    MONEY = ("total_cost", "eu_contribution", "city_budget", "city_eu_contribution")

    @classmethod
    def widget_from_django_field(cls, f, default=widgets.Widget):
        if f.name in cls.MONEY:
            return MoneyWidget
        if f.get_internal_type() == "DateField":
            return DateWidget
        if f.get_internal_type() == "DateTimeField":
            return DateTimeWidget
        if f.get_internal_type() in ("CharField", "TextField", "SlugField", "URLField"):
            return TextWidget
        return super().widget_from_django_field(f, default)

    @classmethod
    def widget_kwargs_for_field(cls, field_name, django_field):
        if django_field.get_internal_type() in ("CharField", "TextField", "SlugField", "URLField"):
            return {}
        return super().widget_kwargs_for_field(field_name, django_field)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._seen: dict[str, int] = {}

    def get_queryset(self):
        return self.for_export(Project.objects.all())

    @staticmethod
    def for_export(projects):
        """What a row reads: a constant number of queries whatever the number of projects."""
        return projects.select_related("programme__parent", "department").prefetch_related(
            "themes",
            "objectives__plan",
            "networks",
            "agreements",
            "news_items",
            "events",
            "partners__place",
        )

    def dehydrate_partners(self, project: Project) -> str:
        return partners_cell(project)

    def before_import(self, dataset, **kwargs):
        # The library's own message for this is never translated (it formats before it
        # translates): said here first, in the user's language.
        if "slug_ca" not in (dataset.headers or ()):
            raise ValueError(
                gettext(
                    "The file has no “slug_ca” column, which says which project each row is. "
                    "Export the list to get a file in the right format."
                )
            )
        super().before_import(dataset, **kwargs)

    # Which project a row is.

    def get_instance(self, instance_loader, row):
        slug, grant = _text(row.get("slug_ca")), _text(row.get("grant_agreement_number"))
        projects = self.get_queryset()
        if slug and (found := projects.filter(slug_ca=slug).first()):
            return found
        if grant:
            return projects.filter(grant_agreement_number=grant).first()
        return None

    # Reading a row: the fields, then the related items and the partners, every error at once.

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        texts = [
            field.attribute
            for field in self.get_import_fields()
            if isinstance(field.widget, TextWidget) and field.attribute
        ]
        before = {name: getattr(instance, name) for name in texts}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for name in texts:
            # An empty cell leaves an empty text as it was: NULL (a translation not written)
            # and "" read the same, and an unchanged row must stay unsaved.
            if getattr(instance, name) in ("", None) and before[name] in ("", None):
                setattr(instance, name, before[name])
        for field in self.get_import_fields():
            if isinstance(field.widget, widgets.ManyToManyWidget) and field.column_name in row:
                try:
                    field.clean(row)
                except ValueError as error:
                    errors[field.attribute] = [ValidationError(str(error), code="invalid")]
        self._check_twice(instance, row, errors, kwargs.get("row_number"))
        if "partners" in row:
            partners, problems = parse_partners(row["partners"])
            instance._imported_partners = partners
            if not problems and "city_role" not in errors:
                problems = [
                    message
                    for error in check_coordination(
                        instance.city_role, [partner.role for partner in partners]
                    )
                    for message in error.messages
                ]
            if problems:
                errors["partners"] = [ValidationError(problem) for problem in problems]
        if errors:
            raise ValidationError(errors)

    def _check_twice(self, instance, row, errors, row_number) -> None:
        for column in ("slug_ca", "grant_agreement_number"):
            value = _text(row.get(column))
            if not value:
                continue
            earlier = self._seen.get(f"{column}:{value}")
            if earlier is not None and earlier != row_number:
                errors.setdefault(column, []).append(
                    ValidationError(
                        gettext("Row %(row)d of the file already has this value.")
                        % {"row": earlier}
                    )
                )
            else:
                self._seen[f"{column}:{value}"] = row_number

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if not super().skip_row(instance, original, row, import_validation_errors):
            return False
        if "partners" not in row:
            return True
        existing = [] if original.pk is None else list(original.partners.all())
        imported = getattr(instance, "_imported_partners", [])
        return [_partner_key(p) for p in existing] == [_partner_key(p) for p in imported]

    def save_m2m(self, instance, row, **kwargs):
        super().save_m2m(instance, row, **kwargs)
        if "partners" in row:
            self._save_partners(instance, instance._imported_partners)

    def _save_partners(self, project: Project, imported: list[Partner]) -> None:
        """The partners as the cell lists them, in its order: existing rows are updated in place
        (their ids kept), extra ones added, missing ones removed."""
        existing = list(Partner.objects.filter(project=project).order_by("order", "pk"))
        for index, partner in enumerate(imported):
            partner.project = project
            if index < len(existing):
                partner.pk = existing[index].pk
                if _partner_key(partner) == _partner_key(existing[index]) and (
                    existing[index].order == partner.order
                ):
                    continue
            partner.save()
        Partner.objects.filter(pk__in=[p.pk for p in existing[len(imported) :]]).delete()


# Formats: the site's CSV (relacions.core.csv_export) and XLSX with every text cell kept as text.


class ProjectCSV(base_formats.CSV):
    """The CSV the site writes everywhere: byte-order mark, the active language's separators
    (a semicolon and a decimal comma in Catalan and Spanish), text that a spreadsheet would run as
    a formula behind an apostrophe. Read with either separator."""

    def export_data(self, dataset, **kwargs):
        return csv_text(dataset.headers, list(dataset), for_spreadsheet=True)

    def create_dataset(self, in_stream, **kwargs):
        if isinstance(in_stream, bytes):
            in_stream = in_stream.decode(self.encoding or "utf-8-sig")
        text = in_stream.removeprefix(BYTE_ORDER_MARK)
        first_line = text.split("\n", 1)[0]
        delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
        dataset = tablib.Dataset()
        if rows:
            dataset.headers = rows[0]
            for row in rows[1:]:
                if any(cell.strip() for cell in row):
                    dataset.append((row + [""] * len(rows[0]))[: len(rows[0])])
        return dataset


class ProjectXLSX(base_formats.XLSX):
    def export_data(self, dataset, **kwargs):
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "projects"
        sheet.append(list(dataset.headers))
        for row_number, row in enumerate(dataset, 2):
            for column, value in enumerate(row, 1):
                cell = sheet.cell(row=row_number, column=column, value=value)
                if isinstance(value, str):
                    # Never a formula: a cell starting with "=" is text.
                    cell.data_type = "s"
        sheet.freeze_panes = "A2"
        output = io.BytesIO()
        book.save(output)
        return output.getvalue()

    def create_dataset(self, in_stream):
        dataset = super().create_dataset(in_stream)
        # Rows a spreadsheet leaves empty below the data.
        kept = [row for row in dataset if any(cell not in (None, "") for cell in row)]
        clean = tablib.Dataset(headers=dataset.headers)
        for row in kept:
            clean.append(row)
        return clean


FORMATS = (ProjectXLSX, ProjectCSV)


class ImportFileStorage(BaseStorage):
    """The uploaded file between the preview and the confirmation, under a random name that only
    the confirmation form carries (the library's default takes any name in the temporary folder,
    so a crafted form could preview another file there)."""

    NAME = re.compile(r"^[0-9a-f]{32}$")

    def _path(self) -> Path:
        if not self.name or not self.NAME.match(self.name):
            raise ValueError(gettext("The file to import has expired: upload it again."))
        folder = Path(tempfile.gettempdir()) / "relacions-imports"
        folder.mkdir(mode=0o700, exist_ok=True)
        return folder / self.name

    def save(self, data):
        self.name = uuid.uuid4().hex
        self._path().write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))

    def read(self):
        path = self._path()
        if not path.exists():
            raise ValueError(gettext("The file to import has expired: upload it again."))
        data = path.read_bytes()
        return data if "b" in self.read_mode else data.decode(self.encoding or "utf-8-sig")

    def remove(self):
        self._path().unlink(missing_ok=True)
