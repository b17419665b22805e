"""Settings for the test suite (pyproject.toml points pytest-django here).

The project's settings as a test run needs them: development SECRET_KEY and ALLOWED_HOSTS, no
HTTPS redirect, static files from the finders, the page and fragment caches off. settings.py
reads that switch from RELACIONS_TESTING at import time, the variable a process a test starts
(a gunicorn) sets too. It is set only while settings.py is read, so those processes still get
exactly the environment their test gives them.
"""

import os

_previous = os.environ.get("RELACIONS_TESTING")
os.environ["RELACIONS_TESTING"] = "true"
try:
    from relacions.settings import *  # noqa: F403
finally:
    if _previous is None:
        del os.environ["RELACIONS_TESTING"]
    else:
        os.environ["RELACIONS_TESTING"] = _previous

# The production hasher costs ~0.3 s a log-in, and the tests create and sign in users by the
# hundred.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
