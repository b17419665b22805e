"""The funding statement that EU beneficiaries must show beside the EU emblem (the EU's visual
identity rules for funding programmes 2021-2027): "Funded by the European Union" when the EU
pays the whole cost, "Co-funded by the European Union" when it pays part of it. Written from the
record, never typed, so a page cannot claim more than the figures say."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from .models import Project


@dataclass(frozen=True)
class FundingStatement:
    text: str
    programme: str
    grant_agreement_number: str


def funding_statement(project: Project) -> FundingStatement | None:
    """None when the project's programme is not funded by the EU."""
    if not project.is_eu_funded():
        return None
    eu, total = project.eu_contribution, project.total_cost
    if eu is not None and total is not None and eu < total:
        text = _("Co-funded by the European Union")
    else:
        # The whole cost, or amounts not recorded: the EU's general statement.
        text = _("Funded by the European Union")
    return FundingStatement(text, project.programme.full_name(), project.grant_agreement_number)
