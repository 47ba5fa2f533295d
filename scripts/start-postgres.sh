#!/usr/bin/env bash
# Start a throwaway PostgreSQL on loopback for the store tests, and print the
# conninfo to use. Usage: eval "$(scripts/start-postgres.sh)"; stop it with
# scripts/stop-postgres.sh. Installs Debian's server when it is missing.
set -euo pipefail

port="${CROSSWIRE_PG_PORT:-55432}"
base="${CROSSWIRE_PG_DIR:-/tmp/crosswire-pg}"

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "installing postgresql" >&2
  if [ "$(id -u)" = 0 ]; then apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2
  else sudo apt-get update -qq >&2 && sudo apt-get install -y -qq postgresql >&2; fi
fi
bindir=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")

# The server refuses to run as root: run it as the postgres user when we are root.
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [ -f "$base/data/postmaster.pid" ] && as_owner "$bindir/pg_ctl" -D "$base/data" status >/dev/null 2>&1; then
  :
else
  rm -rf "$base"
  mkdir -p "$base"
  [ "$(id -u)" = 0 ] && chown postgres "$base"
  as_owner "$bindir/initdb" -D "$base/data" -U crosswire --auth=trust -E UTF8 >/dev/null
  as_owner "$bindir/pg_ctl" -D "$base/data" -l "$base/log" -w \
    -o "-p $port -k $base -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
fi
as_owner "$bindir/psql" -h "$base" -p "$port" -U crosswire -d postgres -tAc \
  "SELECT 1 FROM pg_database WHERE datname='crosswire_test'" | grep -q 1 \
  || as_owner "$bindir/createdb" -h "$base" -p "$port" -U crosswire crosswire_test
echo "export CROSSWIRE_TEST_POSTGRES='host=127.0.0.1 port=$port user=crosswire dbname=crosswire_test'"
