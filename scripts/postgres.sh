#!/usr/bin/env bash
# Starts (creating it the first time) a private PostgreSQL cluster for development and tests, from the
# server binaries installed on this machine, and prints the connection string to use.
#
#   scripts/postgres.sh start    # idempotent: does nothing if it is already running
#   scripts/postgres.sh stop
#   scripts/postgres.sh status
#
# If ConnectionStrings__Performance is already set, that server is used and nothing is started.
# The cluster listens on 127.0.0.1 only, on port ${LEICS_PG_PORT:-5433} (so it never clashes with a
# system cluster on 5432), and trusts local connections: it is for development, never for production.
set -euo pipefail

port="${LEICS_PG_PORT:-5433}"
# Outside the work tree on purpose: the server refuses to run as root, and the postgres user it runs as
# must be able to reach its data folder whatever the permissions of the folder the repo was cloned into.
data="${LEICS_PG_DATA:-/var/tmp/leicsperformance-pg-$(id -un)}"
connection="Host=127.0.0.1;Port=${port};Username=postgres;Database=leicsperformance"

find_bin() {
  if [ -n "${LEICS_PG_BIN:-}" ]; then echo "$LEICS_PG_BIN"; return; fi
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$dir" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return; fi
  if command -v pg_ctl >/dev/null 2>&1; then dirname "$(command -v pg_ctl)"; return; fi
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1 && [ -z "${LEICS_NO_INSTALL:-}" ]; then
    echo "PostgreSQL server binaries not found: installing Debian's postgresql package ..." >&2
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -n "$dir" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return; fi
  fi
  cat >&2 <<'MSG'
PostgreSQL server binaries were not found (looked in /usr/lib/postgresql/*/bin and on PATH).
Install them, for example on Debian/Ubuntu:  sudo apt-get install -y postgresql
or point the app at an existing server:      export ConnectionStrings__Performance="Host=...;Username=...;Password=...;Database=leicsperformance"
MSG
  exit 1
}

# Runs a server command as the postgres user when we are root (the server refuses root), else as ourselves.
as_owner() {
  if [ "$(id -u)" = "0" ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

cmd="${1:-start}"
if [ -n "${ConnectionStrings__Performance:-}" ] && [ "$cmd" = "start" ]; then
  echo "Using ConnectionStrings__Performance from the environment; no local PostgreSQL started." >&2
  echo "$ConnectionStrings__Performance"
  exit 0
fi

bin=$(find_bin)

case "$cmd" in
  start)
    if [ ! -s "$data/PG_VERSION" ]; then
      mkdir -p "$data"
      if [ "$(id -u)" = "0" ]; then
        id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
        chown postgres:postgres "$data"
      fi
      chmod 700 "$data"
      echo "Creating a development PostgreSQL cluster in $data ..." >&2
      as_owner "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"${TMPDIR:-/tmp}/leicsperformance-initdb.log" 2>&1 \
        || { cat "${TMPDIR:-/tmp}/leicsperformance-initdb.log" >&2; exit 1; }
    fi
    if as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
      echo "PostgreSQL is already running ($data, port $port)." >&2
    else
      echo "Starting PostgreSQL ($data, port $port) ..." >&2
      as_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
        -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c max_connections=600 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null \
        || { tail -n 30 "$data/server.log" >&2; exit 1; }
    fi
    echo "$connection"
    ;;
  stop)
    as_owner "$bin/pg_ctl" -D "$data" -m fast stop || true
    ;;
  status)
    as_owner "$bin/pg_ctl" -D "$data" status
    ;;
  *)
    echo "usage: scripts/postgres.sh start|stop|status" >&2
    exit 2
    ;;
esac
