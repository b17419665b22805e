#!/bin/sh
# The web container's entrypoint. With MIGRATE_ON_START true (the image's default) it brings the
# database schema up to date and creates or updates the roles, then runs the command (gunicorn
# by default, or whatever `docker compose run web ...` passes). Both steps are idempotent.
# With several web containers on one database, set MIGRATE_ON_START=false on all but one.
set -eu

case "$(printf '%s' "${MIGRATE_ON_START:-false}" | tr '[:upper:]' '[:lower:]')" in
    1 | true | yes | on)
        python manage.py migrate --no-input
        python manage.py setup_roles
        ;;
esac

exec "$@"
