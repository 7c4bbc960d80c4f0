#!/bin/sh
# Sends the newest verified backup to a restic repository (encrypted, deduplicated; any
# restic back end: SFTP, S3, …), once a day from cron after the server's own backup:
#   30 3 * * *  portal  /srv/portal/current/deploy/backup-offsite-restic.sh
# Set up once: restic init (with RESTIC_REPOSITORY and RESTIC_PASSWORD_FILE below).
# Restore a file from it: restic restore latest --target /tmp/r, then npm run restore -- <file>.
set -eu
export RESTIC_REPOSITORY="${RESTIC_REPOSITORY:-sftp:backup@backup.example.org:/backups/portal-restic}"
export RESTIC_PASSWORD_FILE="${RESTIC_PASSWORD_FILE:-/etc/portal/restic-password}"
DIR="${BACKUP_DIR:-/srv/portal/data/backups}"
# Backup names sort by time: the last one is the newest.
NEWEST="$(ls "$DIR"/portal-*.db | sort | tail -n 1)"
restic backup --tag portal "$NEWEST"
restic forget --tag portal --keep-daily 7 --keep-weekly 4 --keep-monthly 12 --prune
