#!/usr/bin/env bash
# Stop the throwaway PostgreSQL that start-postgres.sh started.
set -euo pipefail
base="${CROSSWIRE_PG_DIR:-/tmp/crosswire-pg}"
bindir=$(dirname "$(ls /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -n 1)")
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ -d "$base/data" ] && as_owner "$bindir/pg_ctl" -D "$base/data" -m fast stop >/dev/null || true
