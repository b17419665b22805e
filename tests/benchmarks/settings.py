"""The settings of the page benchmark's server: the site's own, plus the two baseline views.

tests/benchmarks/pages.py starts gunicorn with DJANGO_SETTINGS_MODULE=tests.benchmarks.settings;
no other server loads this module, so no other server has the baselines' addresses.
"""

from relacions.settings import *  # noqa: F403

ROOT_URLCONF = "tests.benchmarks.urls"
