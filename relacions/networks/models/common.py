"""What the models of both modules (bodies.py, memberships.py) share."""

from django.utils.translation import gettext_lazy as _

OBJECTIVES_LABEL = _("contributes to")
OBJECTIVES_HELP = _("The objectives of the Pla de Mandat this work serves.")
TERRASSA_CITY_COUNCIL = "Ajuntament de Terrassa"
# The former kind of twin cities (moved to relacions.agreements): a row left with it is not
# listed among the networks.
FORMER_TWINNING_KIND = "twinning"
