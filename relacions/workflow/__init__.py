"""The editorial workflow shared by every content type: revisions (django-reversion), conflict
detection, signed previews, per-language change tracking, the audit log, the translation status
and the admin dashboard.

It stands on `core` and knows the content apps only through what they register: their
ModelAdmins (subclasses of `WorkflowAdmin`), modeltranslation's registry, and the detail views
that their objects' `get_absolute_url()` resolves to (`PreviewMixin`).
"""
