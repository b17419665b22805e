from django.db import models
from modeltranslation.admin import TabbedTranslationAdmin
from reversion.admin import VersionAdmin

from relacions.core.admin_messages import GenderedMessagesMixin, RemovedImagesWarningMixin
from relacions.core.listlookups import OfferedLookupsOnly

from .history import HistoryMixin
from .previews import PreviewLinksMixin
from .revisions import RevisionsMixin
from .stale import StaleEditsRefusedMixin
from .widgets import LabelledFileWidget


class WorkflowAdmin(
    StaleEditsRefusedMixin,
    RevisionsMixin,
    HistoryMixin,
    PreviewLinksMixin,
    OfferedLookupsOnly,
    GenderedMessagesMixin,
    RemovedImagesWarningMixin,
    VersionAdmin,
):
    formfield_overrides = {
        models.FileField: {"widget": LabelledFileWidget},
        models.ImageField: {"widget": LabelledFileWidget},
    }
    object_history_template = "admin/workflow/object_history.html"
    # The project's admin/change_list.html adds the recovery link and the loaded versions.
    change_list_template = None
    history_latest_first = True


class TranslatedWorkflowAdmin(WorkflowAdmin, TabbedTranslationAdmin):
    """WorkflowAdmin with modeltranslation's language tabs."""
