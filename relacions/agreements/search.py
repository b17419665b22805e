"""How the site search indexes the agreements (declared in content.py)."""

from django.utils.translation import gettext_lazy as _

from relacions.search.registry import Facet, Indexed

from .models import Agreement

AGREEMENTS = Facet("agreements", _("Agreements"), order=35)

INDEXED = (
    Indexed(
        Agreement,
        facet=AGREEMENTS,
        title="title",
        summary=("term", "status_reason"),
        body=("object", "rights_and_obligations", "economic_obligations"),
        date=lambda agreement: agreement.signed_on,
    ),
)
