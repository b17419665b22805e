"""European and international projects the city takes part in, with whom, and with how much money.

The money is four typed amounts in euros (the project's total cost and EU contribution, the
city's budget and the city's share of the EU contribution); the co-financing rates are computed,
never typed. Status follows IATI's activity-status code list and partners' kinds IATI's
organisation-type list, so the open data reads the same as other publishers'. Programmes, themes
and departments are editable code lists (Administrators manage them).
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from relacions.core.addresses import reverse
from relacions.core.fields import RichTextField
from relacions.core.models import Publishable
from relacions.core.money import amount_field
from relacions.networks.files import validate_document_size, validate_pdf

from .querysets import PartnerQuerySet, ProjectQuerySet

END_BEFORE_START = _("The end date cannot be earlier than the start date.")
EU_ABOVE_TOTAL = _("The EU contribution cannot be higher than the project's total cost.")
CITY_ABOVE_PROJECT = _("The city's budget cannot be higher than the project's total cost.")
CITY_EU_ABOVE_PROJECT_EU = _(
    "The city's EU contribution cannot be higher than the project's EU contribution."
)
CITY_EU_ABOVE_BUDGET = _("The city's EU contribution cannot be higher than the city's budget.")
DUPLICATE_GRANT = _("Another project already has this grant agreement number.")

validate_participant_code = RegexValidator(
    r"^[0-9]{9}$",
    _("Enter the EU participant identification code (PIC): nine digits, e.g. 999999999."),
)


# The news and events a project's page shows, at most.
RELATED_LIMIT = 20


class Programme(models.Model):
    """A funding programme, or a strand, key action or sub-programme of one (`parent`): e.g.
    Interreg › Interreg Europe, Erasmus+ › KA2. An editable code list."""

    name = models.CharField(_("name"), max_length=200)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="strands",
        help_text=_("For a strand, key action or sub-programme: the programme it belongs to."),
    )
    eu_funded = models.BooleanField(
        _("funded by the European Union"),
        default=True,
        help_text=_(
            "Its projects' pages carry the EU emblem and the funding statement the EU requires "
            "of beneficiaries."
        ),
    )
    current = models.BooleanField(
        _("current"), default=True, help_text=_("Off for a programme that has closed.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    # The version of the row in a rendered fragment's stamp (operations.pagecache.fragments).
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ("order", "name", "pk")

    def __str__(self):
        return self.full_name()

    def full_name(self) -> str:
        """“Interreg › Interreg Europe”: the name after its parent's (read with the parent
        selected, e.g. `select_related("programme__parent")`)."""
        if self.parent_id:
            return f"{self.parent.name} › {self.name}"
        return self.name

    def clean(self):
        super().clean()
        if self.parent_id and (self.parent_id == self.pk or self.parent.parent_id):
            raise ValidationError(
                {
                    "parent": _(
                        "A programme can only be part of a programme that is not a part itself."
                    )
                },
                code="nested_programme",
            )


class Theme(models.Model):
    name = models.CharField(_("name"), max_length=100)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ("order", "name", "pk")

    def __str__(self):
        return self.name


class Department(models.Model):
    """A municipal department responsible for projects."""

    name = models.CharField(_("name"), max_length=200)

    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("municipal department")
        verbose_name_plural = _("municipal departments")
        ordering = ("name", "pk")

    def __str__(self):
        return self.name


class Role(models.TextChoices):
    """A participant's role in a project (the city's or a partner's)."""

    COORDINATOR = "coordinator", _("Coordinator / lead partner")
    PARTNER = "partner", _("Partner / beneficiary")
    ASSOCIATED = "associated", _("Associated partner")
    AFFILIATED = "affiliated", _("Affiliated entity")


class Project(Publishable):
    class ProjectStatus(models.TextChoices):
        """IATI's ActivityStatus code list (codes 1–6); the value is the IATI code."""

        PIPELINE = "1", pgettext_lazy("project status", "Pipeline / identification")
        IMPLEMENTATION = "2", pgettext_lazy("project status", "Implementation")
        FINALISATION = "3", pgettext_lazy("project status", "Finalisation")
        CLOSED = "4", pgettext_lazy("project status", "Closed")
        CANCELLED = "5", pgettext_lazy("project status", "Cancelled")
        SUSPENDED = "6", pgettext_lazy("project status", "Suspended")

    acronym = models.CharField(_("acronym"), max_length=50)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One or two sentences, shown in lists and searches.")
    )
    description = RichTextField(_("description"), blank=True)
    programme = models.ForeignKey(
        Programme,
        verbose_name=_("programme"),
        on_delete=models.PROTECT,
        related_name="projects",
    )
    call_identifier = models.CharField(
        _("call or topic"),
        max_length=100,
        blank=True,
        help_text=_("The call or topic identifier, e.g. CERV-2024-CITIZENS-TOWN."),
    )
    grant_agreement_number = models.CharField(
        _("grant agreement number"),
        max_length=50,
        blank=True,
        help_text=_("As the grant agreement states it, e.g. 101234567."),
    )
    city_role = models.CharField(
        _("the city's role"), max_length=12, choices=Role, default=Role.PARTNER
    )
    project_status = models.CharField(
        _("project status"),
        max_length=1,
        choices=ProjectStatus.choices,
        default=ProjectStatus.IMPLEMENTATION,
        db_index=True,
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    total_cost = amount_field(
        _("total cost (EUR)"),
        null=True,
        blank=True,
        help_text=_("The whole project's eligible cost."),
    )
    eu_contribution = amount_field(
        _("EU contribution (EUR)"),
        null=True,
        blank=True,
        help_text=_("The EU's contribution to the whole project."),
    )
    city_budget = amount_field(
        _("the city's budget (EUR)"),
        null=True,
        blank=True,
        help_text=_("The city's part of the cost."),
    )
    city_eu_contribution = amount_field(
        _("the city's EU contribution (EUR)"),
        null=True,
        blank=True,
        help_text=_("The part of the city's budget that the EU pays."),
    )
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), blank=True, related_name="projects"
    )
    department = models.ForeignKey(
        Department,
        verbose_name=_("responsible department"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="projects",
    )
    website = models.URLField(_("project website"), blank=True)
    # Declared here so the apps below need not know this one.
    objectives = models.ManyToManyField(
        "mandate.Objective",
        verbose_name=_("contributes to"),
        blank=True,
        related_name="projects",
        help_text=_("The Pla de Mandat objectives this project serves."),
    )
    networks = models.ManyToManyField(
        "networks.Network", verbose_name=_("networks"), blank=True, related_name="projects"
    )
    agreements = models.ManyToManyField(
        "agreements.Agreement", verbose_name=_("agreements"), blank=True, related_name="projects"
    )
    news_items = models.ManyToManyField(
        "news.NewsItem", verbose_name=_("news"), blank=True, related_name="projects"
    )
    events = models.ManyToManyField(
        "events.Event", verbose_name=_("events"), blank=True, related_name="projects"
    )

    objects = ProjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ("-starts_on", "acronym", "pk")
        constraints = (
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="projects_project_ends_after_start",
                violation_error_message=END_BEFORE_START,
            ),
            models.CheckConstraint(
                condition=Q(eu_contribution__isnull=True)
                | Q(total_cost__isnull=True)
                | Q(eu_contribution__lte=F("total_cost")),
                name="projects_project_eu_within_total",
                violation_error_message=EU_ABOVE_TOTAL,
            ),
            models.CheckConstraint(
                condition=Q(city_budget__isnull=True)
                | Q(total_cost__isnull=True)
                | Q(city_budget__lte=F("total_cost")),
                name="projects_project_city_within_total",
                violation_error_message=CITY_ABOVE_PROJECT,
            ),
            models.CheckConstraint(
                condition=Q(city_eu_contribution__isnull=True)
                | Q(eu_contribution__isnull=True)
                | Q(city_eu_contribution__lte=F("eu_contribution")),
                name="projects_project_city_eu_within_eu",
                violation_error_message=CITY_EU_ABOVE_PROJECT_EU,
            ),
            models.CheckConstraint(
                condition=Q(city_eu_contribution__isnull=True)
                | Q(city_budget__isnull=True)
                | Q(city_eu_contribution__lte=F("city_budget")),
                name="projects_project_city_eu_within_budget",
                violation_error_message=CITY_EU_ABOVE_BUDGET,
            ),
            models.UniqueConstraint(
                fields=("grant_agreement_number",),
                condition=~Q(grant_agreement_number=""),
                name="projects_project_unique_grant",
                violation_error_message=DUPLICATE_GRANT,
            ),
        )

    def __str__(self):
        return f"{self.acronym} — {self.title}" if self.acronym else self.title

    def get_absolute_url(self):
        return reverse("projects:detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = ValidationError(END_BEFORE_START, code="end_before_start")
        for field, larger, message, code in (
            ("eu_contribution", "total_cost", EU_ABOVE_TOTAL, "eu_above_total"),
            ("city_budget", "total_cost", CITY_ABOVE_PROJECT, "city_above_project"),
            (
                "city_eu_contribution",
                "eu_contribution",
                CITY_EU_ABOVE_PROJECT_EU,
                "city_eu_above_project_eu",
            ),
            ("city_eu_contribution", "city_budget", CITY_EU_ABOVE_BUDGET, "city_eu_above_budget"),
        ):
            amount, limit = getattr(self, field), getattr(self, larger)
            if amount is not None and limit is not None and amount > limit and field not in errors:
                errors[field] = ValidationError(message, code=code)
        if self.grant_agreement_number:
            duplicates = Project.objects.filter(
                grant_agreement_number=self.grant_agreement_number
            ).exclude(pk=self.pk)
            if duplicates.exists():
                errors["grant_agreement_number"] = ValidationError(
                    DUPLICATE_GRANT, code="duplicate_grant"
                )
        if errors:
            raise ValidationError(errors)

    # The rates are computed, never typed: None when an amount is missing.
    def co_financing_rate(self) -> Decimal | None:
        """The EU's share of the whole project's cost, in per cent."""
        return _rate(self.eu_contribution, self.total_cost)

    def city_co_financing_rate(self) -> Decimal | None:
        """The EU's share of the city's budget, in per cent."""
        return _rate(self.city_eu_contribution, self.city_budget)

    def is_eu_funded(self) -> bool:
        return self.programme.eu_funded

    def is_active(self, today: datetime.date | None = None) -> bool:
        return self.project_status in ACTIVE_STATUSES

    def funding(self):
        """The EU funding statement its page shows (None when the programme is not EU-funded)."""
        from .funding import funding_statement

        return funding_statement(self)

    def recent_news(self) -> list:
        """Its latest public news, as prefetched (newest first) by projects.fragments.DETAIL."""
        return list(self.news_items.all())[:RELATED_LIMIT]

    def recent_events(self) -> list:
        """Its latest public events, as prefetched (latest first) by projects.fragments.DETAIL."""
        return list(self.events.all())[:RELATED_LIMIT]

    def public_timeline(self) -> list["TimelineEntry"]:
        """The timeline of the project's page: with its latest public news and events."""
        return self.timeline(news=self.recent_news(), events=self.recent_events())

    def timeline(self, news=(), events=()) -> list["TimelineEntry"]:
        """The project's life by date: start, results (from `results`, prefetched), the given
        published news and events, and its end."""
        entries = [TimelineEntry(self.starts_on, _("Start"))]
        for result in self.results.all():
            if result.date:
                entries.append(
                    TimelineEntry(result.date, _("Result"), result.title, result.href(), result)
                )
        for item in news:
            entries.append(
                TimelineEntry(
                    item.published_on, _("News"), item.title, item.get_absolute_url(), item
                )
            )
        for event in events:
            entries.append(
                TimelineEntry(
                    event.start.date(), _("Event"), event.title, event.get_absolute_url(), event
                )
            )
        entries.append(TimelineEntry(self.ends_on, _("End")))
        return sorted(entries, key=lambda entry: entry.date)


ACTIVE_STATUSES = (Project.ProjectStatus.IMPLEMENTATION, Project.ProjectStatus.FINALISATION)


def _rate(part: Decimal | None, whole: Decimal | None) -> Decimal | None:
    if part is None or not whole:
        return None
    return (part * 100 / whole).quantize(Decimal("0.01"))


@dataclass(frozen=True)
class TimelineEntry:
    date: datetime.date
    kind: str
    text: str = ""
    url: str = ""
    # The item the text is the title of, so a page can mark a title shown in Catalan.
    obj: models.Model | None = None
    field: str = "title"


class Partner(models.Model):
    """An organisation taking part in the project besides the City Council (whose own role and
    money are the project's fields)."""

    class Kind(models.TextChoices):
        """IATI's OrganisationType code list; the value is the IATI code."""

        GOVERNMENT = "10", _("Government")
        LOCAL_GOVERNMENT = "11", _("Local government")
        OTHER_PUBLIC = "15", _("Other public sector")
        INTERNATIONAL_NGO = "21", _("International NGO")
        NATIONAL_NGO = "22", _("National NGO")
        REGIONAL_NGO = "23", _("Regional NGO")
        PARTNER_COUNTRY_NGO = "24", _("Partner country based NGO")
        PUBLIC_PRIVATE = "30", _("Public private partnership")
        MULTILATERAL = "40", _("Multilateral")
        FOUNDATION = "60", _("Foundation")
        PRIVATE = "70", _("Private sector")
        PRIVATE_PROVIDER = "71", _("Private sector in provider country")
        PRIVATE_RECIPIENT = "72", _("Private sector in aid recipient country")
        PRIVATE_THIRD = "73", _("Private sector in third country")
        ACADEMIC = "80", _("Academic, training and research")
        OTHER = "90", _("Other")

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="partners"
    )
    organisation = models.CharField(
        _("organisation"), max_length=200, help_text=_("Its name, as it writes it.")
    )
    kind = models.CharField(_("kind"), max_length=2, choices=Kind.choices, default=Kind.OTHER)
    place = models.ForeignKey(
        "places.Place",
        verbose_name=_("place"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="project_partners",
    )
    role = models.CharField(_("role"), max_length=12, choices=Role, default=Role.PARTNER)
    participant_code = models.CharField(
        _("EU participant code (PIC)"),
        max_length=9,
        blank=True,
        validators=[validate_participant_code],
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = PartnerQuerySet.as_manager()

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ("order", "pk")

    def __str__(self):
        return self.organisation


def check_coordination(city_role: str, partner_roles: list[str]) -> list[ValidationError]:
    """One coordinator per project: the city or one partner. The errors, empty when it holds
    (used by the admin's partner formset and by the import, which see all the rows at once)."""
    errors = []
    coordinators = partner_roles.count(Role.COORDINATOR)
    if city_role == Role.COORDINATOR and coordinators:
        errors.append(
            ValidationError(
                _(
                    "The city is the coordinator: no partner can be the coordinator too. "
                    "Change the partner's role or the city's."
                ),
                code="two_coordinators",
            )
        )
    elif coordinators > 1:
        errors.append(ValidationError(_("A project has one coordinator."), code="two_coordinators"))
    elif city_role != Role.COORDINATOR and partner_roles and not coordinators:
        errors.append(
            ValidationError(
                _(
                    "No participant is the coordinator: make the city the coordinator, or "
                    "give one partner that role."
                ),
                code="no_coordinator",
            )
        )
    return errors


class Result(models.Model):
    """A result or deliverable: a document, a tool, a report."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="results"
    )
    title = models.CharField(_("title"), max_length=300)
    date = models.DateField(_("date"), null=True, blank=True)
    file = models.FileField(
        _("file"),
        upload_to="projects/%Y/",
        validators=[validate_pdf, validate_document_size],
        blank=True,
        help_text=_("A public PDF."),
    )
    url = models.URLField(_("address"), blank=True, help_text=_("Or a link to it."))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("result or deliverable")
        verbose_name_plural = _("results and deliverables")
        ordering = ("order", "date", "pk")

    def __str__(self):
        return self.title

    def href(self) -> str:
        return self.file.url if self.file else self.url
