#!/usr/bin/env bash
# Runs every test: unit, integration (real PostgreSQL) and browser (Debian's Chromium).
# Starts a local PostgreSQL from the installed binaries unless ConnectionStrings__Performance is set,
# and installs Chromium from Debian's packages if it is missing and we may (root).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Chromium (and poppler-utils for PDF checks) from Debian's packages ..." >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils >/dev/null
  else
    echo "Chromium is missing: install it (sudo apt-get install -y chromium poppler-utils) to run the browser tests." >&2
  fi
fi

ConnectionStrings__Performance="$(scripts/postgres.sh start)"
export ConnectionStrings__Performance

dotnet test LeicsPerformance.sln "$@"
