from django import template
from django.utils.html import format_html

from .. import conflicts, dashboard
from ..admin.base import WorkflowAdmin

register = template.Library()


@register.simple_tag(takes_context=True)
def workflow_dashboard(context):
    return dashboard.build(context["request"])


@register.simple_tag
def loaded_versions(cl):
    """The changelist's hidden map of the versions it shows (conflict detection)."""
    if not isinstance(cl.model_admin, WorkflowAdmin):
        return ""
    return format_html(
        '<input type="hidden" name="{}" value="{}">',
        conflicts.LIST_FIELD,
        cl.model_admin.loaded_versions(cl.result_list),
    )


@register.filter
def is_versioned(model_admin) -> bool:
    return isinstance(model_admin, WorkflowAdmin)
