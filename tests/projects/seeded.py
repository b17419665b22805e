"""The programmes' code list as migration 0002 seeds it.

A test that runs in a transaction (the browser tests) empties every table when it ends, the rows
a data migration seeded included, and with `--reuse-db` the next run starts from that. Tests that
need the list put it back first, with the migration's own function (which does nothing while any
programme exists)."""

import importlib

from django.apps import apps


def seed_programmes() -> None:
    importlib.import_module("relacions.projects.migrations.0002_seed_programmes").seed(apps, None)
