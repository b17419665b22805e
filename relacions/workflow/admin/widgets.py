from django.contrib.admin.widgets import AdminFileWidget


class LabelledFileWidget(AdminFileWidget):
    """Django's file widget under a <label> for its file input, not a <legend>: a legend names
    the group, and left the input itself without a name for screen readers. The "clear" checkbox
    keeps its own label."""

    use_fieldset = False
