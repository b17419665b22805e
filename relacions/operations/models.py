from django.db import models
from django.utils.translation import gettext_lazy as _


class PageCacheGeneration(models.Model):
    """The page cache's content generation (one row): the truth that the cache's copy of it is
    checked against (relacions.operations.pagecache). Raised in every transaction that changes
    public content, so it commits or rolls back with the change."""

    value = models.BigIntegerField(_("value"))

    class Meta:
        # The table core's first migration made, kept under its name: see this app's first
        # migration.
        db_table = "core_pagecachegeneration"
        verbose_name = _("page cache generation")

    def __str__(self):
        return str(self.value)
