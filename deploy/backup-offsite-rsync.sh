#!/bin/sh
# Copies the portal's verified backups to another machine over SSH, once a day from cron
# (after the server's own backup, BACKUP_EVERY=daily):
#   30 3 * * *  portal  /srv/portal/current/deploy/backup-offsite-rsync.sh
# The other machine keeps what it receives; --delete mirrors the retention applied here
# (BACKUP_KEEP), so remove it if the far side should keep everything.
set -eu
SOURCE="${BACKUP_DIR:-/srv/portal/data/backups}/"
TARGET="${OFFSITE_TARGET:-backup@backup.example.org:/backups/portal/}"
# Only finished, verified backups: never a .partial being written, nor a .failed one.
rsync -a --delete --include='portal-*.db' --exclude='*' -e 'ssh -o BatchMode=yes' "$SOURCE" "$TARGET"
