"""`WorkflowAdmin`, the base of every content type's admin (base.py), and the audit log (audit.py).

WorkflowAdmin = django-reversion's VersionAdmin (a revision with author, time and comment on every
save, action and list edit; history, restore, recovery of deleted objects: revisions.py) +
conflict detection on the change form, the list edit and the actions (stale.py) + the history's
comparison of two revisions (history.py) + signed preview links (previews.py).
`TranslatedWorkflowAdmin` adds modeltranslation's language tabs; core's `PublishableAdmin`
builds on it.
"""

from . import audit  # noqa: F401  (registers the audit log's admin)
