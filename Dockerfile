# The Relacions web image: gunicorn serving relacions.wsgi, static files collected at build time
# and served by whitenoise. Run it with docker-compose.yml (see docs/OPERATIONS.md).

FROM python:3.13-slim AS base
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1

# --- Translations ----------------------------------------------------------------------------
# The committed *.mo files are compiled again from the *.po sources, so the image never ships a
# catalogue older than its source (`make test` recompiles them in the work tree, so a stale
# committed .mo would pass CI unseen). A stage of its own keeps gettext out of the final image;
# `msgfmt --check-format` is what `manage.py compilemessages` runs.
FROM base AS messages
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/*
COPY locale/ /build/locale/
RUN find /build/locale -name '*.po' -exec sh -c \
    'for po; do msgfmt --check-format -o "${po%.po}.mo" "$po" || exit 1; done' _ {} +

# --- The application -------------------------------------------------------------------------
FROM base AS web

# An unprivileged user; the code stays owned by root, so the process cannot change it.
RUN groupadd --system --gid 10001 relacions \
    && useradd --system --uid 10001 --gid relacions --create-home --home-dir /home/relacions \
       --shell /usr/sbin/nologin relacions

WORKDIR /app

# WeasyPrint (the yearly report's PDF) draws text with Pango, HarfBuzz and fontconfig; DejaVu is
# the font its stylesheet names.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 \
       libharfbuzz-subset0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

# Exactly the pinned, hashed dependencies; wheels only, so the image needs no compiler.
COPY requirements.lock ./
RUN pip install --require-hashes --no-deps --only-binary=:all: -r requirements.lock

COPY . .
COPY --from=messages /build/locale/ ./locale/

ENV MEDIA_ROOT=/app/media \
    PRIVATE_MEDIA_ROOT=/app/private-media \
    STATIC_ROOT=/app/staticfiles \
    WEB_CONCURRENCY=2 \
    MIGRATE_ON_START=true

# collectstatic only reads files: the values below exist so settings.py loads with DEBUG off,
# and the DATABASE_URL points at a closed port that nothing connects to. They are not kept in
# the image (they apply to this RUN line alone).
RUN SECRET_KEY=collectstatic-at-build-time-only \
    ALLOWED_HOSTS=build.invalid \
    DATABASE_URL=postgres://build@127.0.0.1:9/build \
    python manage.py collectstatic --no-input -v 0 \
    && mkdir -p /app/media /app/private-media \
    && chown relacions:relacions /app/media /app/private-media \
    && chmod 0755 /app/docker/entrypoint.sh

USER relacions
EXPOSE 8000

# /livez answers without touching the database or the cache (docker/healthcheck.py sends an
# allowed Host header and X-Forwarded-Proto: https, so neither ALLOWED_HOSTS nor the HTTPS
# redirect gets in the way).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "/app/docker/healthcheck.py"]

# MIGRATE_ON_START=true: migrate and create the roles, then exec the command.
ENTRYPOINT ["/app/docker/entrypoint.sh"]
# Workers: gunicorn reads WEB_CONCURRENCY (2 above; on 2 cores, 2 sync workers beat 4).
CMD ["gunicorn", "relacions.wsgi", "--bind", "0.0.0.0:8000", "--worker-class", "sync", "--no-control-socket", "--access-logfile", "-", "--error-logfile", "-"]
