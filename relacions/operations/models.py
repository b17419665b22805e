from django.db import models
from django.utils.translation import gettext_lazy as _


class PageCacheGeneration(models.Model):
    """The page cache's content generation (the row with id 1): the truth that the cache's copy
    of it is checked against (relacions.operations.pagecache). Raised in every transaction that
    changes public content, so it commits or rolls back with the change. Each content table has
    a row too (its id a digest of the table's name), holding the generation of its last change:
    what a value kept with the generation read tells whether it is still good."""

    value = models.BigIntegerField(_("value"))

    class Meta:
        # The table core's first migration made, kept under its name: see this app's first
        # migration.
        db_table = "core_pagecachegeneration"
        verbose_name = _("page cache generation")

    def __str__(self):
        return str(self.value)
