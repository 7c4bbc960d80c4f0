#!/bin/sh
# Runs one of the portal's npm scripts as the service runs: in the release in use, with the
# service's settings (/etc/portal/portal.env, or PORTAL_ENV_FILE). Run it as the service user:
#   sudo -u portal /srv/portal/current/deploy/portal-cli.sh backup
#   sudo -u portal /srv/portal/current/deploy/portal-cli.sh restore -- /srv/portal/data/backups/portal-….db
#   sudo -u portal /srv/portal/current/deploy/portal-cli.sh mail:test -- --to you@example.org
#   sudo -u portal /srv/portal/current/deploy/portal-cli.sh admin -- create --email you@example.org --name "Your Name"
set -eu
ENV_FILE="${PORTAL_ENV_FILE:-/etc/portal/portal.env}"
cd "$(dirname "$0")/.."
set -a
# shellcheck disable=SC1090
. "$ENV_FILE"
set +a
exec npm run "$@"
